import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditChain, verifyAudit } from '../../../electron/hub/audit/audit-chain';
import { Database } from '../../../electron/hub/store/db';
import { Journal } from '../../../electron/hub/store/journal';
import { migrate } from '../../../electron/hub/store/migrate';
import { Writer } from '../../../electron/hub/store/writer';
import { tempDir } from '../../support/temp-dir';

describe('audit trail on a real SQLite file', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;
  let writer: Writer;

  beforeEach(async () => {
    dir = await tempDir();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    await migrate(db);
    writer = new Writer(db, await Journal.open(db), () => undefined, () => undefined, await AuditChain.open(db));
    for (const action of ['login', 'command.send', 'alarm.acknowledge', 'logout']) {
      await writer.submit((changes) => changes.audited({ actor: 'operateur', address: '127.0.0.1', action, target: 'sch-91001-001' }));
    }
  });

  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  it('chains every entry to the previous one and verifies', async () => {
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 4 });
    const rows = await db.all<{ id: number; prev_hash: string; hash: string }>('SELECT id, prev_hash, hash FROM audit ORDER BY id');
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it('refuses edits and deletions (append-only)', async () => {
    await expect(db.exec("UPDATE audit SET actor = 'admin' WHERE id = 2")).rejects.toThrow(/ajout seulement/);
    await expect(db.exec('DELETE FROM audit WHERE id = 2')).rejects.toThrow(/ajout seulement/);
  });

  it('continues the chain after a restart', async () => {
    await db.close();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    writer = new Writer(db, await Journal.open(db), () => undefined, () => undefined, await AuditChain.open(db));
    await writer.submit((changes) => changes.audited({ actor: 'admin', action: 'login' }));
    expect(await verifyAudit(db)).toEqual({ ok: true, rows: 5 });
  });

  it.each([
    ['an edited row', "UPDATE audit SET actor = 'admin' WHERE id = 2", 2, 'contenu modifié'],
    ['a removed row', 'DELETE FROM audit WHERE id = 2', 3, 'ligne 2 manquante'],
  ])('detects %s even when someone with file access dropped the guards', async (_what, tamper, brokenAt, reason) => {
    await db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    await db.exec(tamper);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, brokenAt, reason });
  });
});
