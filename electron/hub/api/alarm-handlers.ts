import type { Alarm } from '../../../shared/domain/alarms';
import type { MaintenanceWindow } from '../../../shared/domain/maintenance';
import type { AcknowledgeOutcome, ClientMessage, ReplyPayload } from '../../../shared/protocol/messages';
import { checkCommentRoom } from '../alarms/alarm-book';
import { sweepAlarmTimers } from '../alarms/alarm-sweep';
import { mayAcknowledge, maySuppressAlarms } from '../auth/permissions';
import { scopeOf, windowAssetId } from '../auth/scope';
import { HubError } from '../errors';
import { onCallCovers } from '../oncall/oncall-scope';
import { refreshStatus } from '../rules/evaluate';
import { alarmFromRow } from '../state/territory-state';
import type { ConsoleConnection } from './console-connection';

type AlarmOp =
  | 'alarm.acknowledge-many'
  | 'alarm.comment'
  | 'alarm.shelve'
  | 'alarm.unshelve'
  | 'maintenance.create'
  | 'maintenance.list'
  | 'maintenance.delete';
type Handler<K extends AlarmOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

const NOT_FOUND = 'Alarme introuvable ou hors de votre périmètre.';
/** SQLite binds at most a few thousand parameters per statement; stay well under. */
const LOOKUP_CHUNK = 500;

/** An alarm on the list (or shelved) that the user may see; foreign answers like unknown. */
function visibleAlarm(connection: ConsoleConnection, alarmId: string): Alarm {
  const user = connection.requireUser();
  const alarm = connection.hub.state.alarms.get(alarmId);
  if (!alarm || !scopeOf(user).seesAlarm(alarm) || !onCallCovers(connection.hub, user, alarm.commune, alarm.assetId)) throw new HubError('not-found', NOT_FOUND);
  return alarm;
}

