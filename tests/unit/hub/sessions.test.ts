import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditChain } from '../../../electron/hub/audit/audit-chain';
import { seedDemoAccounts } from '../../../electron/hub/auth/demo-accounts';
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS, SessionStore } from '../../../electron/hub/auth/sessions';
import { Database } from '../../../electron/hub/store/db';
import { Journal } from '../../../electron/hub/store/journal';
import { migrate } from '../../../electron/hub/store/migrate';
import { Writer } from '../../../electron/hub/store/writer';
import { tempDir } from '../../support/temp-dir';

describe('sessions on a real SQLite file', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;
  let sessions: SessionStore;
  const operator = { username: 'operateur', role: 'operator' as const, communes: [] };

  beforeEach(async () => {
    dir = await tempDir();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    await migrate(db);
    await seedDemoAccounts(db, [], 'beffroi');
    sessions = new SessionStore(db, new Writer(db, await Journal.open(db), () => undefined, () => undefined, await AuditChain.open(db)));
  });

  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  it('stores only a hash of the token', async () => {
    const session = await sessions.open(operator, 0);
    const rows = await db.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows[0]!.token_hash).not.toContain(session.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('expires when no console held it for the idle period, not while one keeps touching it', async () => {
    const t0 = Date.UTC(2026, 10, 23, 8);
    const held = await sessions.open(operator, t0);
    await sessions.touch(held.token, t0 + SESSION_IDLE_MS - 1000);
    await expect(sessions.resume(held.token, t0 + SESSION_IDLE_MS + 60_000)).resolves.toMatchObject({ user: operator });

    const abandoned = await sessions.open(operator, t0);
    await expect(sessions.resume(abandoned.token, t0 + SESSION_IDLE_MS + 1)).rejects.toMatchObject({ code: 'auth.expired' });
  });

  it('expires at the end of its lifetime however busy, and once revoked', async () => {
    const t0 = Date.UTC(2026, 10, 23, 8);
    const session = await sessions.open(operator, t0);
    await sessions.touch(session.token, t0 + SESSION_LIFETIME_MS - 1);
    await expect(sessions.resume(session.token, t0 + SESSION_LIFETIME_MS)).rejects.toMatchObject({ code: 'auth.expired' });

    const revoked = await sessions.open(operator, t0);
    await sessions.revoke(revoked.token, t0 + 1);
    await expect(sessions.resume(revoked.token, t0 + 2)).rejects.toMatchObject({ code: 'auth.expired' });
    await expect(sessions.resume('jeton-inconnu', t0 + 2)).rejects.toMatchObject({ code: 'auth.expired' });
  });
});
