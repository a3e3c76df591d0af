/**
 * CSV for a French spreadsheet, as every export of the hub writes it: `;` separators (the comma
 * is the French decimal mark), a BOM so Excel reads UTF-8, CRLF line ends (RFC 4180), fields
 * neutralised against formula injection, instants in Paris local time with their offset.
 */

/** Quotes a field when it holds a separator, a quote or a line break; neutralises formula injection. */
export function csvField(value: string): string {
  // A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection, OWASP).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole document: header line, one line per row, BOM first, CRLF after each line. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(csvField).join(';'), ...rows.map((row) => row.map(csvField).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/**
 * An instant as Paris local time with its offset, ISO 8601: `2026-11-23T09:15:00+01:00`. The
 * offset keeps the two 02:30 of the October night apart; the text sorts like the time.
 */
export function parisTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = Object.fromEntries(PARIS.formatToParts(date).map((p) => [p.type, p.value]));
  // `longOffset` reads « GMT+01:00 » (or « GMT » at offset zero, which Paris never has).
  const offset = part.timeZoneName === 'GMT' ? '+00:00' : String(part.timeZoneName).slice(3);
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}${offset}`;
}
