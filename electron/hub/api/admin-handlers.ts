import { z } from 'zod';
import { grantsProblem } from '../../../shared/domain/grants';
import type { CommandGrant, Role } from '../../../shared/domain/users';
import { protocolError } from '../../../shared/protocol/errors';
import type { AuditEntry, ClientMessage, ReplyPayload, UserAccount } from '../../../shared/protocol/messages';
import { hashPassword } from '../auth/passwords';
import { mayAdminister } from '../auth/permissions';
import { ACCOUNT_COLUMNS, accountFromRow, findUser, grantsColumn, sitesColumn, userWrite } from '../auth/users';
import { auditCsv, MAX_AUDIT_EXPORT_ROWS } from '../audit/audit-csv';
import { HubError } from '../errors';
import type { ChangeSet } from '../store/change-set';
import type { ConsoleConnection } from './console-connection';

type AdminOp = 'user.list' | 'user.create' | 'user.update' | 'user.revoke-sessions' | 'audit.list' | 'audit.export';
type Handler<K extends AdminOp> = (message: Extract<ClientMessage, { op: K }>, connection: ConsoleConnection) => Promise<ReplyPayload<K>>;

function account(raw: unknown): UserAccount {
  return accountFromRow(raw);
}

function requireAdmin(connection: ConsoleConnection): string {
  return connection.requirePermission(mayAdminister, 'Réservé aux administrateurs.').username;
}

