import { holidayOn, type SchoolHoliday, type SchoolZone } from '../calendar/school-holidays';
import { addDays, hourOf, parisInstant, parisTime } from '../calendar/paris-time';
import { WEEKDAYS, type HeatingMode, type HeatingProgramme } from '../domain/schedules';

/** The school holidays a building follows: its zone's, from the national table. */
export interface HolidayCalendar {
  zone: SchoolZone;
  holidays: readonly SchoolHoliday[];
}

/** A temporary override: this setpoint until then, after which the programme takes over again. */
export interface HeatingOverride {
  celsius: number;
  untilMs: number;
}

export interface HeatingState {
  /** `override` while a temporary override runs. */
  mode: HeatingMode | 'override';
  celsius: number;
  /** Why this mode today when it is not the weekly programme: the holiday's French name. */
  dayOff: string | undefined;
  /** The next change of setpoint (UTC ms) and what it will be; undefined if none within a fortnight. */
  next: { atMs: number; mode: HeatingMode; celsius: number } | undefined;
}

interface Change {
  hour: number;
  mode: HeatingMode;
}

/** How far back a mode can carry (a week) and forward a change is looked for (two weeks of holidays). */
const LOOK_BACK_DAYS = 8;
const LOOK_AHEAD_DAYS = 16;

/** The setpoint a building should hold at `atMs`, and when it next changes. */
export function resolveHeating(programme: HeatingProgramme, atMs: number, calendar: HolidayCalendar, override?: HeatingOverride): HeatingState {
  const now = parisTime(atMs);
  const dayOff = holidayOn(now.date, calendar.zone, calendar.holidays);
  const mode = modeAt(programme, now.date, now.hour, calendar);
  const next = nextChange(programme, now.date, now.hour, mode, calendar);
  if (override && atMs < override.untilMs) {
    // After the override the programme resumes with whatever mode it has then.
    const after = parisTime(override.untilMs);
    const resumed = modeAt(programme, after.date, after.hour, calendar);
    return { mode: 'override', celsius: override.celsius, dayOff, next: { atMs: override.untilMs, mode: resumed, celsius: programme.setpoints[resumed] } };
  }
  return { mode, celsius: programme.setpoints[mode], dayOff, next };
}

/** A day's changes: the weekly periods, or the day-off mode from midnight on holidays. */
function changesOn(programme: HeatingProgramme, date: string, calendar: HolidayCalendar): Change[] {
  if (holidayOn(date, calendar.zone, calendar.holidays)) return [{ hour: 0, mode: programme.daysOff }];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return programme.week[WEEKDAYS[(weekday + 6) % 7]!].map((period) => ({ hour: hourOf(period.from), mode: period.mode }));
}

function modeAt(programme: HeatingProgramme, date: string, hour: number, calendar: HolidayCalendar): HeatingMode {
  for (let back = 0; back <= LOOK_BACK_DAYS; back++) {
    const day = addDays(date, -back);
    const changes = changesOn(programme, day, calendar).filter((change) => back > 0 || change.hour <= hour);
    if (changes.length > 0) return changes[changes.length - 1]!.mode;
  }
  // A week without a single period: nothing to follow, protect the building.
  return programme.daysOff;
}

function nextChange(programme: HeatingProgramme, date: string, hour: number, current: HeatingMode, calendar: HolidayCalendar): HeatingState['next'] {
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const day = addDays(date, ahead);
    for (const change of changesOn(programme, day, calendar)) {
      if (ahead === 0 && change.hour <= hour) continue;
      if (change.mode !== current) return { atMs: parisInstant(day, change.hour), mode: change.mode, celsius: programme.setpoints[change.mode] };
    }
  }
  return undefined;
}
