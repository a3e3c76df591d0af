import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../../electron/hub/store/db';
import { Journal, type ScopedEvent } from '../../../electron/hub/store/journal';
import { migrate } from '../../../electron/hub/store/migrate';
import { Writer } from '../../../electron/hub/store/writer';
import { assetRecord } from '../../support/records';
import { tempDir } from '../../support/temp-dir';

describe('journal and writer on a real SQLite file', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;
  let journal: Journal;
  let published: ScopedEvent[][];
  let writer: Writer;

  beforeEach(async () => {
    dir = await tempDir();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    await migrate(db);
    journal = await Journal.open(db);
    published = [];
    writer = new Writer(db, journal, (events) => published.push(events));
  });

  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  it('runs in WAL mode with the schema migrated', async () => {
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    const migrations = readdirSync(new URL('../../../electron/hub/store/migrations/', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();
    // Numbers may leave gaps (features land in any order): the version is the last one applied.
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: Number(migrations.at(-1)!.slice(0, 3)) });
  });

  it('folds a burst of work into one transaction with strictly increasing seqs, published after commit', async () => {
    const cabinets = Array.from({ length: 50 }, (_, i) => assetRecord('lighting-cabinet', { id: `cab-${i}` }));
    const published0 = published.length;
    await Promise.all(
      cabinets.map((record) =>
        writer.submit((changes) => {
          record.asset.status = 'alarm';
          changes.asset(record);
        }),
      ),
    );
    expect(published.length - published0).toBe(1);
    const seqs = published.flat().map((e) => e.event.seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(journal.lastSeq).toBe(50);
    const rows = await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM assets WHERE status = 'alarm'");
    expect(rows[0]!.n).toBe(50);
    const journalRows = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM journal');
    expect(journalRows[0]!.n).toBe(50);
  });

  it('collapses several changes to one asset within a batch into one event', async () => {
    const record = assetRecord('waste-container');
    await Promise.all([
      writer.submit((changes) => changes.asset(record)),
      writer.submit((changes) => {
        record.asset.metrics = { fillPercent: 40 };
        changes.asset(record);
      }),
    ]);
    const events = published.flat();
    expect(events).toHaveLength(1);
    expect(events[0]!.event).toMatchObject({ type: 'asset.updated', asset: { metrics: { fillPercent: 40 } } });
  });

  it('rejects a refused work item without losing the others of its batch', async () => {
    const record = assetRecord('camera');
    const refused = writer.submit(() => {
      throw new Error('valeur refusée');
    });
    const accepted = writer.submit((changes) => changes.asset(record));
    await expect(refused).rejects.toThrow('valeur refusée');
    await expect(accepted).resolves.toBeUndefined();
    expect(journal.lastSeq).toBe(1);
  });

  it('rolls back the whole batch when a write fails, and publishes nothing', async () => {
    const failing = writer.submit((changes) => {
      changes.asset(assetRecord('gate'));
      changes.write({ sql: 'INSERT INTO no_such_table VALUES (?)', params: [1] });
    });
    await expect(failing).rejects.toThrow(/no_such_table/);
    expect(published).toHaveLength(0);
    expect(journal.lastSeq).toBe(0);
    expect((await db.all('SELECT * FROM assets')).length).toBe(0);
  });

  it('keeps going when publishing to consoles throws: the change is committed all the same', async () => {
    const failures: unknown[] = [];
    const fragile = new Writer(db, journal, () => {
      throw new Error('console en panne');
    }, (error) => failures.push(error));
    await fragile.submit((changes) => changes.asset(assetRecord('camera')));
    await fragile.submit((changes) => changes.asset(assetRecord('gate')));
    expect(journal.lastSeq).toBe(2);
    expect(failures).toHaveLength(2);
  });

  it('drops events older than the retained window; a resync from there falls back to a snapshot', async () => {
    const record = assetRecord('waste-container');
    for (let i = 0; i < 5; i++) await writer.submit((changes) => changes.asset(record));
    expect(journal.pruneWrite(10)).toBeUndefined();
    await writer.submit((changes) => changes.write(journal.pruneWrite(2)!));
    expect(await journal.oldestSeq()).toBe(4);
    expect((await journal.since(0, 100)).map((e) => e.event.seq)).toEqual([4, 5]);
  });

  it('picks the journal up where it stopped after a restart, and replays since a seq', async () => {
    const record = assetRecord('building');
    for (let i = 0; i < 3; i++) await writer.submit((changes) => changes.asset(record));
    await db.close();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    journal = await Journal.open(db);
    expect(journal.lastSeq).toBe(3);
    const missed = await journal.since(1, 100);
    expect(missed.map((e) => e.event.seq)).toEqual([2, 3]);
    expect(missed[0]!.commune).toBe('91228');
  });
});
