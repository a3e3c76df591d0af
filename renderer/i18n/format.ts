/**
 * Number, date and age formats of the console. Times are ISO 8601 in UTC on the wire and always
 * shown in Europe/Paris, whatever the workstation's time zone.
 */
export type Locale = 'fr' | 'en';

export const PARIS_TIME_ZONE = 'Europe/Paris';
/** French typography puts a no-break space between a number and its unit. */
export const UNIT_SPACE = '\u00a0';

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format;
}

/** `19.5` → « 19,5 »; `1234` → « 1 234 » (French groups thousands with a narrow no-break space). */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  return numberFormat(locale, decimals).format(value);
}

/** « 19,5 °C », « 1 234 ppm »; a unitless value stays bare. */
export function formatQuantity(value: number, decimals: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, decimals, locale);
  return unit ? `${number}${UNIT_SPACE}${unit}` : number;
}

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: PARIS_TIME_ZONE, ...options });
}

const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: dateTimeFormat('fr', { hour: '2-digit', minute: '2-digit' }),
  en: dateTimeFormat('en', { hour: '2-digit', minute: '2-digit' }),
};
const secondsFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: dateTimeFormat('fr', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  en: dateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: dateTimeFormat('fr', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  en: dateTimeFormat('en', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
};

function toDate(at: string | number | Date): Date {
  return at instanceof Date ? at : new Date(at);
}

/** « 14:32 » in Paris time. */
export function formatTime(at: string | number | Date, locale: Locale): string {
  return timeFormats[locale].format(toDate(at));
}

/** « 14:32:05 » in Paris time, for command steps where seconds matter. */
export function formatTimeSeconds(at: string | number | Date, locale: Locale): string {
  return secondsFormats[locale].format(toDate(at));
}

/** « 23/11/2025 14:32:05 » in Paris time. */
export function formatDateTime(at: string | number | Date, locale: Locale): string {
  return dateTimeFormats[locale].format(toDate(at)).replace(',', '');
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: dateTimeFormat('fr', { day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: dateTimeFormat('en', { day: '2-digit', month: '2-digit', year: 'numeric' }),
};

/** « 23/11/2025 », the day in Paris. */
export function formatDate(at: string | number | Date, locale: Locale): string {
  return dateFormats[locale].format(toDate(at));
}

/** « 14 h 32 » as French speaks a time of day; « 14:32 » in English. */
export function formatClock(at: string | number | Date, locale: Locale): string {
  const hhmm = formatTime(at, locale);
  if (locale !== 'fr') return hhmm;
  const [hours, minutes] = hhmm.split(':');
  return `${Number(hours)}${UNIT_SPACE}h${UNIT_SPACE}${minutes}`;
}

const relativeFormats: Record<Locale, Intl.RelativeTimeFormat> = {
  fr: new Intl.RelativeTimeFormat('fr-FR', { style: 'short', numeric: 'always' }),
  en: new Intl.RelativeTimeFormat('en-GB', { style: 'short', numeric: 'always' }),
};

/** Below this an age reads « à l’instant »: seconds are noise on an alarm list. */
const JUST_NOW_MS = 45_000;

/**
 * « il y a 3 min », « il y a 2 h », « il y a 4 j ». Returns null for « just now » so the caller
 * picks its own dictionary word.
 */
export function formatAge(at: string | number | Date, nowMs: number, locale: Locale): string | null {
  const ageMs = Math.max(0, nowMs - toDate(at).getTime());
  if (ageMs < JUST_NOW_MS) return null;
  const minutes = Math.round(ageMs / 60_000);
  if (minutes < 60) return relativeFormats[locale].format(-Math.max(1, minutes), 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return relativeFormats[locale].format(-hours, 'hour');
  return relativeFormats[locale].format(-Math.floor(hours / 24), 'day');
}

/**
 * Reads a decimal typed by a French or English speaker: « 19,5 » and « 19.5 » both give 19.5;
 * spaces (thousand groups) are ignored. Returns null when it is not a plain number.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}
