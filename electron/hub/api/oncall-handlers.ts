import { randomUUID } from 'node:crypto';
import { OnCallRoster, type UserContact } from '../../../shared/domain/oncall';
import type { ClientMessage, ReplyPayload } from '../../../shared/protocol/messages';
import { mayAdminister, mayReadRosters } from '../auth/permissions';
import { scopeOf } from '../auth/scope';
import { HubError } from '../errors';
import { notificationsOf } from '../oncall/escalation';
import { onCallCovers } from '../oncall/oncall-scope';
import { alarmFromRow } from '../state/territory-state';
import type { ConsoleConnection } from './console-connection';

type OnCallOp = 'oncall.list' | 'oncall.save' | 'oncall.delete' | 'oncall.now' | 'contact.set' | 'alarm.notifications';
type Handler<K extends OnCallOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

const READ_ONLY = 'Réservé aux administrateurs, aux opérateurs et aux personnes d’astreinte.';

function requireAdmin(connection: ConsoleConnection): string {
  return connection.requirePermission(mayAdminister, 'Seul un administrateur modifie les astreintes.').username;
}

/** Every person a roster names must be an account, or escalation would call nobody. */
async function checkRoster(connection: ConsoleConnection, roster: OnCallRoster): Promise<void> {
  const levels = roster.levels.map((l) => l.level);
  if (new Set(levels).size !== levels.length) throw new HubError('invalid', 'Chaque niveau d’astreinte ne figure qu’une fois.');
  if (!levels.includes(1)) throw new HubError('invalid', 'Une astreinte a toujours un niveau 1.');
  const names = new Set<string>();
  for (const level of roster.levels) {
    level.rotation.users.forEach((u) => names.add(u));
    for (const e of level.exceptions) {
      if (!(Date.parse(e.toAt) > Date.parse(e.fromAt))) throw new HubError('invalid', 'Une exception finit après son début.');
      if (e.type === 'cover') names.add(e.username);
      else (names.add(e.a), names.add(e.b));
    }
    try {
      new Intl.DateTimeFormat('fr-FR', { timeZone: level.rotation.timeZone });
    } catch {
      throw new HubError('invalid', `Fuseau horaire inconnu : ${level.rotation.timeZone}.`);
    }
  }
  const rows = await connection.hub.db.all<{ username: string }>(
    `SELECT username FROM users WHERE disabled = 0 AND username IN (${[...names].map(() => '?').join(',')})`,
    [...names],
  );
  const known = new Set(rows.map((r) => r.username));
  const unknown = [...names].filter((n) => !known.has(n));
  if (unknown.length > 0) throw new HubError('invalid', `Compte inconnu ou désactivé : ${unknown.join(', ')}.`);
  const territory = new Set(connection.hub.territory.communes.map((c) => c.code));
  const foreign = roster.communes.filter((c) => !territory.has(c));
  if (foreign.length > 0) throw new HubError('invalid', `Commune hors du territoire : ${foreign.join(', ')}.`);
}

