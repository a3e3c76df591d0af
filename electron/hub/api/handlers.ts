import { isProgrammeRequest } from '../../../shared/domain/commands';
import { canSeeCommune, seesDevices } from '../../../shared/domain/users';
import type { ClientMessage, ClientOp, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAcknowledge, mayCommand } from '../auth/permissions';
import { verifyPassword } from '../auth/passwords';
import { findUser, toSessionUser } from '../auth/users';
import type { AssetRecord } from '../state/records';
import { commandFromRow } from '../state/territory-state';
import { HubError } from '../errors';
import { ADMIN_HANDLERS } from './admin-handlers';
import { DEVICE_HANDLERS } from './device-handlers';
import { ALARM_HANDLERS } from './alarm-handlers';
import { eventFor } from './broadcaster';
import type { ConsoleConnection } from './console-connection';
import { programmesReply } from './programmes-reply';
import { buildSnapshot } from './snapshot';

type Handler<K extends ClientOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

/**
 * A console further behind than this gets a fresh snapshot rather than the events it missed:
 * past a few thousand events, replaying costs more than starting over.
 */
export const MAX_RESYNC_EVENTS = 5000;

const HANDLERS: { [K in ClientOp]: Handler<K> } = {
  async login(message, connection) {
    const { loginThrottle } = connection.hub;
    const waitMs = loginThrottle.waitMs(message.username, connection.address);
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      throw new HubError('rate-limited', `Trop de tentatives de connexion : réessayez dans ${minutes} min.`, {
        retryAfterS: Math.ceil(waitMs / 1000),
      });
    }
    const user = await findUser(connection.hub.db, message.username);
    // Same answer for an unknown user and a wrong password: no account enumeration.
    if (!user || user.disabled || !(await verifyPassword(user.passwordHash, message.password))) {
      loginThrottle.failed(message.username, connection.address);
      connection.hub.log(`connexion refusée pour « ${message.username.slice(0, 64)} » depuis ${connection.address}`);
      await connection.hub.writer.submit((changes) =>
        changes.audited({ actor: message.username.slice(0, 128), address: connection.address, action: 'login.failed' }),
      );
      throw new HubError('auth.invalid');
    }
    loginThrottle.succeeded(message.username, connection.address);
    const session = await connection.hub.sessions.open(toSessionUser(user), Date.now(), connection.address);
    connection.signIn(session.user, session.token, session.expiresAt);
    return { session };
  },

  async resume(message, connection) {
    const session = await connection.hub.sessions.resume(message.token);
    connection.signIn(session.user, session.token, session.expiresAt);
    return { session };
  },

  async logout(_message, connection) {
    if (connection.token && connection.user) {
      await connection.hub.sessions.revoke(connection.token, Date.now(), { username: connection.user.username, address: connection.address });
    }
    connection.signOut();
    return {};
  },

  async subscribe(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    connection.subscribed = true;
    const lastSeq = hub.journal.lastSeq;
    const since = message.since;
    if (since === undefined || since > lastSeq || lastSeq - since > MAX_RESYNC_EVENTS || since < (await hub.journal.oldestSeq()) - 1) {
      connection.sentSeq = hub.journal.lastSeq;
      connection.sendSnapshot(JSON.stringify(buildSnapshot(hub.state, hub.territory, user, connection.sentSeq, hub.maintenance.windows.values())), connection.sentSeq);
      return { seq: connection.sentSeq };
    }
    // Replay what was missed; live events arriving meanwhile wait in the buffer, then follow.
    connection.catchUpBuffer = [];
    try {
      const missed = await hub.journal.since(since, MAX_RESYNC_EVENTS);
      const withDevices = seesDevices(user.role);
      const visible = missed.filter((e) => canSeeCommune(user, e.commune)).map((e) => eventFor(e.event, withDevices));
      const replayedTo = missed.length > 0 ? missed[missed.length - 1]!.event.seq : since;
      if (visible.length > 0) connection.send({ op: 'events', events: visible });
      connection.sentSeq = replayedTo;
    } finally {
      const buffered = connection.catchUpBuffer ?? [];
      connection.catchUpBuffer = undefined;
      hub.broadcaster.publishTo(connection, buffered);
    }
    return { seq: connection.sentSeq };
  },

  async 'alarm.acknowledge'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    const known = hub.state.alarms.get(message.alarmId);
    if (!known || !canSeeCommune(user, known.commune)) throw new HubError('not-found', 'Alarme introuvable ou hors de votre périmètre.');
    if (!mayAcknowledge(user)) throw new HubError('forbidden');
    const alarm = await hub.writer.submit((changes) => {
      const acknowledged = hub.alarms.acknowledge(message.alarmId, user.username, message.comment, new Date().toISOString(), changes);
      changes.audited({
        actor: user.username,
        address: connection.address,
        action: 'alarm.acknowledge',
        target: acknowledged.id,
        details: { assetId: acknowledged.assetId, condition: acknowledged.condition, ...(acknowledged.comment ? { comment: acknowledged.comment } : {}) },
      });
      return acknowledged;
    });
    return { alarm: { ...alarm } };
  },

  async 'command.send'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    visibleAsset(connection, message.assetId);
    if (!mayCommand(user, message.command.type)) {
      await hub.writer.submit((changes) =>
        changes.audited({ actor: user.username, address: connection.address, action: 'command.forbidden', target: message.assetId, details: { ...message.command } }),
      );
      throw new HubError('forbidden', 'Votre rôle ne permet pas d’envoyer cette commande.');
    }
    const requestedBy = { username: user.username, address: connection.address };
    const command = isProgrammeRequest(message.command)
      ? await hub.programmes.set(message.assetId, message.command, requestedBy)
      : await hub.commands.send(message.assetId, message.command, requestedBy);
    return { commandId: command.id, command: { ...command } };
  },

  async 'asset.programmes'(message, connection) {
    const { hub } = connection;
    visibleAsset(connection, message.assetId);
    return programmesReply(hub.programmes.book.get(message.assetId), hub.programmes.outlook(message.assetId));
  },

  async 'asset.commands'(message, connection) {
    const { hub } = connection;
    visibleAsset(connection, message.assetId);
    const rows = await hub.db.all('SELECT * FROM commands WHERE asset_id = ? ORDER BY requested_at DESC LIMIT 20', [message.assetId]);
    // The in-memory copy is fresher than the reader's view while a batch is being written.
    const commands = rows.map((row) => {
      const fromDb = commandFromRow(row).command;
      return hub.state.commands.get(fromDb.id)?.command ?? fromDb;
    });
    return { commands };
  },

  async ping(_message, connection) {
    connection.requireUser();
    return { seq: connection.hub.journal.lastSeq };
  },

  ...ADMIN_HANDLERS,
  ...DEVICE_HANDLERS,
  ...ALARM_HANDLERS,
};

/**
 * The asset if the signed-in user may see it. A foreign asset answers exactly like an unknown one
 * (`not-found`), so nobody learns what exists outside their scope.
 */
function visibleAsset(connection: ConsoleConnection, assetId: string): AssetRecord {
  const user = connection.requireUser();
  const record = connection.hub.state.assets.get(assetId);
  if (!record || !canSeeCommune(user, record.asset.commune)) {
    throw new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.');
  }
  return record;
}

export function handle(message: ClientMessage, connection: ConsoleConnection): Promise<object> {
  const handler = HANDLERS[message.op] as Handler<ClientOp>;
  return handler(message as never, connection);
}
