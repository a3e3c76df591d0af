import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Database, Write } from '../store/db';

/** What the trail records: login, failed login, logout, user change, command, acknowledge… */
export interface AuditEntry {
  actor: string;
  address?: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  address: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

const INSERT =
  'INSERT INTO audit (id, at, actor, address, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** A row's hash covers every field and the previous row's hash. */
export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const content = JSON.stringify([row.id, row.at, row.actor, row.address, row.action, row.target, row.details, row.prev_hash]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Chains audit entries as the writer commits them, as the journal numbers its events: ids and
 * hashes are given at commit time and the chain only moves once the transaction committed, so a
 * failed batch never leaves a gap or a fork.
 */
export class AuditChain {
  private constructor(
    private lastId: number,
    private lastHash: string,
  ) {}

  static async open(db: Database): Promise<AuditChain> {
    const raw = await db.get('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1');
    const row = raw ? z.object({ id: z.number(), hash: z.string() }).parse(raw) : undefined;
    return new AuditChain(row?.id ?? 0, row?.hash ?? GENESIS_HASH);
  }

  chain(entries: readonly AuditEntry[], at: string): { writes: Write[]; last: { id: number; hash: string } } {
    let id = this.lastId;
    let prev = this.lastHash;
    const writes: Write[] = [];
    for (const entry of entries) {
      id += 1;
      const row = {
        id,
        at,
        actor: entry.actor,
        address: entry.address ?? null,
        action: entry.action,
        target: entry.target ?? null,
        details: JSON.stringify(entry.details ?? {}),
        prev_hash: prev,
      };
      prev = rowHash(row);
      writes.push({ sql: INSERT, params: [row.id, row.at, row.actor, row.address, row.action, row.target, row.details, row.prev_hash, prev] });
    }
    return { writes, last: { id, hash: prev } };
  }

  committed(last: { id: number; hash: string }): void {
    this.lastId = last.id;
    this.lastHash = last.hash;
  }
}

/** Checks the whole chain; says where it first breaks. */
export async function verifyAudit(db: Database): Promise<{ ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string }> {
  const rows = await db.all<AuditRow>('SELECT * FROM audit ORDER BY id');
  let prev = GENESIS_HASH;
  let expectedId = 1;
  for (const row of rows) {
    if (row.id !== expectedId) return { ok: false, rows: rows.length, brokenAt: row.id, reason: `ligne ${expectedId} manquante` };
    if (row.prev_hash !== prev) return { ok: false, rows: rows.length, brokenAt: row.id, reason: 'chaînage rompu' };
    const { hash, ...rest } = row;
    if (rowHash(rest) !== hash) return { ok: false, rows: rows.length, brokenAt: row.id, reason: 'contenu modifié' };
    prev = hash;
    expectedId += 1;
  }
  return { ok: true, rows: rows.length };
}