async function loadAccount(connection: ConsoleConnection, username: string): Promise<UserAccount> {
  const raw = await connection.hub.db.get(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE username = ?`, [username]);
  if (!raw) throw new HubError('not-found', `Compte « ${username} » introuvable.`);
  return account(raw);
}

/** Closes every session of a user, in the same batch as the change that requires it. */
function revokeSessions(changes: ChangeSet, username: string, at: string): void {
  changes.write({ sql: 'UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL', params: [at, username] });
}

/**
 * Drops the user's consoles at once: each is told its session ended and goes back to the login
 * screen (the console keeps its state for the next login).
 */
function dropConsoles(connection: ConsoleConnection, username: string, reason: string): void {
  for (const other of connection.hub.broadcaster.connections) {
    if (other.user?.username === username) other.endSession(protocolError('auth.expired', reason));
  }
}

function checkScope(connection: ConsoleConnection, role: Role, communes: readonly string[], sites: readonly string[]): void {
  if (role === 'elected' && communes.length === 0) throw new HubError('invalid', 'Un élu doit avoir au moins une commune.');
  // A site is an asset of the user's communes: the scope narrows, it never widens.
  for (const site of sites) {
    const asset = connection.hub.state.assets.get(site)?.asset;
    if (!asset) throw new HubError('invalid', `Site « ${site} » inconnu : indiquez l’identifiant d’un équipement du territoire.`);
    if (communes.length > 0 && !communes.includes(asset.commune)) {
      throw new HubError('invalid', `Le site « ${site} » est dans la commune ${asset.commune}, hors des communes du compte.`);
    }
  }
}

function checkGrants(grants: readonly CommandGrant[] | null | undefined): void {
  const problem = grants ? grantsProblem(grants) : undefined;
  if (problem) throw new HubError('invalid', problem);
}

/** What the audit trail keeps of a scope: sites and grants only where they differ from the role's defaults. */
function scopeDetails(role: Role, communes: readonly string[], sites: readonly string[], grants: readonly CommandGrant[] | null | undefined) {
  return { role, communes, ...(sites.length > 0 ? { sites } : {}), ...(grants ? { grants } : {}) };
}

export const ADMIN_HANDLERS: { [K in AdminOp]: Handler<K> } = {
  async 'user.list'(_message, connection) {
    requireAdmin(connection);
    const rows = await connection.hub.db.all(`SELECT ${ACCOUNT_COLUMNS} FROM users ORDER BY role, username`);
    return { users: rows.map(account) };
  },

  async 'user.create'(message, connection) {
    const admin = requireAdmin(connection);
    const sites = message.sites ?? [];
    checkScope(connection, message.role, message.communes, sites);
    checkGrants(message.grants);
    if (await findUser(connection.hub.db, message.username)) throw new HubError('invalid', `Le compte « ${message.username} » existe déjà.`);
    const passwordHash = await hashPassword(message.password);
    const at = new Date().toISOString();
    await connection.hub.writer.submit((changes) => {
      changes.write(userWrite({ username: message.username, role: message.role, communes: message.communes, sites, ...(message.grants ? { grants: message.grants } : {}), passwordHash }, at));
      changes.audited({ actor: admin, address: connection.address, action: 'user.create', target: message.username, details: scopeDetails(message.role, message.communes, sites, message.grants) });
    });
    return { user: await loadAccount(connection, message.username) };
  },

  async 'user.update'(message, connection) {
    const admin = requireAdmin(connection);
    const before = await loadAccount(connection, message.username);
    const role = message.role ?? before.role;
    const communes = message.communes ?? before.communes;
    const sites = message.sites ?? before.sites ?? [];
    // `null` returns the user to the role's defaults; absent keeps what they had.
    const grants = message.grants === undefined ? before.grants : message.grants;
    checkScope(connection, role, communes, sites);
    checkGrants(grants);
    if (message.username === admin && (role !== 'admin' || message.disabled)) {
      throw new HubError('invalid', 'Vous ne pouvez ni retirer votre propre rôle d’administrateur, ni désactiver votre compte.');
    }
    const passwordHash = message.password ? await hashPassword(message.password) : undefined;
    const at = new Date().toISOString();
    // New rights apply from a fresh login: the user's open sessions close now.
    await connection.hub.writer.submit((changes) => {
      changes.write({
        sql: 'UPDATE users SET role = ?, communes = ?, sites = ?, grants = ? WHERE username = ?',
        params: [role, JSON.stringify(communes), sitesColumn(sites), grantsColumn(grants), message.username],
      });
      if (message.disabled !== undefined) changes.write({ sql: 'UPDATE users SET disabled = ? WHERE username = ?', params: [message.disabled ? 1 : 0, message.username] });
      if (passwordHash) changes.write({ sql: 'UPDATE users SET password_hash = ? WHERE username = ?', params: [passwordHash, message.username] });
      revokeSessions(changes, message.username, at);
      changes.audited({
        actor: admin,
        address: connection.address,
        action: 'user.update',
        target: message.username,
        details: {
          ...scopeDetails(role, communes, sites, grants),
          ...(message.grants === null ? { grants: 'défauts du rôle' } : {}),
          ...(message.disabled !== undefined ? { disabled: message.disabled } : {}),
          ...(passwordHash ? { password: 'changé' } : {}),
        },
      });
    });
    dropConsoles(connection, message.username, 'Votre compte a été modifié par un administrateur : reconnectez-vous.');
    return { user: await loadAccount(connection, message.username) };
  },

  async 'user.revoke-sessions'(message, connection) {
    const admin = requireAdmin(connection);
    await loadAccount(connection, message.username);
    const at = new Date().toISOString();
    const open = await connection.hub.db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM sessions WHERE username = ? AND revoked_at IS NULL AND expires_at > ?',
      [message.username, at],
    );
    await connection.hub.writer.submit((changes) => {
      revokeSessions(changes, message.username, at);
      changes.audited({ actor: admin, address: connection.address, action: 'user.revoke-sessions', target: message.username });
    });
    dropConsoles(connection, message.username, 'Votre session a été fermée par un administrateur.');
    return { revoked: open?.n ?? 0 };
  },

  async 'audit.list'(message, connection) {
    requireAdmin(connection);
    const filter = auditWhere(message);
    if (message.before) (filter.where.push('id < ?'), filter.params.push(message.before));
    return { entries: await readAudit(connection, filter, message.limit) };
  },

  async 'audit.export'(message, connection) {
    const admin = requireAdmin(connection);
    const filter = auditWhere(message);
    const entries = await readAudit(connection, filter, MAX_AUDIT_EXPORT_ROWS + 1);
    const truncated = entries.length > MAX_AUDIT_EXPORT_ROWS;
    const rows = entries.slice(0, MAX_AUDIT_EXPORT_ROWS);
    // Exporting the trail is itself security-relevant: who took a copy, of what.
    await connection.hub.writer.submit((changes) => {
      changes.audited({ actor: admin, address: connection.address, action: 'audit.export', details: { rows: rows.length, filter: auditFilterDetails(message) } });
    });
    return { csv: auditCsv(rows), rows: rows.length, truncated };
  },
};

interface AuditFilterFields {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

function auditWhere(filter: AuditFilterFields): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.actor) (where.push('actor = ?'), params.push(filter.actor));
  if (filter.action) (where.push('action = ?'), params.push(filter.action));
  // Instants are stored as ISO strings in UTC: normalise the bounds so they compare as text.
  if (filter.from) (where.push('at >= ?'), params.push(new Date(filter.from).toISOString()));
  if (filter.to) (where.push('at < ?'), params.push(new Date(filter.to).toISOString()));
  return { where, params };
}

function auditFilterDetails(filter: AuditFilterFields): AuditFilterFields {
  const { actor, action, from, to } = filter;
  return Object.fromEntries(Object.entries({ actor, action, from, to }).filter(([, value]) => value !== undefined));
}

async function readAudit(connection: ConsoleConnection, filter: { where: string[]; params: (string | number)[] }, limit: number): Promise<AuditEntry[]> {
  const rows = await connection.hub.db.all<{ id: number; at: string; actor: string; address: string | null; action: string; target: string | null; details: string; hash: string }>(
    `SELECT id, at, actor, address, action, target, details, hash FROM audit ${filter.where.length ? `WHERE ${filter.where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    [...filter.params, limit],
  );
  return rows.map((row) => ({ ...row, details: z.record(z.string(), z.unknown()).parse(JSON.parse(row.details)) }));
}
