import { publicHolidays } from '../../../shared/calendar/public-holidays';
import { parseSchoolHolidays, schoolDayOff, type SchoolHoliday } from '../../../shared/calendar/school-holidays';
import { loadSchoolHolidays } from '../schedules/holiday-table';

export { publicHolidays };

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

type HolidayRow = SchoolHoliday;

/** Reads the holiday table; lines starting with `#` are its source notes. */
export const parseHolidays = parseSchoolHolidays;

export const loadHolidays = loadSchoolHolidays;

const MORNING: [number, number] = [8.5, 11.5];
const AFTERNOON: [number, number] = [13.5, 16.5];

export function createSchoolCalendar(zone: 'B' | 'C', holidays: readonly HolidayRow[] = loadHolidays()): SchoolCalendar {
  const isSchoolDay = (date: string, weekday: number): boolean => schoolDayOff(date, weekday, zone, holidays) === undefined;
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
