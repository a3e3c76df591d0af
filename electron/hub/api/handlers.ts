import { deflateRawSync } from 'node:zlib';
import { isProgrammeRequest } from '../../../shared/domain/commands';
import { seesDevices } from '../../../shared/domain/users';
import type { ClientMessage, ClientOp, ReplyPayload } from '../../../shared/protocol/messages';
import { SNAPSHOT_FRAME_VERSION, encodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';
import { checkCommandBounds, mayAcknowledge, mayCommand, mayViewCameras } from '../auth/permissions';
import { scopeOf } from '../auth/scope';
import { verifyPassword } from '../auth/passwords';
import { findUser, toSessionUser } from '../auth/users';
import type { AssetRecord } from '../state/records';
import { commandFromRow } from '../state/territory-state';
import { HubError } from '../errors';
import { ADMIN_HANDLERS } from './admin-handlers';

/** The snapshot frame's blocks through Node's zlib (same raw DEFLATE as the console inflates). */
const deflateBlock = (plain: Uint8Array) => deflateRawSync(plain, { level: 6 });
import { DEVICE_HANDLERS } from './device-handlers';
import { SOURCE_HANDLERS } from './source-handlers';
import { THRESHOLD_HANDLERS } from './threshold-handlers';
import { ALARM_HANDLERS } from './alarm-handlers';
import { LOGBOOK_HANDLERS } from './logbook-handlers';
import { ONCALL_HANDLERS } from './oncall-handlers';
import { GATEWAY_HANDLERS } from './gateway-handlers';
import { GROUP_COMMAND_HANDLERS } from './group-command-handlers';
import { onCallCovers } from '../oncall/oncall-scope';
import { eventFor, mayReceive } from './broadcaster';
import type { ConsoleConnection } from './console-connection';
import { programmesReply } from './programmes-reply';
import { setSetpointBounds } from './setpoint-bounds-handler';
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
      const snapshot = buildSnapshot(hub.state, hub.territory, user, connection.sentSeq, hub.maintenance.windows.values());
      if (user.role === 'oncall') snapshot.alarms = snapshot.alarms.filter((a) => onCallCovers(hub, user, a.commune, a.assetId));
      // Columns: the console views the map's typed arrays in place instead of parsing ~27 MB.
      const columns = message.snapshot === 'columns' && message.frameVersion === SNAPSHOT_FRAME_VERSION;
      connection.sendSnapshot(columns ? encodeSnapshotFrame(snapshot, deflateBlock) : JSON.stringify(snapshot), connection.sentSeq);
      return { seq: connection.sentSeq };
    }
    // Replay what was missed; live events arriving meanwhile wait in the buffer, then follow.
    connection.catchUpBuffer = [];
    try {
      const missed = await hub.journal.since(since, MAX_RESYNC_EVENTS);
      const withDevices = seesDevices(user.role);
      const visible = missed.filter((e) => mayReceive(hub, user, e)).map((e) => eventFor(e.event, withDevices));
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
    if (!known || !scopeOf(user).seesAlarm(known) || !onCallCovers(hub, user, known.commune, known.assetId)) {
      throw new HubError('not-found', 'Alarme introuvable ou hors de votre périmètre.');
    }
    if (!mayAcknowledge(user)) throw new HubError('forbidden');
    const alarm = await hub.writer.submit((changes) => {
      const at = new Date().toISOString();
      const acknowledged = hub.alarms.acknowledge(message.alarmId, user.username, message.comment, at, changes);
      hub.logbook.acknowledged([acknowledged], user.username, message.comment, at, changes);
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
    const record = visibleAsset(connection, message.assetId);
    const refuse = (error: HubError) =>
      hub.writer.submit((changes) =>
        changes.audited({
          actor: user.username,
          address: connection.address,
          action: 'command.forbidden',
          target: message.assetId,
          details: { ...message.command, refusal: error.code, ...(error.details ?? {}) },
        }),
      );
    if (!mayCommand(user, message.command.type)) {
      const error = new HubError('forbidden', 'Votre compte ne permet pas d’envoyer cette commande. Adressez-vous à un administrateur.');
      await refuse(error);
      throw error;
    }
    try {
      checkCommandBounds(user, record, message.command);
    } catch (error) {
      if (error instanceof HubError) await refuse(error);
      throw error;
    }
    const requestedBy = { username: user.username, address: connection.address };
    const command = isProgrammeRequest(message.command)
      ? await hub.programmes.set(message.assetId, message.command, requestedBy)
      : await hub.commands.send(message.assetId, message.command, requestedBy);
    return { commandId: command.id, command: { ...command } };
  },

  'asset.setpoint-bounds': setSetpointBounds,

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

  async 'camera.view'(message, connection) {
    const user = connection.requireUser();
    const record = visibleAsset(connection, message.assetId);
    if (record.asset.kind !== 'camera') throw new HubError('invalid', `« ${record.asset.name} » n’est pas une caméra.`);
    if (!mayViewCameras(user)) throw new HubError('forbidden', 'La vidéoprotection est réservée au poste de commandement : votre compte ne permet pas de voir les caméras.');
    // The hub never reaches the camera itself: it hands out the address its video system serves.
    const url = record.settings.streamUrl;
    const streamUrl = typeof url === 'string' && url.length > 0 ? url : undefined;
    await connection.hub.writer.submit((changes) =>
      changes.audited({ actor: user.username, address: connection.address, action: 'camera.view', target: record.asset.id, details: { configured: streamUrl !== undefined } }),
    );
    return streamUrl
      ? { assetId: record.asset.id, streamUrl, message: `Flux vidéo de « ${record.asset.name} ».` }
      : { assetId: record.asset.id, message: `Flux non configuré : aucune adresse de flux vidéo n’est renseignée pour « ${record.asset.name} ». Adressez-vous à un administrateur.` };
  },

  async ping(_message, connection) {
    connection.requireUser();
    return { seq: connection.hub.journal.lastSeq };
  },

  ...ADMIN_HANDLERS,
  ...DEVICE_HANDLERS,
  ...SOURCE_HANDLERS,
  ...THRESHOLD_HANDLERS,
  ...ALARM_HANDLERS,
  ...LOGBOOK_HANDLERS,
  ...ONCALL_HANDLERS,
  ...GATEWAY_HANDLERS,
  ...GROUP_COMMAND_HANDLERS,
};

/**
 * The asset if the signed-in user may see it. A foreign asset answers exactly like an unknown one
 * (`not-found`), so nobody learns what exists outside their scope.
 */
function visibleAsset(connection: ConsoleConnection, assetId: string): AssetRecord {
  const user = connection.requireUser();
  const record = connection.hub.state.assets.get(assetId);
  if (!record || !scopeOf(user).seesAsset(record.asset)) {
    throw new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.');
  }
  return record;
}

export function handle(message: ClientMessage, connection: ConsoleConnection): Promise<object> {
  const handler = HANDLERS[message.op] as Handler<ClientOp>;
  return handler(message as never, connection);
}