export const ONCALL_HANDLERS: { [K in OnCallOp]: Handler<K> } = {
  async 'oncall.list'(_message, connection) {
    const user = connection.requirePermission(mayReadRosters, READ_ONLY);
    const { rosters } = connection.hub;
    const list = user.role === 'oncall' ? rosters.rostersOf(user.username) : [...rosters.rosters.values()];
    // Contact details are personal data: admins see everyone's, others only their own.
    const contacts = [...rosters.contacts.values()].filter((c) => user.role === 'admin' || c.username === user.username);
    return { rosters: [...list].sort((a, b) => a.name.localeCompare(b.name, 'fr')), contacts };
  },

  async 'oncall.save'(message, connection) {
    const admin = requireAdmin(connection);
    const roster = OnCallRoster.parse({ ...message.roster, id: message.roster.id ?? `oc-${randomUUID()}` });
    await checkRoster(connection, roster);
    const { hub } = connection;
    const created = !hub.rosters.rosters.has(roster.id);
    await hub.writer.submit((changes) => {
      hub.rosters.save(roster, admin, new Date().toISOString(), changes);
      changes.audited({
        actor: admin,
        address: connection.address,
        action: created ? 'oncall.create' : 'oncall.update',
        target: roster.id,
        details: { name: roster.name, communes: roster.communes, kinds: roster.kinds, levels: roster.levels },
      });
    });
    return { roster };
  },

  async 'oncall.delete'(message, connection) {
    const admin = requireAdmin(connection);
    const { hub } = connection;
    const roster = hub.rosters.rosters.get(message.rosterId);
    if (!roster) throw new HubError('not-found', 'Astreinte introuvable : elle a peut-être déjà été supprimée.');
    await hub.writer.submit((changes) => {
      hub.rosters.delete(roster, changes);
      changes.audited({ actor: admin, address: connection.address, action: 'oncall.delete', target: roster.id, details: { name: roster.name } });
    });
    return { roster };
  },

  async 'oncall.now'(message, connection) {
    const user = connection.requirePermission(mayReadRosters, READ_ONLY);
    const { hub } = connection;
    let commune = message.commune;
    let kind: string | undefined = message.kind;
    if (message.assetId) {
      const record = hub.state.assets.get(message.assetId);
      if (!record || !scopeOf(user).sees(record.asset.commune, record.asset.id)) throw new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.');
      commune = record.asset.commune;
      kind = record.asset.kind;
    }
    if (!commune) throw new HubError('invalid', 'Précisez un équipement (assetId) ou une commune.');
    if (!scopeOf(user).sees(commune, undefined)) throw new HubError('not-found', 'Commune introuvable ou hors de votre périmètre.');
    const atMs = message.at ? Date.parse(message.at) : Date.now();
    return { onCall: hub.rosters.onCallFor(commune, kind, atMs) };
  },

  async 'contact.set'(message, connection) {
    const user = connection.requireUser();
    if (user.role !== 'admin' && user.username !== message.username) throw new HubError('forbidden', 'Vous ne modifiez que vos propres coordonnées.');
    const { hub } = connection;
    const exists = await hub.db.get('SELECT 1 FROM users WHERE username = ?', [message.username]);
    if (!exists) throw new HubError('not-found', `Compte « ${message.username} » introuvable.`);
    const before = hub.rosters.contacts.get(message.username);
    const pick = (next: string | null | undefined, previous: string | undefined) => (next === null ? undefined : (next ?? previous));
    const email = pick(message.email, before?.email);
    const phone = pick(message.phone, before?.phone);
    const contact: UserContact = { username: message.username, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    await hub.writer.submit((changes) => {
      hub.rosters.setContact(contact, new Date().toISOString(), changes);
      // The audit says what changed, not the addresses themselves.
      changes.audited({ actor: user.username, address: connection.address, action: 'contact.set', target: message.username, details: { email: email !== undefined, phone: phone !== undefined } });
    });
    return { contact };
  },

  async 'alarm.notifications'(message, connection) {
    const user = connection.requirePermission(mayReadRosters, READ_ONLY);
    const { hub } = connection;
    let alarm = hub.state.alarms.get(message.alarmId);
    if (!alarm) {
      const raw = await hub.db.get('SELECT * FROM alarms WHERE id = ?', [message.alarmId]);
      if (raw) alarm = alarmFromRow(raw);
    }
    if (!alarm || !scopeOf(user).sees(alarm.commune, alarm.assetId) || !onCallCovers(hub, user, alarm.commune, alarm.assetId)) {
      throw new HubError('not-found', 'Alarme introuvable ou hors de votre périmètre.');
    }
    // Addresses are for the command post; the person on call sees only their own.
    const all = await notificationsOf(hub.db, alarm.id);
    const seesAddresses = user.role === 'admin' || user.role === 'operator';
    return { notifications: all.map(({ recipient, ...rest }) => (recipient && (seesAddresses || rest.username === user.username) ? { ...rest, recipient } : rest)) };
  },
};
