import type { LogbookEntry } from '../../../shared/domain/logbook';
import type { ClientMessage, ReplyPayload } from '../../../shared/protocol/messages';
import { mayKeepLogbook } from '../auth/permissions';
import { HubError } from '../errors';
import { entryWhere, readEntries, scopeTo } from '../logbook/entries';
import { MAX_HANDOVER_ITEMS, shiftRange } from '../logbook/handover';
import { loadHandover } from '../logbook/handover-sources';
import { handoverCsv } from '../logbook/logbook-csv';
import { entryCommune, resolveLinks } from '../logbook/links';
import type { ConsoleConnection } from './console-connection';

type LogbookOp = 'logbook.add' | 'logbook.list' | 'logbook.handover' | 'logbook.export';
type Handler<K extends LogbookOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

/** Most rows one export carries: a month of a busy command post fits. */
const MAX_EXPORT_ITEMS = 100_000;

function requireLogbook(connection: ConsoleConnection) {
  return connection.requirePermission(mayKeepLogbook, 'La main courante est réservée au poste de commandement et aux agents d’astreinte.');
}

function requireShift(message: { from?: string; to?: string }): { fromMs: number; toMs: number } {
  const range = shiftRange(message, Date.now());
  if ('error' in range) throw new HubError('invalid', range.error);
  return range;
}

export const LOGBOOK_HANDLERS: { [K in LogbookOp]: Handler<K> } = {
  async 'logbook.add'(message, connection) {
    const user = requireLogbook(connection);
    const { hub } = connection;
    const { links, communes } = await resolveLinks(hub, user, message);
    let corrected: LogbookEntry | undefined;
    if (message.corrects) {
      [corrected] = await readEntries(hub.db, scopeTo(user, 'e.commune', { where: ['e.id = ?'], params: [message.corrects] }), 'newest', 1);
      if (!corrected) throw new HubError('not-found', 'L’entrée à corriger est introuvable ou hors de votre périmètre.');
    }
    // A correction without links of its own stays where the entry it corrects was read.
    const given = message.commune ?? (communes.size === 0 ? corrected?.commune : undefined);
    const commune = entryCommune(user, given, communes, new Set(hub.territory.communes.map((c) => c.code)));
    const entry = await hub.writer.submit((changes) =>
      hub.logbook.add(
        { author: user.username, kind: 'note', ...(commune ? { commune } : {}), text: message.text, links, ...(message.corrects ? { corrects: message.corrects } : {}) },
        new Date().toISOString(),
        changes,
      ),
    );
    return { entry };
  },

  async 'logbook.list'(message, connection) {
    const user = requireLogbook(connection);
    const { hub } = connection;
    const filter = scopeTo(user, 'e.commune', entryWhere(message));
    if (message.before) {
      const known = await hub.db.get('SELECT 1 FROM logbook WHERE id = ?', [message.before]);
      if (!known) throw new HubError('not-found', 'Entrée de main courante introuvable.');
      filter.where.push('(e.at, e.id) < (SELECT at, id FROM logbook WHERE id = ?)');
      filter.params.push(message.before);
    }
    const limit = message.limit ?? 100;
    const entries = await readEntries(hub.db, filter, 'newest', limit + 1);
    return { entries: entries.slice(0, limit), more: entries.length > limit };
  },

  async 'logbook.handover'(message, connection) {
    const user = requireLogbook(connection);
    const { fromMs, toMs } = requireShift(message);
    return { handover: await loadHandover(connection.hub, user, fromMs, toMs, MAX_HANDOVER_ITEMS) };
  },

  async 'logbook.export'(message, connection) {
    const user = requireLogbook(connection);
    const { hub } = connection;
    const { fromMs, toMs } = requireShift(message);
    const handover = await loadHandover(hub, user, fromMs, toMs, MAX_EXPORT_ITEMS);
    const communeNames = new Map(hub.territory.communes.map((c) => [c.code, c.name]));
    const { csv, rows } = handoverCsv(handover, { asset: (id) => hub.state.assets.get(id)?.asset.name, commune: (code) => communeNames.get(code) });
    // Taking a copy of the command post's record out of the hub is worth a line in the audit trail.
    await hub.writer.submit((changes) =>
      changes.audited({ actor: user.username, address: connection.address, action: 'logbook.export', details: { from: handover.from, to: handover.to, rows } }),
    );
    return { csv, rows, from: handover.from, to: handover.to };
  },
};
