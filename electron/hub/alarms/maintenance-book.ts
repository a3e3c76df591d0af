import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AlarmPriority } from '../../../shared/domain/alarms';
import { MaintenanceWindow, type MaintenanceTarget } from '../../../shared/domain/maintenance';
import type { ChangeSet } from '../store/change-set';
import type { Database } from '../store/db';
import type { AssetRecord } from '../state/records';
import type { RaiseSuppressor } from './alarm-book';

const WindowRow = z.object({
  id: z.string(),
  asset_id: z.string().nullable(),
  commune: z.string(),
  from_at: z.string(),
  to_at: z.string(),
  reason: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  deleted_by: z.string().nullable(),
  deleted_at: z.string().nullable(),
});

const UPSERT = `INSERT INTO maintenance_windows (id, asset_id, commune, from_at, to_at, reason, created_by, created_at, deleted_by, deleted_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET deleted_by = excluded.deleted_by, deleted_at = excluded.deleted_at`;

/**
 * Maintenance windows current or to come. A window is *active* from the sweep that first sees its
 * start to the one that sees its end (or its deletion), so the map, the suppression and the
 * return to normal all change together, in one batch. Runs inside writer work only.
 */
export class MaintenanceBook implements RaiseSuppressor {
  /** Windows not deleted and not yet over. */
  readonly windows = new Map<string, MaintenanceWindow>();
  private readonly activeIds = new Set<string>();
  private readonly activeAssets = new Map<string, number>();
  private readonly activeCommunes = new Map<string, number>();
  /** `${windowId}|${assetId}|${condition}` already journaled as suppressed. */
  private readonly suppressed = new Set<string>();

  static async load(db: Database, nowMs = Date.now()): Promise<MaintenanceBook> {
    const book = new MaintenanceBook();
    const rows = await db.all('SELECT * FROM maintenance_windows WHERE deleted_at IS NULL AND to_at > ?', [new Date(nowMs).toISOString()]);
    for (const raw of rows) {
      const window = windowFromRow(raw);
      book.windows.set(window.id, window);
    }
    return book;
  }

  covers(asset: { id: string; commune: string }): boolean {
    return this.activeAssets.has(asset.id) || this.activeCommunes.has(asset.commune);
  }

  suppress(record: AssetRecord, condition: string, priority: AlarmPriority, message: string, changes: ChangeSet): boolean {
    const window = this.activeWindowFor(record.asset);
    if (!window) return false;
    const key = `${window.id}|${record.asset.id}|${condition}`;
    if (this.suppressed.has(key)) return true;
    this.suppressed.add(key);
    const { id: assetId, commune } = record.asset;
    changes.event({ type: 'alarm.suppressed', assetId, commune, condition, priority, message, windowId: window.id }, commune);
    return true;
  }

  create(target: MaintenanceTarget, commune: string, fromAt: string, toAt: string, reason: string, by: string, at: string, changes: ChangeSet): MaintenanceWindow {
    const window: MaintenanceWindow = { id: `mw-${randomUUID()}`, target, commune, fromAt, toAt, reason, createdBy: by, createdAt: at };
    this.windows.set(window.id, window);
    record(window, changes);
    return window;
  }

  /** Marks the window deleted; it ends at the next `advance`. */
  delete(window: MaintenanceWindow, by: string, at: string, changes: ChangeSet): MaintenanceWindow {
    window.deletedBy = by;
    window.deletedAt = at;
    record(window, changes);
    return window;
  }

  /** Starts the windows whose time came, ends those over or deleted; returns both. */
  advance(nowMs: number): { started: MaintenanceWindow[]; ended: MaintenanceWindow[] } {
    const started: MaintenanceWindow[] = [];
    const ended: MaintenanceWindow[] = [];
    for (const window of this.windows.values()) {
      const over = window.deletedAt !== undefined || Date.parse(window.toAt) <= nowMs;
      const due = !over && Date.parse(window.fromAt) <= nowMs;
      if (over) {
        this.windows.delete(window.id);
        if (this.activeIds.delete(window.id)) (this.count(window, -1), ended.push(window));
      } else if (due && !this.activeIds.has(window.id)) {
        this.activeIds.add(window.id);
        this.count(window, 1);
        started.push(window);
      }
    }
    for (const window of ended) {
      for (const key of this.suppressed) if (key.startsWith(`${window.id}|`)) this.suppressed.delete(key);
    }
    return { started, ended };
  }

  private activeWindowFor(asset: { id: string; commune: string }): MaintenanceWindow | undefined {
    if (!this.covers(asset)) return undefined;
    for (const id of this.activeIds) {
      const window = this.windows.get(id)!;
      if ('assetId' in window.target ? window.target.assetId === asset.id : window.target.commune === asset.commune) return window;
    }
    return undefined;
  }

  private count(window: MaintenanceWindow, delta: number): void {
    const [map, key] = 'assetId' in window.target ? [this.activeAssets, window.target.assetId] : [this.activeCommunes, window.target.commune];
    const n = (map.get(key) ?? 0) + delta;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  }
}

function record(window: MaintenanceWindow, changes: ChangeSet): void {
  const assetId = 'assetId' in window.target ? window.target.assetId : null;
  changes.write({
    sql: UPSERT,
    params: [window.id, assetId, window.commune, window.fromAt, window.toAt, window.reason, window.createdBy, window.createdAt, window.deletedBy ?? null, window.deletedAt ?? null],
  });
  changes.event({ type: 'maintenance.updated', window: { ...window } }, window.commune);
}

function windowFromRow(raw: unknown): MaintenanceWindow {
  const row = WindowRow.parse(raw);
  return MaintenanceWindow.parse({
    id: row.id,
    target: row.asset_id ? { assetId: row.asset_id } : { commune: row.commune },
    commune: row.commune,
    fromAt: row.from_at,
    toAt: row.to_at,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    deletedBy: row.deleted_by ?? undefined,
    deletedAt: row.deleted_at ?? undefined,
  });
}
