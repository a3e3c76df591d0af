import type { Alarm } from '../../../shared/domain/alarms';
import type { Command } from '../../../shared/domain/commands';
import type { LogbookEntry, LogbookHandover } from '../../../shared/domain/logbook';
import { csvDocument, parisTimestamp } from '../spreadsheet-csv';
import { ALARM_PRIORITY_FR, ALARM_STATE_FR, COMMAND_STATE_FR, commandLabel, parisShort } from './wording';

/** Names the export shows beside the ids: the asset's and the commune's. */
export interface CsvNames {
  asset(id: string): string | undefined;
  commune(code: string): string | undefined;
}

export const HANDOVER_CSV_COLUMNS = ['rubrique', 'horodatage', 'auteur', 'commune', 'équipement', 'objet', 'état', 'détail', 'liens', 'identifiant'] as const;

/**
 * The handover as one table a spreadsheet can filter: one row per open alarm, pending command,
 * acknowledgement, command of the shift and main courante entry, the section in the first column.
 * Instants in Paris local time with their offset.
 */
export function handoverCsvRows(handover: LogbookHandover, names: CsvNames): string[][] {
  const { open, done } = handover;
  return [
    ...open.unacknowledged.map((a) => alarmRow('En cours — non acquittée', a, a.raisedAt, '', names)),
    ...open.acknowledged.map((a) => alarmRow('En cours — acquittée', a, a.raisedAt, a.acknowledgedBy ?? '', names)),
    ...open.shelved.map((a) => alarmRow('En cours — mise de côté', a, a.shelvedAt ?? a.raisedAt, a.shelvedBy ?? '', names)),
    ...open.pendingCommands.map((c) => commandRow('En cours — commande', c, names)),
    ...done.acknowledgements.map((a) => alarmRow('Acquittement', a, a.acknowledgedAt ?? a.raisedAt, a.acknowledgedBy ?? '', names)),
    ...done.commands.map((c) => commandRow('Commande', c, names)),
    ...done.entries.map((e) => entryRow(e, names)),
  ];
}

export function handoverCsv(handover: LogbookHandover, names: CsvNames): { csv: string; rows: number } {
  const rows = handoverCsvRows(handover, names);
  return { csv: csvDocument(HANDOVER_CSV_COLUMNS, rows), rows: rows.length };
}

function alarmRow(section: string, alarm: Alarm, at: string, who: string, names: CsvNames): string[] {
  const detail = [
    alarm.comment ? `commentaire : ${alarm.comment}` : '',
    alarm.state === 'shelved' ? `motif : ${alarm.shelveReason ?? ''} ; échéance : ${alarm.shelvedUntil ? parisShort(alarm.shelvedUntil) : '?'}` : '',
    `priorité : ${ALARM_PRIORITY_FR[alarm.priority]}`,
  ].filter(Boolean);
  return [section, parisTimestamp(at), who, communeCell(alarm.commune, names), names.asset(alarm.assetId) ?? alarm.assetId, alarm.message, ALARM_STATE_FR[alarm.state], detail.join(' ; '), '', alarm.id];
}

function commandRow(section: string, command: Command, names: CsvNames): string[] {
  return [
    section,
    parisTimestamp(command.requestedAt),
    command.requestedBy,
    communeCell(command.commune, names),
    names.asset(command.assetId) ?? command.assetId,
    commandLabel(command),
    COMMAND_STATE_FR[command.state],
    command.detail ?? '',
    '',
    command.id,
  ];
}

function entryRow(entry: LogbookEntry, names: CsvNames): string[] {
  const assets = [...new Set(entry.links.map((l) => names.asset(l.assetId) ?? l.assetId))];
  return [
    entry.kind === 'auto' ? 'Main courante (automatique)' : 'Main courante',
    parisTimestamp(entry.at),
    entry.author,
    entry.commune ? communeCell(entry.commune, names) : '',
    assets.join(', '),
    entry.text,
    '',
    entry.corrects ? `corrige ${entry.corrects}` : '',
    entry.links.map((l) => `${l.kind} ${l.id} : ${l.label}`).join(' | '),
    entry.id,
  ];
}

function communeCell(code: string, names: CsvNames): string {
  const name = names.commune(code);
  return name ? `${name} (${code})` : code;
}
