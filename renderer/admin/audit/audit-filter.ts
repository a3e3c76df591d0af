import { PARIS_TIME_ZONE } from '../../i18n';

/**
 * The actions the hub writes to the audit trail (electron/hub: handlers, sessions, admin CLI), for
 * the action filter. An action missing here is still listed, only not offered as a choice.
 */
export const KNOWN_AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'logout',
  'user.create',
  'user.update',
  'user.revoke-sessions',
  'user.reset-password',
  'user.disable',
  'user.enable',
  'command.send',
  'command.forbidden',
  'alarm.acknowledge',
  'alarm.acknowledge-many',
  'alarm.comment',
  'alarm.shelve',
  'alarm.unshelve',
  'maintenance.create',
  'maintenance.delete',
  'device.declare',
  'audit.export',
] as const;

/**
 * The filter as the admin fills it in: days typed the French way (« 23/11/2026 »), Paris days.
 * Text rather than `<input type="date">`, whose display follows the browser's own language (a
 * US-English Chromium shows 11/23/2026 whatever the page's language).
 */
export interface AuditFilterForm {
  actor: string;
  action: string;
  fromDay: string;
  toDay: string;
}

/** What `audit.list` and `audit.export` take: instants, `to` excluded. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterForm = { actor: '', action: '', fromDay: '', toDay: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** « 23/11/2026 » (or 23.11.2026, 3/1/2026) → `2026-11-23`; null when it is not a real day. */
export function parseFrenchDay(text: string): string | null {
  const match = FRENCH_DAY.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2026-11-23` → « 23/11/2026 ». */
export function frenchDay(isoDay: string): string {
  const match = DAY.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Paris is ahead of UTC at `instantMs` (60 or 120 minutes), in ms. */
function parisOffsetMs(instantMs: number): number {
  const parts = Object.fromEntries(parisParts.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant a Paris day starts (`2026-07-14` → 2026-07-13T22:00:00.000Z), or null if not a day. */
export function parisDayStart(day: string, addDays = 0): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(midnightUtc)) return null;
  // The offset at the guess, then at the corrected instant: right on both sides of a DST change.
  const first = midnightUtc - parisOffsetMs(midnightUtc);
  return new Date(midnightUtc - parisOffsetMs(first)).toISOString();
}

/** The day `instant` falls on in Paris, as `2026-11-23`. */
export function parisDay(instant: Date): string {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A typed day that does not read, by field, so the bar can say which. */
export type AuditFilterProblem = { field: 'fromDay' | 'toDay'; text: string } | { field: 'range' };

/**
 * The request fields of a filter: empty fields left out, the day range from the first day's
 * midnight to the midnight after the last (Paris time), so « du 23 au 23 » is that whole day.
 * A day that does not read, or a range that reads backwards, is a problem instead.
 */
export function auditFilter(form: AuditFilterForm): { filter: AuditFilter } | { problem: AuditFilterProblem } {
  const filter: AuditFilter = {};
  const actor = form.actor.trim();
  if (actor) filter.actor = actor;
  if (form.action) filter.action = form.action;
  const days: Partial<Record<'fromDay' | 'toDay', string>> = {};
  for (const field of ['fromDay', 'toDay'] as const) {
    const text = form[field].trim();
    if (!text) continue;
    const day = parseFrenchDay(text);
    if (!day) return { problem: { field, text } };
    days[field] = day;
  }
  if (days.fromDay && days.toDay && days.toDay < days.fromDay) return { problem: { field: 'range' } };
  const from = days.fromDay ? parisDayStart(days.fromDay) : null;
  const to = days.toDay ? parisDayStart(days.toDay, 1) : null;
  if (from) filter.from = from;
  if (to) filter.to = to;
  return { filter };
}

/** `beffroi-audit-2026-11-23.csv`: the day of the export, in Paris. */
export function auditExportFileName(now: Date): string {
  return `beffroi-audit-${parisDay(now)}.csv`;
}

/** An entry's details as « key : value » lines a person reads (nested values as compact JSON). */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([key, value]) => {
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return `${key} : ${value.join(', ') || '—'}`;
    if (typeof value === 'object' && value !== null) return `${key} : ${JSON.stringify(value)}`;
    return `${key} : ${String(value)}`;
  });
}
