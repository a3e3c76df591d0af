import { addDays, hourOf, parisInstant, parisTime } from '../calendar/paris-time';
import type { GateHours } from '../domain/schedules';

/** Where a cemetery gate should be now by its opening hours, and when that next changes. */
export interface GateState {
  position: 'open' | 'closed';
  /** The season (or the dated exception) whose hours apply today. */
  hoursLabel: string;
  next: { atMs: number; position: 'open' | 'closed' } | undefined;
}

interface DayWindow {
  label: string;
  /** Undefined on a day closed all day. */
  openMs: number | undefined;
  closeMs: number | undefined;
}

/** A gate closed for a while (works, a storm warning) is found within a month. */
const LOOK_AHEAD_DAYS = 31;

export function resolveGate(hours: GateHours, atMs: number): GateState {
  const today = parisTime(atMs).date;
  const window = windowOn(hours, today);
  const open = window.openMs !== undefined && window.closeMs !== undefined && atMs >= window.openMs && atMs < window.closeMs;
  return { position: open ? 'open' : 'closed', hoursLabel: window.label, next: nextChange(hours, today, atMs, open) };
}

/** The opening window of local `date`: its exception if any, else its season's hours. */
export function windowOn(hours: GateHours, date: string): DayWindow {
  const season = seasonOn(hours, date);
  const exception = hours.exceptions.find((e) => e.date === date);
  if (exception?.closed) return { label: exception.label, openMs: undefined, closeMs: undefined };
  const open = exception?.open ?? season.open;
  const close = exception?.close ?? season.close;
  return { label: exception?.label ?? season.label, openMs: parisInstant(date, hourOf(open)), closeMs: parisInstant(date, hourOf(close)) };
}

/** Seasons start on a day of the year and run until the next one starts, wrapping at new year. */
function seasonOn(hours: GateHours, date: string): GateHours['seasons'][number] {
  const sorted = [...hours.seasons].sort((a, b) => a.from.localeCompare(b.from));
  const monthDay = date.slice(5);
  return sorted.filter((season) => season.from <= monthDay).pop() ?? sorted[sorted.length - 1]!;
}

function nextChange(hours: GateHours, today: string, atMs: number, open: boolean): GateState['next'] {
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const window = windowOn(hours, addDays(today, ahead));
    if (window.openMs === undefined || window.closeMs === undefined) continue;
    if (open && window.closeMs > atMs) return { atMs: window.closeMs, position: 'closed' };
    if (!open && window.openMs > atMs) return { atMs: window.openMs, position: 'open' };
  }
  return undefined;
}
