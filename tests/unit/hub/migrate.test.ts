import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/hub/store/db';
import { migrate } from '../../../electron/hub/store/migrate';
import { tempDir } from '../../support/temp-dir';

/** Migrations on a real SQLite file, from a folder of numbered SQL files the test writes. */
describe('numbered migrations', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;
  let migrations: string;
  const sql = (name: string, text: string) => writeFile(join(migrations, name), text);
  const tables = async () => (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't%' ORDER BY name")).map((r) => r.name);

  beforeEach(async () => {
    dir = await tempDir();
    migrations = join(dir.path, 'migrations') + '/';
    await mkdir(migrations);
    db = await Database.open(join(dir.path, 'hub.sqlite'));
  });

  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  it('applies a lower number that landed after a higher one (features merged out of order)', async () => {
    await sql('001-a.sql', 'CREATE TABLE ta (x)');
    await sql('010-c.sql', 'CREATE TABLE tc (x)');
    expect(await migrate(db, migrations)).toBe(10);
    await sql('007-b.sql', 'CREATE TABLE tb (x)');
    expect(await migrate(db, migrations)).toBe(10);
    expect(await tables()).toEqual(['ta', 'tb', 'tc']);
    expect(await migrate(db, migrations)).toBe(10);
  });

  it('takes a database from before the tracking as migrated up to its user_version', async () => {
    await db.exec('CREATE TABLE ta (x); PRAGMA user_version = 1');
    await sql('001-a.sql', 'CREATE TABLE ta (x)');
    await sql('002-b.sql', 'CREATE TABLE tb (x)');
    expect(await migrate(db, migrations)).toBe(2);
    expect(await tables()).toEqual(['ta', 'tb']);
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 2 });
  });

  it('leaves nothing half-applied when a migration fails, and names it', async () => {
    await sql('001-a.sql', 'CREATE TABLE ta (x)');
    await sql('002-bad.sql', 'CREATE TABLE tb (x); CREATE TABLE ta (x)');
    await expect(migrate(db, migrations)).rejects.toThrow(/migration 002-bad\.sql : .*already exists/);
    expect(await tables()).toEqual(['ta']);
  });
});
