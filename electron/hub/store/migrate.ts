import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the numbered SQL files of `migrations/` not yet applied, each in its own transaction,
 * in number order, and records each in `schema_migrations`. Features are built in parallel and
 * reserve their numbers ahead, so a lower number can land after a higher one: what decides is
 * whether that file was applied, not whether its number is below the highest. SQLite's
 * `user_version` still carries the highest number applied, for tools that read it.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<number> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}-.+\.sql$/.test(f)).sort();
  const applied = await appliedMigrations(db, files);
  let version = Math.max(0, ...applied);
  for (const file of files) {
    const number = Number(file.slice(0, 3));
    if (applied.has(number)) continue;
    const sql = await readFile(dir + file, 'utf8');
    version = Math.max(version, number);
    const record = `INSERT INTO schema_migrations (number, file, applied_at) VALUES (${number}, '${file.replaceAll("'", "''")}', '${new Date().toISOString()}')`;
    await db.exec(`BEGIN; ${sql}; ${record}; PRAGMA user_version = ${version}; COMMIT;`).catch(async (err: Error) => {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`migration ${file} : ${err.message}`);
    });
  }
  return version;
}

/**
 * The numbers already applied. A database from before `schema_migrations` only knows its
 * `user_version`: every file up to it counts as applied, as the old rule had it.
 */
async function appliedMigrations(db: Database, files: readonly string[]): Promise<Set<number>> {
  const table = await db.get<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!table) {
    const row = await db.get<{ user_version: number }>('PRAGMA user_version');
    const version = row?.user_version ?? 0;
    const known = files.filter((f) => Number(f.slice(0, 3)) <= version);
    const inserts = known.map((f) => `INSERT INTO schema_migrations (number, file, applied_at) VALUES (${Number(f.slice(0, 3))}, '${f.replaceAll("'", "''")}', 'avant le suivi')`);
    await db.exec(`BEGIN; CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, file TEXT NOT NULL, applied_at TEXT NOT NULL); ${inserts.join('; ')}${inserts.length ? ';' : ''} COMMIT;`);
  }
  const rows = await db.all<{ number: number }>('SELECT number FROM schema_migrations');
  return new Set(rows.map((r) => r.number));
}
