/**
 * Wall-clock time in Europe/Paris, where schools, cemeteries and street lighting live: local
 * dates and hours from UTC instants and back, without a time-zone database (the EU rules:
 * summer time from the last Sunday of March to the last Sunday of October, at 01:00 UTC).
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Last Sunday of a month at 01:00 UTC, when the EU switches summer time on or off. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Offset of Europe/Paris from UTC at an instant, in ms (CET +1 h, CEST +2 h; EU rules since 1996). */
export function parisOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const summer = utcMs >= lastSundayAt1Utc(year, 2) && utcMs < lastSundayAt1Utc(year, 9);
  return summer ? 2 * HOUR_MS : HOUR_MS;
}

/** Wall-clock reading in Paris: what the school bell and the cemetery keeper go by. */
export interface LocalTime {
  /** Calendar date `YYYY-MM-DD` in Paris. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Hours since local midnight, fractional (8.5 = 08:30). */
  hour: number;
}

export function parisTime(utcMs: number): LocalTime {
  const local = new Date(utcMs + parisOffsetMs(utcMs));
  return {
    date: local.toISOString().slice(0, 10),
    weekday: local.getUTCDay(),
    hour: (local.getTime() % DAY_MS) / HOUR_MS,
  };
}

/**
 * The UTC instant of local Paris time `hour` on local `date` (`YYYY-MM-DD`). On the October
 * night the hour 02:00–03:00 happens twice: the first one (summer time) is taken. On the March
 * night it does not happen at all: a time in the gap maps to the instant the clocks jump (03:00),
 * which is when a programme set for 02:30 actually starts.
 */
export function parisInstant(date: string, hour: number): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS;
  const asSummer = naive - 2 * HOUR_MS;
  if (parisOffsetMs(asSummer) === 2 * HOUR_MS) return asSummer;
  const asWinter = naive - HOUR_MS;
  if (parisOffsetMs(asWinter) === HOUR_MS) return asWinter;
  return lastSundayAt1Utc(new Date(naive).getUTCFullYear(), 2);
}

/** The calendar date `days` after `YYYY-MM-DD` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "HH:MM" → fractional hours. */
export function hourOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`heure HH:MM attendue, reçu « ${hhmm} »`);
  return Number(match[1]) + Number(match[2]) / 60;
}

export { HOUR_MS, DAY_MS };
