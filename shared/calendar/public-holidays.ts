/**
 * The eleven French public holidays (jours fériés, Code du travail L3133-1), three of them moving
 * with Easter. Alsace-Moselle's two extra days are not in our territories.
 */

/** Easter Sunday (anonymous Gregorian computus) as a UTC midnight. */
export function easterSunday(year: number): Date {
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

const DAY_MS = 86_400_000;
const FIXED: readonly [string, string][] = [
  ['01-01', 'Jour de l’an'],
  ['05-01', 'Fête du Travail'],
  ['05-08', 'Victoire 1945'],
  ['07-14', 'Fête nationale'],
  ['08-15', 'Assomption'],
  ['11-01', 'Toussaint'],
  ['11-11', 'Armistice 1918'],
  ['12-25', 'Noël'],
];
const AFTER_EASTER: readonly [number, string][] = [
  [1, 'Lundi de Pâques'],
  [39, 'Ascension'],
  [50, 'Lundi de Pentecôte'],
];

/** The public holidays of a year: `YYYY-MM-DD` → French name. */
export function publicHolidayNames(year: number): Map<string, string> {
  const easter = easterSunday(year).getTime();
  const days = new Map<string, string>(FIXED.map(([monthDay, name]) => [`${year}-${monthDay}`, name]));
  for (const [offset, name] of AFTER_EASTER) days.set(new Date(easter + offset * DAY_MS).toISOString().slice(0, 10), name);
  return days;
}

export function publicHolidays(year: number): Set<string> {
  return new Set(publicHolidayNames(year).keys());
}

const byYear = new Map<number, Map<string, string>>();

/** The holiday's French name when local date `YYYY-MM-DD` is a public holiday. */
export function publicHolidayOn(date: string): string | undefined {
  const year = Number(date.slice(0, 4));
  let names = byYear.get(year);
  if (!names) byYear.set(year, (names = publicHolidayNames(year)));
  return names.get(date);
}
