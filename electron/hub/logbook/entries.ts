import { z } from 'zod';
import { LogbookEntry } from '../../../shared/domain/logbook';
import type { SessionUser } from '../../../shared/domain/users';
import type { Database, SqlValue } from '../store/db';

/** A WHERE clause being built: conditions joined by AND, parameters in order. */
export interface Where {
  where: string[];
  params: SqlValue[];
}

export function andWhere(filter: Where): string {
  return filter.where.length > 0 ? `WHERE ${filter.where.join(' AND ')}` : '';
}

/**
 * Keeps rows of the user's communes. An unscoped user (command post) sees everything, entries
 * for the whole territory included; a scoped one only rows of their communes (NULL never matches).
 */
export function scopeTo(user: SessionUser, column: string, filter: Where): Where {
  if (user.communes.length === 0) return filter;
  return { where: [...filter.where, `${column} IN (${user.communes.map(() => '?').join(',')})`], params: [...filter.params, ...user.communes] };
}

const EntryRow = z.object({
  id: z.string(),
  at: z.string(),
  author: z.string(),
  kind: z.enum(['note', 'auto']),
  commune: z.string().nullable(),
  text: z.string(),
  corrects: z.string().nullable(),
  links: z.string(),
});
const LinkTuples = z.array(z.tuple([z.enum(['alarm', 'command', 'asset']), z.string(), z.string(), z.string()]));

const SELECT_ENTRIES = `SELECT e.id, e.at, e.author, e.kind, e.commune, e.text, e.corrects,
  (SELECT json_group_array(json_array(kind, target_id, asset_id, label))
     FROM (SELECT kind, target_id, asset_id, label FROM logbook_links WHERE entry_id = e.id ORDER BY position)) AS links
  FROM logbook e`;

/** Entries matching `filter`, in `order`, at most `limit`. */
export async function readEntries(db: Database, filter: Where, order: 'newest' | 'oldest', limit: number): Promise<LogbookEntry[]> {
  const direction = order === 'newest' ? 'DESC' : 'ASC';
  const rows = await db.all(`${SELECT_ENTRIES} ${andWhere(filter)} ORDER BY e.at ${direction}, e.id ${direction} LIMIT ?`, [...filter.params, limit]);
  return rows.map((raw) => {
    const row = EntryRow.parse(raw);
    return LogbookEntry.parse({
      id: row.id,
      at: row.at,
      author: row.author,
      kind: row.kind,
      ...(row.commune !== null ? { commune: row.commune } : {}),
      text: row.text,
      links: LinkTuples.parse(JSON.parse(row.links)).map(([kind, id, assetId, label]) => ({ kind, id, assetId, label })),
      ...(row.corrects !== null ? { corrects: row.corrects } : {}),
    });
  });
}

export async function countEntries(db: Database, filter: Where): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM logbook e ${andWhere(filter)}`, filter.params);
  return row?.n ?? 0;
}

/** What `logbook.list` narrows to; every field optional. Instants compare as UTC ISO text. */
export interface EntryFilter {
  from?: string;
  to?: string;
  author?: string;
  text?: string;
  alarmId?: string;
}

export function entryWhere(filter: EntryFilter): Where {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (filter.from) (where.push('e.at >= ?'), params.push(new Date(filter.from).toISOString()));
  if (filter.to) (where.push('e.at < ?'), params.push(new Date(filter.to).toISOString()));
  if (filter.author) (where.push('e.author = ?'), params.push(filter.author));
  if (filter.text?.trim()) {
    // Words typed by the operator are data, never a pattern: % and _ match themselves.
    (where.push(`e.text LIKE ? ESCAPE '\\'`), params.push(`%${filter.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  if (filter.alarmId) (where.push(`e.id IN (SELECT entry_id FROM logbook_links WHERE kind = 'alarm' AND target_id = ?)`), params.push(filter.alarmId));
  return { where, params };
}
