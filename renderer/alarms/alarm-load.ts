import type { Alarm } from '../../shared';

/** ISA-18.2 / EEMUA 191: more than 10 alarms in 10 minutes is a flood, beyond what one person handles. */
export const FLOOD_WINDOW_MS = 10 * 60_000;
export const FLOOD_THRESHOLD = 10;
/** ISA-18.2's « maximum manageable » rate is about 2 per 10 minutes: above it, amber. */
export const MANAGEABLE_PER_WINDOW = 2;
/** An alarm active longer than this is « standing » (stale), a sign of a badly tuned condition. */
export const STANDING_AFTER_MS = 24 * 3_600_000;

export type LoadLevel = 'normal' | 'busy' | 'flood';

export interface AlarmLoad {
  /** Alarms raised in the last 10 minutes, including those already acknowledged and cleared. */
  raisedRecently: number;
  level: LoadLevel;
  /** Active alarms raised more than 24 h ago. */
  standing: number;
  shelved: number;
}

export function loadLevel(raisedRecently: number): LoadLevel {
  if (raisedRecently > FLOOD_THRESHOLD) return 'flood';
  if (raisedRecently > MANAGEABLE_PER_WINDOW) return 'busy';
  return 'normal';
}

/**
 * The strip's figures. `raisedAtMs` holds when each alarm seen lately was raised (an alarm that
 * came and went within the window still counts toward the flood), keyed by id so an update of
 * the same alarm is not counted twice.
 */
/** The figures; `active` newest first (the store's order). */
export function alarmLoad(raisedAtMs: ReadonlyMap<string, number>, active: readonly Alarm[], shelvedCount: number, nowMs: number): AlarmLoad {
  let raisedRecently = 0;
  for (const at of raisedAtMs.values()) if (at > nowMs - FLOOD_WINDOW_MS && at <= nowMs) raisedRecently += 1;
  // `active` is newest first: the standing alarms are at its end, counted from there.
  let standing = 0;
  for (let i = active.length - 1; i >= 0; i -= 1) {
    if (Date.parse(active[i]!.raisedAt) >= nowMs - STANDING_AFTER_MS) break;
    standing += 1;
  }
  return { raisedRecently, level: loadLevel(raisedRecently), standing, shelved: shelvedCount };
}

/**
 * When each alarm seen in the last 10 minutes was raised: the active list only holds what is
 * still active, so the strip also remembers alarms raised live that have since left it.
 */
export class RaisedTally {
  private readonly raisedAtMs = new Map<string, number>();

  note(alarms: readonly Alarm[]): void {
    for (const alarm of alarms) {
      const at = Date.parse(alarm.raisedAt);
      if (Number.isFinite(at)) this.raisedAtMs.set(alarm.id, at);
    }
  }

  /** Notes a newest-first list's alarms raised within the window only: stops at the first older one. */
  noteRecent(newestFirst: readonly Alarm[], nowMs: number): void {
    for (const alarm of newestFirst) {
      const at = Date.parse(alarm.raisedAt);
      if (!(at > nowMs - FLOOD_WINDOW_MS)) break;
      this.raisedAtMs.set(alarm.id, at);
    }
  }

  /** Forgets what left the window, so the map stays the size of one window's alarms. */
  prune(nowMs: number): ReadonlyMap<string, number> {
    for (const [id, at] of this.raisedAtMs) if (at <= nowMs - FLOOD_WINDOW_MS) this.raisedAtMs.delete(id);
    return this.raisedAtMs;
  }
}
