import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../../electron/hub/store/db';
import { Journal, type ScopedEvent } from '../../../electron/hub/store/journal';
import { migrate } from '../../../electron/hub/store/migrate';
import { CommitFailed, Writer } from '../../../electron/hub/store/writer';
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
    const migrations = readdirSync(new URL('../../../electron/hub/store/migrations/', import.meta.url)).filter((f) => f.endsWith('.sql'));
    // Numbers are reserved per feature, so they may have gaps: the version is the highest applied.
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: Math.max(...migrations.map((f) => Number(f.slice(0, 3)))) });
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

  it('reports its lag for /api/health: batches, items, and the oldest item’s wait covering its commit', async () => {
    expect(writer.lag()).toEqual({ batches: 0, items: 0, waitP50Ms: 0, waitMaxMs: 0, commitP50Ms: 0, commitMaxMs: 0 });
    const cabinets = Array.from({ length: 30 }, (_, i) => assetRecord('lighting-cabinet', { id: `cab-lag-${i}` }));
    await Promise.all(cabinets.map((record) => writer.submit((changes) => changes.asset(record))));
    await writer.submit((changes) => changes.asset(cabinets[0]!));
    const lag = writer.lag();
    expect(lag).toMatchObject({ batches: 2, items: 31 });
    // Waiting covers the commit: the oldest item was queued before its transaction began.
    expect(lag.waitMaxMs).toBeGreaterThanOrEqual(lag.commitMaxMs);
    expect(lag.waitP50Ms).toBeLessThanOrEqual(lag.waitMaxMs);
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

  it('writes a batch while the next is prepared, yet settles and publishes in submission order', async () => {
    // More than one batch's worth (2,000 items), with refused items among them.
    const settled: number[] = [];
    for (let i = 0; i < 4500; i++) {
      const record = assetRecord('waste-container', { id: `bin-${i}` });
      writer.post(
        (changes) => {
          if (i % 1000 === 7) throw new Error('valeur refusée');
          record.asset.metrics = { fillPercent: i % 100 };
          changes.asset(record);
        },
        () => settled.push(i),
      );
    }
    await writer.idle();
    expect(settled).toEqual(Array.from({ length: 4500 }, (_, i) => i));
    expect(published.length).toBeGreaterThan(1);
    expect(published.flat().map((e) => e.event.seq)).toEqual(Array.from({ length: 4495 }, (_, i) => i + 1));
    expect(await db.get('SELECT COUNT(*) AS n, MIN(seq) AS first, MAX(seq) AS last FROM journal')).toEqual({ n: 4495, first: 1, last: 4495 });
  });

  it('renumbers the batch prepared behind one that failed: no gap in seq', async () => {
    const outcomes = new Map<number, unknown>();
    for (let i = 0; i < 2100; i++) {
      writer.post(
        (changes) => {
          changes.asset(assetRecord('camera', { id: `cam-${i}` }));
          // The first batch (2,000 items) carries a write that cannot commit.
          if (i === 1500) changes.write({ sql: 'INSERT INTO no_such_table VALUES (?)', params: [1] });
        },
        (error) => outcomes.set(i, error),
      );
    }
    await writer.idle();
    expect(outcomes.get(0)).toBeInstanceOf(CommitFailed);
    expect(outcomes.get(1999)).toBeInstanceOf(CommitFailed);
    expect(outcomes.get(2000)).toBeUndefined();
    expect(outcomes.size).toBe(2100);
    expect(published.flat().map((e) => e.event.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(journal.lastSeq).toBe(100);
    expect(await db.get('SELECT COUNT(*) AS n, MIN(seq) AS first, MAX(seq) AS last FROM journal')).toEqual({ n: 100, first: 1, last: 100 });
    expect(await db.get("SELECT COUNT(*) AS n FROM assets WHERE id = 'cam-0'")).toEqual({ n: 0 });
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
