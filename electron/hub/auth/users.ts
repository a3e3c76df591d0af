import { z } from 'zod';
import { InseeCode } from '../../../shared/domain/assets';
import { CommandGrant, Role, type SessionUser } from '../../../shared/domain/users';
import type { Database, Write } from '../store/db';

export interface UserRecord extends SessionUser {
  passwordHash: string;
  disabled: boolean;
}

/** The columns every read of an account takes (never more: the hash stays in `findUser`). */
export const ACCOUNT_COLUMNS = 'username, role, communes, sites, grants, disabled, created_at';

const AccountRow = z.object({
  username: z.string(),
  role: Role,
  communes: z.string(),
  sites: z.string().nullable(),
  grants: z.string().nullable(),
  disabled: z.number(),
  created_at: z.string(),
});

/** An account row's scope and grants: `sites` and `grants` only when set (absent = role defaults). */
export function accountFromRow(raw: unknown): Omit<UserRecord, 'passwordHash'> & { createdAt: string } {
  const row = AccountRow.parse(raw);
  const sites = row.sites === null ? [] : z.array(z.string()).parse(JSON.parse(row.sites));
  return {
    username: row.username,
    role: row.role,
    communes: z.array(InseeCode).parse(JSON.parse(row.communes)),
    ...(sites.length > 0 ? { sites } : {}),
    ...(row.grants !== null ? { grants: z.array(CommandGrant).parse(JSON.parse(row.grants)) } : {}),
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  };
}

export async function findUser(db: Database, username: string): Promise<UserRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`SELECT ${ACCOUNT_COLUMNS}, password_hash FROM users WHERE username = ?`, [username]);
  if (!raw) return undefined;
  const { createdAt: _createdAt, ...account } = accountFromRow(raw);
  return { ...account, passwordHash: z.string().parse(raw.password_hash) };
}

/** Column values for sites and grants: NULL when there are none (sites) or none of their own (grants). */
export function sitesColumn(sites: readonly string[] | undefined): string | null {
  return sites && sites.length > 0 ? JSON.stringify(sites) : null;
}

export function grantsColumn(grants: readonly CommandGrant[] | null | undefined): string | null {
  return grants ? JSON.stringify(grants) : null;
}

export function userWrite(user: Omit<UserRecord, 'disabled'>, createdAt: string): Write {
  return {
    sql: `INSERT INTO users (username, password_hash, role, communes, sites, grants, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)
      ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, communes = excluded.communes,
        sites = excluded.sites, grants = excluded.grants`,
    params: [user.username, user.passwordHash, user.role, JSON.stringify(user.communes), sitesColumn(user.sites), grantsColumn(user.grants), createdAt],
  };
}

/** What the session (and the console) knows of the user: scope and, when set, sites and grants. */
export function toSessionUser(user: UserRecord): SessionUser {
  return {
    username: user.username,
    role: user.role,
    communes: user.communes,
    ...(user.sites && user.sites.length > 0 ? { sites: user.sites } : {}),
    ...(user.grants ? { grants: user.grants } : {}),
  };
}
