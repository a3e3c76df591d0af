import { z } from 'zod';
import { InseeCode } from '../../../shared/domain/assets';
import { Role, type SessionUser } from '../../../shared/domain/users';
import type { Database, Write } from '../store/db';

export interface UserRecord extends SessionUser {
  passwordHash: string;
  disabled: boolean;
}

const UserRow = z.object({
  username: z.string(),
  password_hash: z.string(),
  role: Role,
  communes: z.string(),
  disabled: z.number(),
});

export async function findUser(db: Database, username: string): Promise<UserRecord | undefined> {
  const raw = await db.get('SELECT username, password_hash, role, communes, disabled FROM users WHERE username = ?', [username]);
  if (!raw) return undefined;
  const row = UserRow.parse(raw);
  return {
    username: row.username,
    role: row.role,
    communes: z.array(InseeCode).parse(JSON.parse(row.communes)),
    passwordHash: row.password_hash,
    disabled: row.disabled !== 0,
  };
}

export function userWrite(user: Omit<UserRecord, 'disabled'>, createdAt: string): Write {
  return {
    sql: `INSERT INTO users (username, password_hash, role, communes, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)
      ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, communes = excluded.communes`,
    params: [user.username, user.passwordHash, user.role, JSON.stringify(user.communes), createdAt],
  };
}

export function toSessionUser(user: UserRecord): SessionUser {
  return { username: user.username, role: user.role, communes: user.communes };
}
