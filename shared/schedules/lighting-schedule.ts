import { addDays, hourOf, parisInstant, parisTime } from '../calendar/paris-time';
import { sunTimesOn } from '../calendar/sun';
import type { LightingException, LightingSchedule } from '../domain/schedules';

/**
 * A cabinet's night from its schedule: switch-on after sunset and switch-off around sunrise at
 * the cabinet's own place, dimming steps and a cut-off window by wall-clock time in between,
 * dated exceptions for the night starting that evening.
 */
export interface LightingState {
  /** Level the lamps should be at: 0 when off (day, cut-off, night off). */
  percent: number;
  /** What sets the level, for the console: day, dusk, a dimming step, the cut-off, an exception. */
  reason: 'day' | 'dusk' | 'dimming' | 'cut-off' | 'exception';
  /** The exception's label when one applies tonight. */
  exception: string | undefined;
  /** The next change of level (UTC ms) and the level then. */
  next: { atMs: number; percent: number } | undefined;
}

/** One night as instants: the levels it goes through, in order, from switch-on to switch-off. */
export interface Night {
  /** Local date of the evening the night starts. */
  date: string;
  onMs: number;
  offMs: number;
  /** Level changes inside the night, in time order, the first at `onMs`. */
  steps: { atMs: number; percent: number; reason: LightingState['reason'] }[];
  exception: LightingException | undefined;
}

/** Wall times from noon on belong to the evening; earlier ones to the next morning. */
const EVENING_FROM_HOUR = 12;

export function resolveLighting(schedule: LightingSchedule, atMs: number, lon: number, lat: number): LightingState {
  const today = parisTime(atMs).date;
  const nights = [addDays(today, -1), today, addDays(today, 1)].map((date) => nightOf(schedule, date, lon, lat));
  const current = nights.find((night) => atMs >= night.onMs && atMs < night.offMs);
  const levels = nights.flatMap((night) => [...night.steps, { atMs: night.offMs, percent: 0, reason: 'day' as const }]);
  const before = levels.filter((level) => level.atMs <= atMs);
  const now = current ? before[before.length - 1]! : { percent: 0, reason: 'day' as const };
  const next = levels.find((level) => level.atMs > atMs && level.percent !== now.percent);
  return {
    percent: now.percent,
    reason: now.reason,
    exception: current?.exception?.label,
    next: next && { atMs: next.atMs, percent: next.percent },
  };
}

/** The night starting on the evening of local `date`. */
export function nightOf(schedule: LightingSchedule, date: string, lon: number, lat: number): Night {
  const tomorrow = addDays(date, 1);
  const sunset = sunTimesOn(date, lon, lat).sunsetMs;
  const sunrise = sunTimesOn(tomorrow, lon, lat).sunriseMs;
  // France never has polar days; fall back to 18:00–08:00 rather than fail a whole territory.
  const onMs = (sunset ?? parisInstant(date, 18)) + schedule.switchOnAfterSunsetMin * 60_000;
  const offMs = (sunrise ?? parisInstant(tomorrow, 8)) + schedule.switchOffAfterSunriseMin * 60_000;
  const exception = schedule.exceptions.find((e) => e.date === date);
  const instant = (wall: string) => {
    const hour = hourOf(wall);
    return parisInstant(hour >= EVENING_FROM_HOUR ? date : tomorrow, hour);
  };

  if (exception?.mode === 'off') return { date, onMs, offMs, steps: [{ atMs: onMs, percent: 0, reason: 'exception' }], exception };
  if (exception?.mode === 'all-night') return { date, onMs, offMs, steps: [{ atMs: onMs, percent: 100, reason: 'exception' }], exception };

  const dimming = schedule.dimming
    .map((step) => ({ atMs: instant(step.from), percent: step.percent, reason: 'dimming' as const }))
    .sort((a, b) => a.atMs - b.atMs);
  // A step due before switch-on (23:00 on a late June evening when the sun sets at 22:10 is
  // not, but 22:00 is) sets the level the lamps come on at.
  const early = dimming.filter((step) => step.atMs <= onMs).pop();
  const first = early ? { ...early, atMs: onMs } : { atMs: onMs, percent: schedule.duskPercent, reason: 'dusk' as const };
  const inNight = [first, ...dimming.filter((step) => step.atMs > onMs && step.atMs < offMs)];

  if (schedule.cutOff && exception?.mode !== 'no-cut-off') return withCutOff(inNight, instant(schedule.cutOff.from), instant(schedule.cutOff.to), onMs, offMs, exception, date);
  return { date, onMs, offMs, steps: inNight, exception };
}

/** Lamps off between the cut-off's bounds (clipped to the night), back at the level due then. */
function withCutOff(steps: Night['steps'], fromMs: number, toMs: number, onMs: number, offMs: number, exception: LightingException | undefined, date: string): Night {
  const start = Math.max(fromMs, onMs);
  const end = Math.min(toMs, offMs);
  if (start >= end) return { date, onMs, offMs, steps, exception };
  const levelAt = (ms: number) => steps.filter((step) => step.atMs <= ms).pop();
  const resumed = levelAt(end);
  const kept = steps.filter((step) => step.atMs < start || step.atMs > end);
  kept.push({ atMs: start, percent: 0, reason: 'cut-off' });
  if (end < offMs && resumed && !kept.some((step) => step.atMs === end)) kept.push({ ...resumed, atMs: end });
  kept.sort((a, b) => a.atMs - b.atMs);
  return { date, onMs, offMs, steps: kept, exception };
}

