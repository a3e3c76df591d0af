/**
 * Benchmark H3: journal writes. The hub's real write path — Writer → ChangeSet → Journal.number →
 * Database.transaction, on a SQLite file opened as the hub opens it (WAL, the hub's PRAGMAs, the
 * migrated schema) — writing N `asset.updated` events as the ingest path makes them (each one the
 * asset's row and its journal row), against `sqlite3` row at a time in the same run: (a) each row
 * its own autocommit transaction, (b) every row inside one BEGIN…COMMIT. Same schema, same rows,
 * a fresh copy of the same seeded database (Finistère, ~97,000 assets) for each.
 *
 *   npm run bench -- journal-writes [--events 200000] [--autocommit-events 20000] [--full-sync-events 2000]
 *
 * The peers get the hub's PRAGMAs too (synchronous = NORMAL in WAL), so only the way rows reach
 * SQLite differs. Autocommit is slow, so it runs on fewer events (its rate is what is compared).
 * Autocommit is measured twice: with the hub's PRAGMAs, and as a developer creating the file with
 * `sqlite3` would get it: SQLite's defaults, a rollback journal (journal_mode = DELETE) and
 * synchronous = FULL, so every row's commit writes and syncs its journal and the database (durable
 * against power loss, where WAL with synchronous = NORMAL is durable against a crash of the
 * application only).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../electron/hub/store/db';
import { Journal } from '../../electron/hub/store/journal';
import { migrate } from '../../electron/hub/store/migrate';
import { Writer } from '../../electron/hub/store/writer';
import { seedTerritory } from '../../electron/hub/state/seed';
import { TerritoryState } from '../../electron/hub/state/territory-state';
import type { AssetRecord } from '../../electron/hub/state/records';
import { generateTerritory } from '../../electron/hub/territory';
import { machineInfo } from './support/machine';
import { ROWS_PER_EVENT, applyReading, runPeer } from './support/journal-writes-peers';
import { report } from './support/verdict';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const EVENTS = Number(args.get('events') ?? 200_000);
const AUTOCOMMIT_EVENTS = Math.min(EVENTS, Number(args.get('autocommit-events') ?? 20_000));
const FULL_SYNC_EVENTS = Math.min(EVENTS, Number(args.get('full-sync-events') ?? 2_000));
/** The PRAGMAs `Database.open` sets on its connections (WAL itself is stored in the file). */
const HUB_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;';

interface Measure {
  name: string;
  events: number;
  rows: number;
  wallS: number;
  cpuS: number;
}

async function measured(name: string, events: number, run: () => Promise<void>): Promise<Measure> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { name, events, rows: events * ROWS_PER_EVENT, wallS, cpuS: (used.user + used.system) / 1e6 };
}

/** Our side: the writer as the hub runs it, fed the way ingest feeds it (one work item per uplink). */
async function runOurs(file: string, records: readonly AssetRecord[], events: number): Promise<void> {
  const db = await Database.open(file);
  await migrate(db);
  const journal = await Journal.open(db);
  let published = 0;
  let failure: unknown;
  const writer = new Writer(db, journal, (batch) => (published += batch.length));
  for (let i = 0; i < events; i++) {
    writer.post(
      (changes) => {
        const record = records[i % records.length]!;
        applyReading(record, i);
        changes.asset(record);
      },
      (error) => (failure ??= error),
    );
  }
  await writer.idle();
  await db.close();
  if (failure) throw failure;
  if (published !== events) throw new Error(`${published} événements publiés sur ${events}`);
}

/** What is on disk after a run: the journal must hold exactly the events written. */
async function check(file: string, events: number, lastSeq: number): Promise<void> {
  const db = await Database.open(file);
  const row = await db.get<{ n: number; last: number | null }>('SELECT COUNT(*) AS n, MAX(seq) AS last FROM journal');
  await db.close();
  if (row?.n !== events || row.last !== lastSeq) throw new Error(`${file} : ${row?.n} lignes de journal, seq max ${row?.last}, attendu ${events} / ${lastSeq}`);
}

