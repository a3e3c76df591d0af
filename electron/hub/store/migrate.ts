import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the numbered SQL files of `migrations/` not yet applied, each in its own transaction,
 * in order. SQLite's `user_version` records the last one applied.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<number> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}-.+\.sql$/.test(f)).sort();
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  let version = row?.user_version ?? 0;
  for (const file of files) {
    const number = Number(file.slice(0, 3));
    if (number <= version) continue;
    const sql = await readFile(dir + file, 'utf8');
    await db.exec(`BEGIN; ${sql}; PRAGMA user_version = ${number}; COMMIT;`).catch(async (err: Error) => {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`migration ${file} : ${err.message}`);
    });
    version = number;
  }
  return version;
}
