import { randomUUID } from 'node:crypto';
import type { Alarm } from '../../../shared/domain/alarms';
import { MAX_LOGBOOK_LINKS, type LogbookEntry, type LogbookLink } from '../../../shared/domain/logbook';
import type { ChangeSet } from '../store/change-set';
import type { CommandRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import { alarmLabel, commandLabel, parisShort } from './wording';

const INSERT_ENTRY = 'INSERT INTO logbook (id, at, author, kind, commune, text, corrects) VALUES (?, ?, ?, ?, ?, ?, ?)';
const INSERT_LINK = 'INSERT INTO logbook_links (entry_id, position, kind, target_id, asset_id, label) VALUES (?, ?, ?, ?, ?, ?)';

/** An entry before the hub gave it its id and time. */
export type LogbookDraft = Omit<LogbookEntry, 'id' | 'at'>;

/**
 * The main courante's writing side. Entries are rows plus a `logbook.added` journal event, in the
 * same batch as the action they record, so every console sees them live and the disk has them
 * first. Besides what people write, the hub records the actions an operator would otherwise have
 * to type, and only those: an acknowledgement that carries a comment (without one, it is routine
 * and the handover lists it anyway), a shelving and its reason, an alarm brought back by hand,
 * and a command's outcome (confirmed, failed or expired; a command replaced by a newer one is not
 * news). Raising, clearing, repeats and each step of a command stay out: that is the alarm list's
 * and the command tracker's job, and would drown what people wrote. Runs inside writer work only.
 */
export class Logbook {
  constructor(private readonly state: TerritoryState) {}

  /** Writes the entry and journals it; scoped to its commune (no commune: unscoped users only). */
  add(draft: LogbookDraft, at: string, changes: ChangeSet): LogbookEntry {
    const entry: LogbookEntry = { id: `lb-${randomUUID()}`, at, ...draft };
    changes.write({ sql: INSERT_ENTRY, params: [entry.id, at, entry.author, entry.kind, entry.commune ?? null, entry.text, entry.corrects ?? null] });
    entry.links.forEach((link, position) =>
      changes.write({ sql: INSERT_LINK, params: [entry.id, position, link.kind, link.id, link.assetId, link.label] }),
    );
    changes.event({ type: 'logbook.added', entry }, entry.commune ?? '');
    return entry;
  }

  /** An acknowledgement's comment is worth keeping; a bare acknowledgement is not an entry. */
  acknowledged(alarms: readonly Alarm[], username: string, comment: string | undefined, at: string, changes: ChangeSet): void {
    const text = comment?.trim();
    if (!text || alarms.length === 0) return;
    const first = alarms[0]!;
    const many = alarms.length > 1;
    const communes = new Set(alarms.map((a) => a.commune));
    this.add(
      {
        author: username,
        kind: 'auto',
        ...(communes.size === 1 ? { commune: first.commune } : {}),
        text: many ? `Acquittement groupé de ${alarms.length} alarmes : ${text}` : `Acquittement : ${text}`,
        links: alarms.slice(0, MAX_LOGBOOK_LINKS).map((a) => this.alarmLink(a)),
      },
      at,
      changes,
    );
  }

  shelved(alarm: Alarm, at: string, changes: ChangeSet): void {
    const until = alarm.shelvedUntil ? ` jusqu’au ${parisShort(alarm.shelvedUntil)}` : '';
    this.add(
      { author: alarm.shelvedBy ?? '?', kind: 'auto', commune: alarm.commune, text: `Alarme mise de côté${until} : ${alarm.shelveReason ?? ''}`, links: [this.alarmLink(alarm)] },
      at,
      changes,
    );
  }

  unshelved(alarm: Alarm, username: string, at: string, changes: ChangeSet): void {
    this.add({ author: username, kind: 'auto', commune: alarm.commune, text: 'Alarme réintégrée dans la liste avant son échéance.', links: [this.alarmLink(alarm)] }, at, changes);
  }

  /** A command reached its final state: confirmed, failed or expired make an entry. */
  commandSettled({ command }: CommandRecord, changes: ChangeSet): void {
    const outcome =
      command.state === 'confirmed' ? 'confirmée par l’appareil' : command.state === 'failed' ? 'en échec' : command.state === 'expired' ? 'expirée' : undefined;
    if (!outcome) return;
    const detail = command.state !== 'confirmed' && command.detail ? ` : ${command.detail}` : '.';
    this.add(
      {
        author: command.requestedBy,
        kind: 'auto',
        commune: command.commune,
        text: `${commandLabel(command)} — commande ${outcome}${detail}`,
        links: [this.commandLink(command)],
      },
      command.updatedAt,
      changes,
    );
  }

  alarmLink(alarm: Alarm): LogbookLink {
    return { kind: 'alarm', id: alarm.id, assetId: alarm.assetId, label: alarmLabel(alarm, this.assetName(alarm.assetId)) };
  }

  commandLink(command: CommandRecord['command']): LogbookLink {
    const name = this.assetName(command.assetId);
    return { kind: 'command', id: command.id, assetId: command.assetId, label: name ? `${commandLabel(command)} — ${name}` : commandLabel(command) };
  }

  assetLink(assetId: string): LogbookLink {
    return { kind: 'asset', id: assetId, assetId, label: this.assetName(assetId) ?? assetId };
  }

  private assetName(assetId: string): string | undefined {
    return this.state.assets.get(assetId)?.asset.name;
  }
}
