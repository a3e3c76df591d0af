import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resourcesDir } from '../territory/communes';

/**
 * When French schools hold classes: not at weekends, not on public holidays, not during the
 * zone's school holidays (`resources/calendar/vacances-scolaires.csv`, the national calendar),
 * and on Wednesdays only in the morning (the common four-and-a-half-day week).
 */
export interface SchoolCalendar {
  isSchoolDay(date: string, weekday: number): boolean;
  /** Whether pupils are in the classroom at local `hour` (lunch break excluded). */
  inClass(date: string, weekday: number, hour: number): boolean;
}

const Row = z.object({
  zone: z.enum(['A', 'B', 'C']),
  name: z.string(),
  firstDayOff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Empty in the table when not yet fixed (the summer break of the last year): ends 1 September. */
  classesResume: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('').transform(() => undefined)]),
});
type HolidayRow = z.infer<typeof Row>;

/** Reads the holiday table; lines starting with `#` are its source notes. */
export function parseHolidays(csv: string): HolidayRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  if (header?.trim() !== 'zone,school_year,name,first_day_off,classes_resume') {
    throw new Error(`vacances-scolaires.csv : en-tête inattendu « ${header ?? ''} »`);
  }
  return rows.map((line) => {
    const [zone, , name, firstDayOff, classesResume] = line.split(',');
    return Row.parse({ zone, name, firstDayOff, classesResume });
  });
}

export function loadHolidays(): HolidayRow[] {
  const file = path.join(resourcesDir(), 'calendar', 'vacances-scolaires.csv');
  return existsSync(file) ? parseHolidays(readFileSync(file, 'utf8')) : [];
}

/** Easter Sunday (anonymous Gregorian computus), `YYYY-MM-DD`. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The eleven French public holidays (jours fériés) of a year. */
export function publicHolidays(year: number): Set<string> {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
  const e = easter(year);
  const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  return new Set([...fixed, iso(plusDays(e, 1)), iso(plusDays(e, 39)), iso(plusDays(e, 50))]);
}

const MORNING: [number, number] = [8.5, 11.5];
const AFTERNOON: [number, number] = [13.5, 16.5];

export function createSchoolCalendar(zone: 'B' | 'C', holidays: readonly HolidayRow[] = loadHolidays()): SchoolCalendar {
  const ofZone = holidays.filter((h) => h.zone === zone);
  const holidaysByYear = new Map<number, Set<string>>();
  const isPublicHoliday = (date: string): boolean => {
    const year = Number(date.slice(0, 4));
    let set = holidaysByYear.get(year);
    if (!set) holidaysByYear.set(year, (set = publicHolidays(year)));
    return set.has(date);
  };
  const inHolidays = (date: string): boolean => {
    const resumes = (h: HolidayRow) => h.classesResume ?? `${h.firstDayOff.slice(0, 4)}-09-01`;
    if (ofZone.some((h) => date >= h.firstDayOff && date < resumes(h))) return true;
    // Outside the table's years, keep at least the summer break.
    const month = date.slice(5, 7);
    return !ofZone.some((h) => date.slice(0, 4) === h.firstDayOff.slice(0, 4)) && (month === '07' || month === '08');
  };
  const isSchoolDay = (date: string, weekday: number): boolean =>
    weekday !== 0 && weekday !== 6 && !isPublicHoliday(date) && !inHolidays(date);
  return {
    isSchoolDay,
    inClass(date, weekday, hour) {
      if (!isSchoolDay(date, weekday)) return false;
      const inMorning = hour >= MORNING[0] && hour < MORNING[1];
      if (weekday === 3) return inMorning; // Wednesday afternoon: no class
      return inMorning || (hour >= AFTERNOON[0] && hour < AFTERNOON[1]);
    },
  };
}
