/**
 * The journal-writes benchmark's workload and its naive peers. The workload is what the ingest
 * path makes of a stream of uplinks: each event is one asset's new readings, written as the asset's
 * row (upsert) and one `asset.updated` journal row. Our side and the peers write exactly the same
 * rows (same schema, same statements, same values built by the hub's own row helpers); only how
 * the rows reach SQLite differs.
 */
import sqlite3 from 'sqlite3';
import { assetDevices } from '../../../electron/hub/store/change-set';
import { assetWrite } from '../../../electron/hub/store/rows';
import type { AssetRecord } from '../../../electron/hub/state/records';

/** Rows each event writes: the asset's row and its journal row. */
export const ROWS_PER_EVENT = 2;

/**
 * Event `i`'s readings on its asset, in place: what `applyUplink` does to a record before
 * `changes.asset(record)`. Deterministic in `i`, so every side writes the same values.
 */
export function applyReading(record: AssetRecord, i: number): void {
  const wave = (i * 7919) % 100;
  record.asset.metrics = {
    ...record.asset.metrics,
    temperature: 18 + (wave % 40) / 10,
    batteryPercent: 90 - (wave % 7),
    rssiDbm: -95 - (wave % 25),
    snrDb: 7.5 - (wave % 10) / 2,
    powerW: 800 + wave * 10,
  };
  record.asset.updatedAt = new Date(Date.UTC(2026, 10, 23, 18, 0, 0) + i * 10).toISOString();
}

/** The journal row of one `asset.updated` event, as a developer would build it by hand. */
const INSERT_JOURNAL = 'INSERT INTO journal (seq, at, type, commune, body) VALUES (?, ?, ?, ?, ?)';

function eventRows(record: AssetRecord, seq: number, at: string): { sql: string; params: (string | number | null)[] }[] {
  const asset = { ...record.asset, devices: assetDevices(record.devices) };
  const body = JSON.stringify({ seq, at, type: 'asset.updated', asset });
  return [assetWrite(record), { sql: INSERT_JOURNAL, params: [seq, at, 'asset.updated', asset.commune, body] }];
}

/** Events queued before the peer waits for SQLite to catch up. */
const PEER_WINDOW = 1000;

export interface PeerOptions {
  /** Statements run before writing, e.g. the hub's PRAGMAs (a connection's settings are its own). */
  pragmas: string;
  /** Wrap every row in one BEGIN…COMMIT instead of letting each autocommit. */
  oneTransaction: boolean;
}

/**
 * The peer: `sqlite3` the way its README shows it: one connection in serialized mode, one
 * `db.run(sql, params)` per row, queued without waiting for each. Autocommit makes each row its own
 * transaction; `oneTransaction` puts BEGIN before the first and COMMIT after the last.
 */
export async function runPeer(
  file: string,
  records: readonly AssetRecord[],
  events: number,
  firstSeq: number,
  options: PeerOptions,
): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(handle)));
  });
  await new Promise<void>((resolve, reject) => db.exec(options.pragmas, (err) => (err ? reject(err) : resolve())));
  let failure: Error | undefined;
  const note = (err: Error | null) => {
    if (err && !failure) failure = err;
  };
  // Everything after `last` runs once the statements queued before it have: serialized mode.
  const last = (sql: string) =>
    new Promise<void>((resolve) =>
      db.run(sql, (err: Error | null) => {
        note(err);
        resolve();
      }),
    );
  db.serialize();
  if (options.oneTransaction) db.run('BEGIN', note);
  const at = new Date().toISOString();
  // Queued a window at a time so 400,000 pending statements never sit in memory at once.
  for (let start = 0; start < events && !failure; start += PEER_WINDOW) {
    for (let i = start; i < Math.min(events, start + PEER_WINDOW); i++) {
      const record = records[i % records.length]!;
      applyReading(record, i);
      for (const row of eventRows(record, firstSeq + i, at)) db.run(row.sql, row.params, note);
    }
    await last('SELECT 1');
  }
  if (options.oneTransaction) await last(failure ? 'ROLLBACK' : 'COMMIT');
  await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  if (failure) throw failure;
}
