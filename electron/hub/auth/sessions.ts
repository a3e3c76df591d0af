import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Session, SessionUser } from '../../../shared/domain/users';
import { HubError } from '../errors';
import type { Database } from '../store/db';
import type { Writer } from '../store/writer';
import { findUser, toSessionUser } from './users';

/** A shift is 8 to 12 hours; a session outlives one shift at most. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/**
 * A session no console has held for this long expires: a token left behind on a closed laptop
 * stops working soon, while a wall screen that stays connected is never logged out for idling.
 */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** How often a connected console's session is marked as still held. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Login sessions. The token is given to the console once; only its SHA-256 is stored, so the
 * database alone does not let anyone resume a session.
 */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly writer: Writer,
  ) {}

  /** Opens a session; the login is audited in the same transaction. */
  async open(user: SessionUser, now = Date.now(), address?: string): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + SESSION_LIFETIME_MS).toISOString();
    await this.writer.submit((changes) => {
      changes.write({
        sql: 'INSERT INTO sessions (token_hash, username, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
        params: [tokenHash(token), user.username, new Date(now).toISOString(), expiresAt, new Date(now).toISOString()],
      });
      changes.audited({ actor: user.username, ...(address ? { address } : {}), action: 'login', details: { role: user.role } });
    });
    return { token, expiresAt, user };
  }

  /** The session of a token, or `auth.expired` when it is unknown, expired or revoked. */
  async resume(token: string, now = Date.now()): Promise<Session> {
    const raw = await this.db.get('SELECT username, expires_at, revoked_at, last_seen_at FROM sessions WHERE token_hash = ?', [
      tokenHash(token),
    ]);
    const row = raw
      ? z
          .object({ username: z.string(), expires_at: z.string(), revoked_at: z.string().nullable(), last_seen_at: z.string().nullable() })
          .parse(raw)
      : undefined;
    if (!row || row.revoked_at || Date.parse(row.expires_at) <= now) throw new HubError('auth.expired');
    if (row.last_seen_at && now - Date.parse(row.last_seen_at) > SESSION_IDLE_MS) throw new HubError('auth.expired');
    const user = await findUser(this.db, row.username);
    if (!user || user.disabled) throw new HubError('auth.expired');
    await this.touch(token, now);
    return { token, expiresAt: row.expires_at, user: toSessionUser(user) };
  }

  /** Marks the session as held by a console now (idle expiry counts from the last touch). */
  async touch(token: string, now = Date.now()): Promise<void> {
    await this.writer.submit((changes) =>
      changes.write({
        sql: 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?',
        params: [new Date(now).toISOString(), tokenHash(token)],
      }),
    );
  }

  /** Ends a session (logout); audited when `actor` is given. */
  async revoke(token: string, now = Date.now(), actor?: { username: string; address?: string }): Promise<void> {
    await this.writer.submit((changes) => {
      changes.write({
        sql: 'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
        params: [new Date(now).toISOString(), tokenHash(token)],
      });
      if (actor) changes.audited({ actor: actor.username, ...(actor.address ? { address: actor.address } : {}), action: 'logout' });
    });
  }
}
