/**
 * Multi-row INSERTs: a run of writes with the same `INSERT … VALUES (?, …) [ON CONFLICT …]` becomes
 * one statement per chunk, `VALUES (?, …), (?, …), …`, with every row's values bound as parameters.
 * SQLite inserts (or upserts) the rows of a VALUES list one after the other, in order, exactly as
 * the single-row statements would; what goes away is the cost of each row's trip between
 * JavaScript and SQLite's thread, which dominates writing a journal row.
 */

/** SQLite's default limit on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const MAX_PARAMETERS = 32_766;

/**
 * Most rows in one statement. Past a few hundred rows a longer statement saves nothing measurable,
 * and a power of two keeps the statements cached per SQL few (see `chunkSizes`).
 */
const MAX_ROWS_PER_STATEMENT = 512;

/** An INSERT split around its one VALUES row: `head` + rows joined by `, ` + `tail`. */
export interface InsertShape {
  head: string;
  row: string;
  tail: string;
  /** Parameters each row binds. */
  perRow: number;
}

/** One VALUES row of `?` placeholders and plain literals (no string literal: it could hide a `?`). */
const VALUES_ROW = /^(\s*INSERT\b[^?]*?\bVALUES\s*)(\(\s*(?:\?|-?\d+|NULL)(?:\s*,\s*(?:\?|-?\d+|NULL))*\s*\))([^?]*)$/is;

const shapes = new Map<string, InsertShape | null>();

/** The statement's shape if it can take several rows, else undefined (kept per SQL text). */
export function insertShape(sql: string): InsertShape | undefined {
  let shape = shapes.get(sql);
  if (shape === undefined) {
    const match = VALUES_ROW.exec(sql);
    // A SELECT or a second VALUES would make the split wrong: such statements stay one row each.
    const plain = match && !/\bSELECT\b/i.test(sql) && !/\bVALUES\b/i.test(match[3]!);
    shape = plain ? { head: match[1]!, row: match[2]!, tail: match[3]!, perRow: match[2]!.split('?').length - 1 } : null;
    shapes.set(sql, shape);
  }
  return shape ?? undefined;
}

/**
 * How `rows` rows are cut into statements: the largest power of two that fits each time, so that
 * any batch uses at most a dozen distinct statements per SQL and they can all stay prepared.
 */
export function chunkSizes(rows: number, perRow: number): number[] {
  let largest = 1;
  while (largest * 2 <= MAX_ROWS_PER_STATEMENT && largest * 2 * Math.max(1, perRow) <= MAX_PARAMETERS) largest *= 2;
  const sizes: number[] = [];
  for (let left = rows; left > 0; ) {
    let size = largest;
    while (size > left) size /= 2;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** The SQL inserting `rows` rows of `shape`. */
export function multiRowSql(shape: InsertShape, rows: number): string {
  return rows === 1 ? shape.head + shape.row + shape.tail : shape.head + new Array<string>(rows).fill(shape.row).join(', ') + shape.tail;
}
