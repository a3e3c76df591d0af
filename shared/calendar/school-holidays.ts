import { z } from 'zod';
import { publicHolidayOn } from './public-holidays';

/**
 * The national school holiday calendar (`vacances-scolaires.csv`, zones A/B/C) and which zone a
 * commune follows, from its département (the first two characters of its INSEE code).
 */
export const SchoolZone = z.enum(['A', 'B', 'C']);
export type SchoolZone = z.infer<typeof SchoolZone>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Row = z.object({
  zone: SchoolZone,
  name: z.string(),
  firstDayOff: IsoDate,
  /** Empty in the table when not yet fixed (the summer break of the last year): ends 1 September. */
  classesResume: z.union([IsoDate, z.literal('').transform(() => undefined)]),
});
export type SchoolHoliday = z.infer<typeof Row>;

const HEADER = 'zone,school_year,name,first_day_off,classes_resume';

/** Reads the holiday table; lines starting with `#` are its source notes. */
export function parseSchoolHolidays(csv: string): SchoolHoliday[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  if (header?.trim() !== HEADER) throw new Error(`vacances-scolaires.csv : en-tête inattendu « ${header ?? ''} »`);
  return rows.map((line, index) => {
    const [zone, , name, firstDayOff, classesResume] = line.split(',');
    const parsed = Row.safeParse({ zone, name, firstDayOff, classesResume });
    if (!parsed.success) throw new Error(`vacances-scolaires.csv, ligne de données ${index + 1} : « ${line} » illisible`);
    return parsed.data;
  });
}

/** Zones of the départements of our territories (arrêté fixing the zones, 2015 onwards). */
const ZONE_OF_DEPARTEMENT: Record<string, SchoolZone> = {
  '29': 'B', // Finistère (académie de Rennes)
  '35': 'B', // Ille-et-Vilaine
  '22': 'B',
  '56': 'B',
  '91': 'C', // Essonne (académie de Versailles)
  '78': 'C',
  '92': 'C',
  '95': 'C',
  '75': 'C',
  '77': 'C',
  '93': 'C',
  '94': 'C',
};

export function schoolZoneOf(insee: string): SchoolZone | undefined {
  return ZONE_OF_DEPARTEMENT[insee.slice(0, 2)];
}

/** The holiday a local date falls in for a zone, if any (from the first day off to the eve of classes). */
export function schoolHolidayOn(date: string, zone: SchoolZone, holidays: readonly SchoolHoliday[]): SchoolHoliday | undefined {
  const resumes = (h: SchoolHoliday) => h.classesResume ?? `${h.firstDayOff.slice(0, 4)}-09-01`;
  return holidays.find((h) => h.zone === zone && date >= h.firstDayOff && date < resumes(h));
}

/** Whether the table covers a date's year for a zone (outside it, only the summer break is known). */
export function coversYear(date: string, zone: SchoolZone, holidays: readonly SchoolHoliday[]): boolean {
  return holidays.some((h) => h.zone === zone && date.slice(0, 4) === h.firstDayOff.slice(0, 4));
}

/**
 * The holiday a school of `zone` is closed for on a local date, in French: a public holiday or a
 * school holiday (outside the table's years, at least the summer break). Weekends are not holidays.
 */
export function holidayOn(date: string, zone: SchoolZone, holidays: readonly SchoolHoliday[]): string | undefined {
  const publicHoliday = publicHolidayOn(date);
  if (publicHoliday) return publicHoliday;
  const holiday = schoolHolidayOn(date, zone, holidays);
  if (holiday) return holiday.name;
  const month = date.slice(5, 7);
  if (!coversYear(date, zone, holidays) && (month === '07' || month === '08')) return 'Vacances d’été';
  return undefined;
}

/** Why a school is closed on a local date, in French, or undefined on a school day. */
export function schoolDayOff(date: string, weekday: number, zone: SchoolZone, holidays: readonly SchoolHoliday[]): string | undefined {
  return holidayOn(date, zone, holidays) ?? (weekday === 0 || weekday === 6 ? 'Week-end' : undefined);
}
