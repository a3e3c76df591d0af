import sqlite3 from 'sqlite3';
import { chunkSizes, insertShape, multiRowSql } from './multi-row';

export type SqlValue = string | number | null;
export type SqlParams = SqlValue[];

/** One statement of a write transaction. */
export interface Write {
  sql: string;
  params: SqlParams;
}

/** The parameters of `count` rows from `start`, one after the other, for a multi-row statement. */
function flatParams(writes: Write[], start: number, count: number, perRow: number): SqlParams {
  const params: SqlParams = new Array<SqlValue>(count * perRow);
  let at = 0;
  for (let row = start; row < start + count; row++) for (const value of writes[row]!.params) params[at++] = value;
  return params;
}

function openHandle(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const handle = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(handle)));
  });
}

function execOn(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

const PRAGMAS = `
  PRAGMA synchronous = NORMAL;
  PRAGMA foreign_keys = ON;
  PRAGMA busy_timeout = 5000;
`;

/**
 * The hub's SQLite database in WAL mode, over two connections: one writer, in serialized mode so
 * the statements of a transaction run in the order given, and one reader, which WAL lets read the
 * last committed state while a write is under way (never a half-written batch).
 * Writes come as whole transactions (`transaction`), queued so two never interleave. Statements
 * are prepared once and kept, since the same few run thousands of times a second.
 */
export class Database {
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  private writeChain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly reader: sqlite3.Database,
  ) {}

  static async open(path: string): Promise<Database> {
    const writer = await openHandle(path);
    writer.serialize();
    await execOn(writer, `PRAGMA journal_mode = WAL; ${PRAGMAS}`);
    const reader = await openHandle(path);
    await execOn(reader, PRAGMAS);
    return new Database(writer, reader);
  }

  /** Runs SQL on the writer, outside the transaction queue: migrations at start-up only. */
  exec(sql: string): Promise<void> {
    return execOn(this.db, sql);
  }

  all<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.reader.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    );
  }

  async get<T = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /**
   * Runs the writes in one transaction, after every transaction submitted before it, in the order
   * given; consecutive rows of one INSERT go as multi-row statements (see multi-row.ts). COMMIT is
   * sent only once each has reported, so one failure rolls the whole transaction back.
   */
  transaction(writes: Write[]): Promise<void> {
    const run = this.writeChain.then(() => this.runTransaction(writes));
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private async runTransaction(writes: Write[]): Promise<void> {
    // Prepared first: a statement that does not compile fails the transaction before BEGIN.
    const sqls = [...new Set(writes.map((write) => write.sql))];
    const bySql = new Map(await Promise.all(sqls.map(async (sql) => [sql, await this.prepared(sql)] as const)));
    await this.execWriter('BEGIN IMMEDIATE');
    try {
      // Note: serialized mode orders the runs of one prepared statement, not runs of different
      // statements against each other (seen: devices inserted before their assets). So each run of
      // consecutive writes with the same statement is handed over at once, and the next run waits.
      for (let start = 0; start < writes.length; ) {
        let end = start + 1;
        while (end < writes.length && writes[end]!.sql === writes[start]!.sql) end++;
        await this.runSegment(bySql.get(writes[start]!.sql)!, writes.slice(start, end));
        start = end;
      }
    } catch (error) {
      await this.execWriter('ROLLBACK');
      throw error;
    }
    await this.execWriter('COMMIT');
  }

  /**
   * Writes a run of rows with the same statement: as multi-row statements when it is a plain
   * INSERT (one trip into SQLite per chunk instead of per row), else row by row. The full-size
   * chunks all go to one statement, handed over at once: SQLite runs the first while this thread
   * binds the next. The smaller chunks of the remainder are other statements, which SQLite would
   * not order against these, so each waits for what came before it.
   */
  private async runSegment(statement: sqlite3.Statement, writes: Write[]): Promise<void> {
    const shape = writes.length > 1 ? insertShape(writes[0]!.sql) : undefined;
    if (!shape || writes.some((write) => write.params.length !== shape.perRow)) return this.runRows(statement, writes.map((write) => write.params));
    const sizes = chunkSizes(writes.length, shape.perRow);
    let start = 0;
    for (let i = 0; i < sizes.length; ) {
      const size = sizes[i]!;
      const chunks: SqlParams[] = [];
      for (; sizes[i] === size; i++, start += size) chunks.push(flatParams(writes, start, size, shape.perRow));
      await this.runRows(size === 1 ? statement : await this.prepared(multiRowSql(shape, size)), chunks);
    }
  }

  /** Runs the statement once per parameter list, all handed over at once (one statement keeps order). */
  private runRows(statement: sqlite3.Statement, rows: SqlParams[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let pending = rows.length;
      let failure: Error | undefined;
      for (const params of rows) {
        statement.run(params, (err: Error | null) => {
          if (err && !failure) failure = err;
          if (--pending === 0) (failure ? reject(failure) : resolve());
        });
      }
    });
  }

  private execWriter(sql: string): Promise<void> {
    return execOn(this.db, sql);
  }

  private prepared(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = new Promise((resolve, reject) => {
        const prepared = this.db.prepare(sql, (err: Error | null) => (err ? reject(err) : resolve(prepared)));
      });
      statement.catch(() => this.statements.delete(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async close(): Promise<void> {
    await this.writeChain;
    for (const pending of this.statements.values()) {
      const statement = await pending.catch(() => undefined);
      if (statement) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    }
    this.statements.clear();
    for (const handle of [this.reader, this.db]) {
      await new Promise<void>((resolve, reject) => handle.close((err) => (err ? reject(err) : resolve())));
    }
  }
}
