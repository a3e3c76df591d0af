import type { Alarm, AlarmPriority } from '../../../shared/domain/alarms';

/**
 * How long an alarm may wait unacknowledged before the person on call is told, per priority
 * (minutes; `null` = never escalated), and how much longer before the next level is.
 */
export interface EscalationPolicy {
  delaysMin: Record<AlarmPriority, number | null>;
  nextLevelMin: number;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  delaysMin: { critical: 5, high: 15, medium: 60, low: null },
  nextLevelMin: 15,
};

/** Levels a roster has: level 1 first, then level 2. */
export const MAX_ESCALATION_LEVEL = 2;

/** Where an alarm's escalation stands: the last level told, and when. */
export interface EscalationProgress {
  level: number;
  atMs: number;
}

/**
 * The level to notify now, if any. Only an alarm still `unacknowledged` escalates: acknowledging
 * stops it, a shelved alarm is set aside, and one whose condition cleared before anyone looked
 * (`cleared-unacknowledged`) waits for the command post rather than waking someone up.
 * Level 1 is due its priority's delay after the alarm was raised; each next level
 * `nextLevelMin` after the previous one was told.
 */
export function dueLevel(alarm: Alarm, progress: EscalationProgress | undefined, policy: EscalationPolicy, nowMs: number): number | undefined {
  if (alarm.state !== 'unacknowledged') return undefined;
  const delayMin = policy.delaysMin[alarm.priority];
  if (delayMin === null) return undefined;
  if (!progress) return nowMs >= Date.parse(alarm.raisedAt) + delayMin * 60_000 ? 1 : undefined;
  if (progress.level >= MAX_ESCALATION_LEVEL) return undefined;
  return nowMs >= progress.atMs + policy.nextLevelMin * 60_000 ? progress.level + 1 : undefined;
}

/**
 * Reads `critical=5,high=15,medium=60,low=off` (`BEFFROI_ESCALATION_DELAYS_MIN`); priorities left
 * out keep their default. Throws with a French message on anything else.
 */
export function parseEscalationDelays(text: string | undefined): EscalationPolicy['delaysMin'] {
  const delays = { ...DEFAULT_ESCALATION_POLICY.delaysMin };
  if (!text) return delays;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [priority, value] = part.split('=').map((s) => s.trim());
    if (!priority || !(priority in delays) || value === undefined) {
      throw new Error(`« ${part} » : attendu priorité=minutes (critical, high, medium, low), ou priorité=off`);
    }
    const minutes = Number(value);
    if (value !== 'off' && !(Number.isFinite(minutes) && minutes >= 0)) throw new Error(`« ${part} » : nombre de minutes ou off attendu`);
    delays[priority as AlarmPriority] = value === 'off' ? null : minutes;
  }
  return delays;
}
