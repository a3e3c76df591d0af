import { z } from 'zod';
import { AlarmPriority, type AlarmPriority as Priority } from '../../../shared/domain/alarms';
import type { GateHours } from '../../../shared/domain/schedules';
import {
  THRESHOLD_DEFAULTS,
  THRESHOLD_DEFINITIONS,
  effectiveThreshold,
  type Threshold,
  type ThresholdOverride,
} from '../../../shared/domain/thresholds';
import type { ChangeSet } from '../store/change-set';
import type { Database } from '../store/db';

/** A condition's settings in force, as the rules read them on every uplink. */
export type ThresholdInForce = ReturnType<typeof effectiveThreshold>;

interface StoredOverride {
  override: ThresholdOverride;
  updatedBy: string;
  updatedAt: string;
}

const Row = z.object({
  condition: z.string(),
  raise_value: z.number().nullable(),
  clear_value: z.number().nullable(),
  delay_s: z.number().int().nullable(),
  priority: AlarmPriority.nullable(),
  updated_by: z.string(),
  updated_at: z.string(),
});

/**
 * The alarm conditions' settings in force (shipped defaults with the admins' overrides on top),
 * and the raises waiting for their condition's delay. Rules read `get` per uplink: one map
 * lookup, the merged settings are kept ready. A change applies at once, without a restart.
 */
export class ThresholdBook {
  private readonly overrides = new Map<string, StoredOverride>();
  private readonly inForce = new Map<string, ThresholdInForce>();
  /** `${assetId}|${condition}` → epoch ms its condition started holding, while its delay runs. */
  private readonly pending = new Map<string, number>();
  /** A gate's opening hours when a programme sets them (the hub wires its programme book here). */
  gateHours: (assetId: string) => GateHours | undefined = () => undefined;

  constructor() {
    for (const definition of THRESHOLD_DEFAULTS) this.inForce.set(definition.condition, effectiveThreshold(definition, undefined));
  }

  static async load(db: Database, log: (line: string) => void = () => undefined): Promise<ThresholdBook> {
    const book = new ThresholdBook();
    for (const raw of await db.all('SELECT condition, raise_value, clear_value, delay_s, priority, updated_by, updated_at FROM thresholds')) {
      const row = Row.safeParse(raw);
      if (!row.success || !THRESHOLD_DEFINITIONS.has(row.data.condition)) {
        // A condition a later release dropped, or a row edited by hand: the defaults hold.
        log(`seuil illisible ou inconnu ignoré : ${JSON.stringify(raw)}`);
        continue;
      }
      const { condition, raise_value: raise, clear_value: clear, delay_s, priority, updated_by, updated_at } = row.data;
      const override: ThresholdOverride = {
        ...(raise !== null ? { raise } : {}),
        ...(clear !== null ? { clear } : {}),
        ...(delay_s !== null ? { delaySeconds: delay_s } : {}),
        ...(priority !== null ? { priority } : {}),
      };
      book.remember(condition, { override, updatedBy: updated_by, updatedAt: updated_at });
    }
    return book;
  }

  /** The settings in force for a condition; undefined for a condition that has none. */
  get(condition: string): ThresholdInForce | undefined {
    return this.inForce.get(condition);
  }

  /** `get`, bound once: the rules hand it to conditions without a closure per uplink. */
  readonly settingsOf = (condition: string): ThresholdInForce | undefined => this.inForce.get(condition);

  priorityOf(condition: string, fallback: Priority): Priority {
    return this.inForce.get(condition)?.priority ?? fallback;
  }

  /** Every condition's settings, in the order of the shipped table. */
  list(): Threshold[] {
    return THRESHOLD_DEFAULTS.map((definition) => this.view(definition.condition));
  }

  view(condition: string): Threshold {
    const stored = this.overrides.get(condition);
    return {
      ...this.inForce.get(condition)!,
      overridden: stored !== undefined,
      ...(stored ? { updatedBy: stored.updatedBy, updatedAt: stored.updatedAt } : {}),
    } as Threshold;
  }

  /** Stores an admin's override (or removes it: back to the defaults), in memory and in the batch. */
  set(condition: string, override: ThresholdOverride | undefined, actor: string, at: string, changes: ChangeSet): void {
    if (override === undefined || Object.keys(override).length === 0) {
      this.forget(condition);
      changes.write({ sql: 'DELETE FROM thresholds WHERE condition = ?', params: [condition] });
      return;
    }
    this.remember(condition, { override, updatedBy: actor, updatedAt: at });
    changes.write({
      sql: 'INSERT INTO thresholds (condition, raise_value, clear_value, delay_s, priority, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (condition) DO UPDATE SET raise_value = excluded.raise_value, clear_value = excluded.clear_value, delay_s = excluded.delay_s, priority = excluded.priority, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
      params: [condition, override.raise ?? null, override.clear ?? null, override.delaySeconds ?? null, override.priority ?? null, actor, at],
    });
  }

  overrideOf(condition: string): ThresholdOverride | undefined {
    return this.overrides.get(condition)?.override;
  }

  // ─── raises waiting for their delay ──────────────────────────────────────────────────────

  pendingSince(assetId: string, condition: string): number | undefined {
    return this.pending.get(`${assetId}|${condition}`);
  }

  startPending(assetId: string, condition: string, atMs: number): void {
    this.pending.set(`${assetId}|${condition}`, atMs);
  }

  cancelPending(assetId: string, condition: string): void {
    this.pending.delete(`${assetId}|${condition}`);
  }

  /** An asset gone from the territory: its raises wait for nothing any more. */
  forgetAsset(assetId: string): void {
    for (const key of this.pending.keys()) if (key.startsWith(`${assetId}|`)) this.pending.delete(key);
  }

  /** The assets with a raise whose delay ran out by `nowMs`: the sweep evaluates them again. */
  dueAssets(nowMs: number): Set<string> {
    const due = new Set<string>();
    for (const [key, sinceMs] of this.pending) {
      const bar = key.indexOf('|');
      const delayS = this.inForce.get(key.slice(bar + 1))?.delaySeconds ?? 0;
      if (nowMs - sinceMs >= delayS * 1000) due.add(key.slice(0, bar));
    }
    return due;
  }

  private remember(condition: string, stored: StoredOverride): void {
    this.overrides.set(condition, stored);
    this.inForce.set(condition, effectiveThreshold(THRESHOLD_DEFINITIONS.get(condition)!, stored.override));
  }

  private forget(condition: string): void {
    this.overrides.delete(condition);
    const definition = THRESHOLD_DEFINITIONS.get(condition);
    if (definition) this.inForce.set(condition, effectiveThreshold(definition, undefined));
  }
}
