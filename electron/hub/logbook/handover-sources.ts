import type { Alarm } from '../../../shared/domain/alarms';
import type { Command } from '../../../shared/domain/commands';
import type { LogbookHandover } from '../../../shared/domain/logbook';
import { canSeeCommune, type SessionUser } from '../../../shared/domain/users';
import type { HubContext } from '../api/context';
import { alarmFromRow, commandFromRow } from '../state/territory-state';
import { entryWhere, readEntries, scopeTo, andWhere, type Where } from './entries';
import { assembleHandover } from './handover';

/** Upper bound on what one handover reads of each kind; past it, `totals` stops counting. */
const MAX_READ_ROWS = 100_000;

/**
 * Reads what the handover of [fromMs, toMs) is made of, as this user may see it, and assembles
 * it. Alarms and commands still in the hub's working set are taken from it, fresher than the
 * disk while a batch is being written.
 */
export async function loadHandover(hub: HubContext, user: SessionUser, fromMs: number, toMs: number, cap: number): Promise<LogbookHandover> {
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const inRange = (column: string): Where => scopeTo(user, 'commune', { where: [`${column} >= ?`, `${column} < ?`], params: [from, to] });

  const acknowledgedAt = inRange('acknowledged_at');
  const ackRows = await hub.db.all(`SELECT * FROM alarms ${andWhere(acknowledgedAt)} LIMIT ?`, [...acknowledgedAt.params, MAX_READ_ROWS]);
  const acknowledgedInShift = ackRows.map((row) => {
    const alarm = alarmFromRow(row);
    const live = hub.state.alarms.get(alarm.id);
    return live?.acknowledgedAt ? { ...live } : alarm;
  });
  const requestedAt = inRange('requested_at');
  const commandRows = await hub.db.all(`SELECT * FROM commands ${andWhere(requestedAt)} LIMIT ?`, [...requestedAt.params, MAX_READ_ROWS]);
  const commandsInShift = commandRows.map((row) => {
    const command = commandFromRow(row).command;
    return hub.state.commands.get(command.id)?.command ?? command;
  });
  const entriesInShift = await readEntries(hub.db, scopeTo(user, 'e.commune', entryWhere({ from, to })), 'oldest', MAX_READ_ROWS);

  const visible = (item: { commune: string }) => canSeeCommune(user, item.commune);
  const keptAlarms: Alarm[] = [...hub.state.alarms.values()].filter(visible).map((a) => ({ ...a }));
  const pendingCommands: Command[] = [...hub.state.commands.values()].map((r) => ({ ...r.command })).filter(visible);
  return assembleHandover({ from, to, generatedAt: new Date().toISOString(), keptAlarms, pendingCommands, acknowledgedInShift, commandsInShift, entriesInShift }, cap);
}