/** Alarms that left the list (acknowledged and cleared), read from the disk. */
async function closedAlarms(connection: ConsoleConnection, ids: readonly string[]): Promise<Map<string, Alarm>> {
  const found = new Map<string, Alarm>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const chunk = ids.slice(i, i + LOOKUP_CHUNK);
    const rows = await connection.hub.db.all(`SELECT * FROM alarms WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk);
    for (const raw of rows) {
      const alarm = alarmFromRow(raw);
      if (scopeOf(connection.requireUser()).seesAlarm(alarm)) found.set(alarm.id, alarm);
    }
  }
  return found;
}

/**
 * Comments on alarms that left the list are read from the disk, then written back: one at a time
 * per hub, so that two comments arriving together both stay.
 */
const closedCommentQueues = new WeakMap<object, Promise<unknown>>();

function requireSupervisor(connection: ConsoleConnection): string {
  const user = connection.requireUser();
  if (!maySuppressAlarms(user)) throw new HubError('forbidden', 'Réservé aux opérateurs et administrateurs du poste de commandement.');
  return user.username;
}

export const ALARM_HANDLERS: { [K in AlarmOp]: Handler<K> } = {
  async 'alarm.acknowledge-many'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    // The refusal does not depend on the ids, so it tells nothing about what exists.
    if (!mayAcknowledge(user)) throw new HubError('forbidden');
    const ids = [...new Set(message.alarmIds)];
    const closed = await closedAlarms(connection, ids.filter((id) => !hub.state.alarms.has(id)));
    const comment = message.comment?.trim() || undefined;
    return hub.writer.submit((changes) => {
      const at = new Date().toISOString();
      const acknowledgedAlarms: Alarm[] = [];
      const outcomes: AcknowledgeOutcome[] = ids.map((alarmId) => {
        const alarm = hub.state.alarms.get(alarmId) ?? closed.get(alarmId);
        if (!alarm || !scopeOf(user).seesAlarm(alarm) || !onCallCovers(hub, user, alarm.commune, alarm.assetId)) return { alarmId, outcome: 'not-found' };
        if (alarm.state === 'shelved') return { alarmId, outcome: 'shelved' };
        if (alarm.state === 'unacknowledged' || alarm.state === 'cleared-unacknowledged') {
          acknowledgedAlarms.push(hub.alarms.acknowledge(alarmId, user.username, comment, at, changes));
          return { alarmId, outcome: 'acknowledged' };
        }
        return { alarmId, outcome: 'already-acknowledged', ...(alarm.acknowledgedBy ? { by: alarm.acknowledgedBy } : {}) };
      });
      const acknowledged = outcomes.filter((o) => o.outcome === 'acknowledged').length;
      hub.logbook.acknowledged(acknowledgedAlarms, user.username, comment, at, changes);
      changes.audited({
        actor: user.username,
        address: connection.address,
        action: 'alarm.acknowledge-many',
        details: { count: acknowledged, requested: ids.length, ...(comment ? { comment } : {}) },
      });
      return { acknowledged, outcomes };
    });
  },

  async 'alarm.comment'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    const onList = hub.state.alarms.get(message.alarmId);
    const known = onList ?? (await closedAlarms(connection, [message.alarmId])).get(message.alarmId);
    if (!known || !scopeOf(user).seesAlarm(known) || !onCallCovers(hub, user, known.commune, known.assetId)) throw new HubError('not-found', NOT_FOUND);
    if (!mayAcknowledge(user)) throw new HubError('forbidden');
    const audit = (alarm: Alarm) => ({
      actor: user.username,
      address: connection.address,
      action: 'alarm.comment',
      target: alarm.id,
      details: { assetId: alarm.assetId, condition: alarm.condition, comment: message.comment },
    });
    if (onList) {
      const alarm = await hub.writer.submit((changes) => {
        const commented = hub.alarms.comment(message.alarmId, user.username, message.comment, new Date().toISOString(), changes);
        changes.audited(audit(commented));
        return commented;
      });
      return { alarm: { ...alarm } };
    }
    const previous = closedCommentQueues.get(hub) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const alarm = (await closedAlarms(connection, [message.alarmId])).get(message.alarmId);
      if (!alarm) throw new HubError('not-found', NOT_FOUND);
      checkCommentRoom(alarm);
      return hub.writer.submit((changes) => {
        alarm.comments = [...(alarm.comments ?? []), { by: user.username, at: new Date().toISOString(), text: message.comment }];
        changes.alarm(alarm);
        changes.audited(audit(alarm));
        return alarm;
      });
    });
    closedCommentQueues.set(hub, next);
    return { alarm: await next };
  },

  async 'alarm.shelve'(message, connection) {
    const { hub } = connection;
    visibleAlarm(connection, message.alarmId);
    const username = requireSupervisor(connection);
    const untilMs = Date.parse(message.untilAt);
    const alarm = await hub.writer.submit((changes) => {
      const nowMs = Date.now();
      const shelved = hub.alarms.shelve(message.alarmId, username, message.reason, untilMs, nowMs, changes);
      const record = hub.state.assets.get(shelved.assetId);
      if (record) refreshStatus(record, hub.state, hub.alarms, new Date(nowMs).toISOString(), changes);
      hub.logbook.shelved(shelved, new Date(nowMs).toISOString(), changes);
      changes.audited({
        actor: username,
        address: connection.address,
        action: 'alarm.shelve',
        target: shelved.id,
        details: { assetId: shelved.assetId, condition: shelved.condition, reason: message.reason, untilAt: shelved.shelvedUntil },
      });
      return shelved;
    });
    return { alarm: { ...alarm } };
  },

  async 'alarm.unshelve'(message, connection) {
    const { hub } = connection;
    visibleAlarm(connection, message.alarmId);
    const username = requireSupervisor(connection);
    const alarm = await hub.writer.submit((changes) => {
      const back = hub.alarms.unshelve(message.alarmId, changes);
      const at = new Date().toISOString();
      const record = hub.state.assets.get(back.assetId);
      if (record) refreshStatus(record, hub.state, hub.alarms, at, changes);
      hub.logbook.unshelved(back, username, at, changes);
      changes.audited({ actor: username, address: connection.address, action: 'alarm.unshelve', target: back.id, details: { assetId: back.assetId, condition: back.condition } });
      return back;
    });
    return { alarm: { ...alarm } };
  },

  async 'maintenance.create'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    const commune = targetCommune(connection, message.target);
    const scope = scopeOf(user);
    const inScope = commune !== undefined && ('assetId' in message.target ? scope.sees(commune, message.target.assetId) : scope.coversCommune(commune));
    if (!inScope) throw new HubError('not-found', 'Équipement ou commune introuvable, ou hors de votre périmètre.');
    const username = requireSupervisor(connection);
    const fromMs = Date.parse(message.fromAt);
    const toMs = Date.parse(message.toAt);
    if (!(toMs > fromMs)) throw new HubError('invalid', 'La fin de la maintenance doit suivre son début.');
    if (!(toMs > Date.now())) throw new HubError('invalid', 'Cette période de maintenance est déjà terminée.');
    const window = await hub.writer.submit((changes) => {
      const nowMs = Date.now();
      const at = new Date(nowMs).toISOString();
      const created = hub.maintenance.create(message.target, commune, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), message.reason, username, at, changes);
      sweepAlarmTimers(hub.state, hub.alarms, hub.maintenance, nowMs, changes);
      changes.audited({ actor: username, address: connection.address, action: 'maintenance.create', target: created.id, details: { ...created.target, fromAt: created.fromAt, toAt: created.toAt, reason: created.reason } });
      return created;
    });
    return { window: { ...window } };
  },

  async 'maintenance.list'(_message, connection) {
    const user = connection.requireUser();
    const windows = [...connection.hub.maintenance.windows.values()]
      .filter((w) => scopeOf(user).sees(w.commune, windowAssetId(w)))
      .sort((a, b) => (a.fromAt < b.fromAt ? -1 : a.fromAt > b.fromAt ? 1 : 0))
      .map((w) => ({ ...w }));
    return { windows };
  },

  async 'maintenance.delete'(message, connection) {
    const user = connection.requireUser();
    const { hub } = connection;
    const known = hub.maintenance.windows.get(message.windowId);
    if (!known || !scopeOf(user).sees(known.commune, windowAssetId(known))) throw new HubError('not-found', 'Période de maintenance introuvable, terminée, ou hors de votre périmètre.');
    const username = requireSupervisor(connection);
    const window = await hub.writer.submit((changes) => {
      const nowMs = Date.now();
      const current = hub.maintenance.windows.get(message.windowId);
      if (!current) throw new HubError('not-found', 'Période de maintenance introuvable ou déjà terminée.');
      const deleted = hub.maintenance.delete(current, username, new Date(nowMs).toISOString(), changes);
      sweepAlarmTimers(hub.state, hub.alarms, hub.maintenance, nowMs, changes);
      changes.audited({ actor: username, address: connection.address, action: 'maintenance.delete', target: deleted.id, details: { ...deleted.target } });
      return deleted;
    });
    return { window: { ...window } };
  },
};

/** The commune a window's target belongs to, or undefined when the target does not exist. */
function targetCommune(connection: ConsoleConnection, target: MaintenanceWindow['target']): string | undefined {
  if ('assetId' in target) return connection.hub.state.assets.get(target.assetId)?.asset.commune;
  return connection.hub.territory.communes.some((c) => c.code === target.commune) ? target.commune : undefined;
}

