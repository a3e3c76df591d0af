import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Database, type SqlValue, type Write } from '../../../electron/hub/store/db';
import { migrate } from '../../../electron/hub/store/migrate';
import { chunkSizes, insertShape, multiRowSql } from '../../../electron/hub/store/multi-row';
import { assetWrite } from '../../../electron/hub/store/rows';
import { assetRecord } from '../../support/records';
import { tempDir } from '../../support/temp-dir';

const INSERT_JOURNAL = 'INSERT INTO journal (seq, at, type, commune, body) VALUES (?, ?, ?, ?, ?)';

/** Values that a careless text-built INSERT would mangle: quotes, `?`, NUL-free unicode, limits. */
const SPECIAL_BODIES: SqlValue[] = [
  '',
  "l'école « Jean-Moulin » ; DROP TABLE journal; --",
  'what? (?, ?) VALUES (?)',
  'Plouër-sur-Rance — 🌙 éclairage',
  'x'.repeat(100_000),
  '{"seq":1,"nested":{"a":[1,2,3]}}',
];

function journalRow(seq: number, body: SqlValue = `{"seq":${seq}}`): Write {
  return { sql: INSERT_JOURNAL, params: [seq, `2026-11-23T18:00:${String(seq % 60).padStart(2, '0')}.000Z`, 'asset.updated', '29019', body] };
}

describe('multi-row statements: how a run of INSERTs is cut', () => {
  it('splits an INSERT or an upsert around its one VALUES row', () => {
    const shape = insertShape(INSERT_JOURNAL)!;
    expect(shape.perRow).toBe(5);
    expect(multiRowSql(shape, 3)).toBe('INSERT INTO journal (seq, at, type, commune, body) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)');
    const upsert = assetWrite(assetRecord('lighting-cabinet')).sql;
    const upsertShape = insertShape(upsert)!;
    expect(upsertShape.perRow).toBe(12);
    expect(multiRowSql(upsertShape, 2)).toMatch(/VALUES \((\?, ){11}\?\), \((\?, ){11}\?\)\s+ON CONFLICT \(id\) DO UPDATE/);
    expect(multiRowSql(upsertShape, 1)).toBe(upsert);
  });

  it('leaves alone what it cannot split safely: SELECT, string literals, several VALUES', () => {
    expect(insertShape('INSERT INTO journal SELECT * FROM journal WHERE seq > ?')).toBeUndefined();
    expect(insertShape("INSERT INTO meta (key, value) VALUES ('a?', ?)")).toBeUndefined();
    expect(insertShape('UPDATE assets SET status = ? WHERE id = ?')).toBeUndefined();
    expect(insertShape('INSERT INTO t (a, b) VALUES (?, 0)')?.perRow).toBe(1);
  });

  it('cuts a run into powers of two within the parameter limit, covering every row once', () => {
    for (const [rows, perRow] of [[2000, 12], [1, 5], [1300, 5], [4097, 2], [700, 200]] as const) {
      const sizes = chunkSizes(rows, perRow);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
      for (const size of sizes) {
        expect(Number.isInteger(Math.log2(size))).toBe(true);
        expect(size * perRow).toBeLessThanOrEqual(32_766);
      }
    }
    expect(chunkSizes(2000, 12)).toEqual([512, 512, 512, 256, 128, 64, 16]);
  });
});

describe('multi-row statements on a real SQLite file', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;

  beforeEach(async () => {
    dir = await tempDir();
    db = await Database.open(join(dir.path, 'hub.sqlite'));
    await migrate(db);
  });

  afterEach(async () => {
    await db.close();
    await dir.remove();
  });

  it('writes exactly the rows given, special values included, across chunk boundaries', async () => {
    // 1,300 rows = 512 + 512 + 256 + 16 + 4: every boundary between chunks is crossed.
    const writes = Array.from({ length: 1300 }, (_, i) => journalRow(i + 1, SPECIAL_BODIES[i % SPECIAL_BODIES.length] ?? null));
    writes[513] = { sql: INSERT_JOURNAL, params: [514, '', 'asset.updated', '', '0'] };
    writes[1299] = { sql: INSERT_JOURNAL, params: [2 ** 53 - 1, 'fin', 'asset.updated', '29019', '-0.5'] };
    await db.transaction(writes);
    const rows = await db.all<{ seq: number; at: string; type: string; commune: string; body: string }>('SELECT * FROM journal ORDER BY seq');
    expect(rows.map((r) => [r.seq, r.at, r.type, r.commune, r.body])).toEqual(
      writes.map((w) => w.params).sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it('applies upserts of the same row in the order given, as one statement per row would', async () => {
    const record = assetRecord('waste-container', { id: 'bin-1' });
    const writes: Write[] = [];
    for (let fill = 0; fill <= 100; fill += 1) {
      record.asset.metrics = { fillPercent: fill };
      writes.push(assetWrite(record));
    }
    await db.transaction(writes);
    expect(await db.all('SELECT id, metrics FROM assets')).toEqual([{ id: 'bin-1', metrics: '{"fillPercent":100}' }]);
  });

  it('keeps runs of different statements in order (devices after the assets they point at)', async () => {
    const writes: Write[] = [];
    for (let i = 0; i < 600; i++) writes.push(assetWrite(assetRecord('lighting-cabinet', { id: `cab-${i}` })));
    for (let i = 0; i < 600; i++) {
      writes.push({ sql: 'INSERT INTO devices (dev_eui, model, asset_id, uplink_period_s) VALUES (?, ?, ?, ?)', params: [`eui-${i}`, 'milesight-ws558', `cab-${i}`, 600] });
    }
    await db.transaction(writes);
    expect(await db.get('SELECT COUNT(*) AS n FROM devices')).toEqual({ n: 600 });
  });

  it('rolls the whole transaction back when one row of a chunk fails, and writes the next one', async () => {
    await db.transaction([journalRow(1)]);
    const writes = [
      ...Array.from({ length: 900 }, (_, i) => assetWrite(assetRecord('camera', { id: `cam-${i}` }))),
      ...Array.from({ length: 1000 }, (_, i) => journalRow(i + 2)),
    ];
    // Row 700 of the journal run repeats a seq: the primary key refuses it, in the middle of a chunk.
    writes[900 + 700] = journalRow(1);
    await expect(db.transaction(writes)).rejects.toThrow(/UNIQUE constraint failed: journal.seq/);
    expect(await db.get('SELECT COUNT(*) AS n FROM journal')).toEqual({ n: 1 });
    expect(await db.get('SELECT COUNT(*) AS n FROM assets')).toEqual({ n: 0 });
    await db.transaction(Array.from({ length: 5 }, (_, i) => journalRow(i + 2)));
    expect(await db.get('SELECT COUNT(*) AS n FROM journal')).toEqual({ n: 6 });
  });

  it('takes the widest rows of the schema at the largest chunk (parameter limit of this SQLite)', async () => {
    const columns = Array.from({ length: 60 }, (_, i) => `c${i}`);
    await db.exec(`CREATE TABLE wide (${columns.join(', ')})`);
    const sql = `INSERT INTO wide (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const writes = Array.from({ length: 1100 }, (_, row) => ({ sql, params: columns.map((_, c) => row * 100 + c) }));
    await db.transaction(writes);
    expect(await db.get('SELECT COUNT(*) AS n, SUM(c59) AS s FROM wide')).toEqual({ n: 1100, s: writes.reduce((a, w) => a + (w.params[59] as number), 0) });
  });
});
