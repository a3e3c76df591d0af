import type { Alarm } from '../../shared';

/** At most one flight per this long: a flood must not keep the map jumping. */
export const FOLLOW_INTERVAL_MS = 8_000;
/** City level: the streets around the asset, not one building. */
export const FOLLOW_ZOOM = 14;

/** Only what an operator must look at now. */
export function worthFollowing(alarm: Alarm): boolean {
  return (alarm.priority === 'critical' || alarm.priority === 'high') && alarm.state === 'unacknowledged';
}

/**
 * « La carte suit les alarmes »: throttles flights. The first serious alarm flies at once; those
 * that come within the interval after it are held and only the latest of them (the most severe
 * first: a critical one outranks a later high one) is flown to when the interval ends.
 */
export class AlarmFollower {
  private lastFlightMs = Number.NEGATIVE_INFINITY;
  private held: Alarm | null = null;

  /** New alarms in one frame: the alarm to fly to now, or null (nothing serious, or held). */
  offer(alarms: readonly Alarm[], nowMs: number): Alarm | null {
    for (const alarm of alarms) {
      if (!worthFollowing(alarm)) continue;
      if (!this.held || alarm.priority === 'critical' || this.held.priority !== 'critical') this.held = alarm;
    }
    return this.due(nowMs);
  }

  /** The held alarm once the interval passed (called by a timer), else null. */
  due(nowMs: number): Alarm | null {
    if (!this.held || nowMs - this.lastFlightMs < FOLLOW_INTERVAL_MS) return null;
    const target = this.held;
    this.held = null;
    this.lastFlightMs = nowMs;
    return target;
  }

  /** When the held alarm may fly, or null when none is held. */
  nextDueMs(): number | null {
    return this.held ? this.lastFlightMs + FOLLOW_INTERVAL_MS : null;
  }

  reset(): void {
    this.held = null;
  }
}