function line(m: Measure): string {
  return `  ${m.name.padEnd(46)} ${String(m.events).padStart(7)} évén. ${String(m.rows).padStart(7)} lignes  ${m.wallS.toFixed(2).padStart(7)} s  ${Math.round(m.rows / m.wallS).toLocaleString('fr-FR').padStart(9)} lignes/s  CPU ${m.cpuS.toFixed(2)} s (${((m.cpuS / m.wallS) * 100).toFixed(0)} % d'un cœur, ${((m.cpuS / m.rows) * 1e6).toFixed(1)} µs/ligne)`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'beffroi-journal-writes-'));
  try {
    // One seeded database, copied fresh for each side.
    const template = join(dir, 'template.db');
    const seed = generateTerritory('finistere');
    const db = await Database.open(template);
    await migrate(db);
    await seedTerritory(db, seed);
    const state = await TerritoryState.load(db);
    await db.close();
    // The assets a device reports for: what uplinks update.
    const records = [...state.assets.values()].filter((r) => r.devices.length > 0);
    const fresh = (name: string) => {
      const file = join(dir, `${name}.db`);
      copyFileSync(template, file);
      return file;
    };

    const results: Measure[] = [];
    const side = async (name: string, events: number, file: string, run: () => Promise<void>) => {
      const m = await measured(name, events, run);
      await check(file, events, events);
      console.log(line(m));
      results.push(m);
      return m;
    };
    console.log(`\nJournal writes — ${seed.assets.length} assets seeded, events cycle over the ${records.length} with a device; each event = asset row (upsert) + journal row`);
    const oursFile = fresh('ours');
    const ours = await side('nous (Writer → ChangeSet → Journal → Database)', EVENTS, oursFile, () => runOurs(oursFile, records, EVENTS));
    const txFile = fresh('one-transaction');
    const oneTx = await side('sqlite3 ligne à ligne, un BEGIN…COMMIT', EVENTS, txFile, () =>
      runPeer(txFile, records, EVENTS, 1, { pragmas: HUB_PRAGMAS, oneTransaction: true }),
    );
    const autoFile = fresh('autocommit');
    const autocommit = await side('sqlite3 ligne à ligne, autocommit', AUTOCOMMIT_EVENTS, autoFile, () =>
      runPeer(autoFile, records, AUTOCOMMIT_EVENTS, 1, { pragmas: HUB_PRAGMAS, oneTransaction: false }),
    );
    const fullFile = fresh('autocommit-full');
    // The seeded file is in WAL (a file's journal mode persists): back to SQLite's default first.
    const fullSync = await side('sqlite3 autocommit, réglages par défaut (DELETE, FULL)', FULL_SYNC_EVENTS, fullFile, () =>
      runPeer(fullFile, records, FULL_SYNC_EVENTS, 1, { pragmas: 'PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;', oneTransaction: false }),
    );
    console.log(`  autocommit sur ${AUTOCOMMIT_EVENTS} et ${FULL_SYNC_EVENTS} événements seulement : on compare des débits (lignes/s)`);
    console.log("  pairs : mêmes requêtes et valeurs ; PRAGMA du hub (WAL, synchronous = NORMAL) sauf la ligne « par défaut » (journal DELETE, FULL)");
    console.log('  durabilité : NORMAL en WAL survit à un arrêt brutal du hub, pas forcément à une coupure de courant (FULL : si)');

    const rate = (m: Measure) => m.rows / m.wallS;
    report('journal-writes', {
      machine: await machineInfo(),
      runSeconds: (performance.now() - started) / 1000,
      events: EVENTS,
      results: results.map((m) => ({ ...m, rowsPerS: rate(m), cpuUsPerRow: (m.cpuS / m.rows) * 1e6 })),
      comparisons: [
        { id: 'H3', what: 'écritures de journal', unit: 'lignes/s', ours: rate(ours), peer: rate(autocommit), peerName: 'sqlite3 autocommit (PRAGMA du hub)', better: 'higher', goalRatio: 50 },
        { id: 'H3', what: 'écritures de journal', unit: 'lignes/s', ours: rate(ours), peer: rate(fullSync), peerName: 'sqlite3 autocommit (réglages par défaut : journal DELETE, FULL)', better: 'higher', goalRatio: 50 },
        { id: 'H3', what: 'écritures de journal', unit: 'lignes/s', ours: rate(ours), peer: rate(oneTx), peerName: 'sqlite3 ligne à ligne en une transaction', better: 'higher', goalRatio: 5 },
      ],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
