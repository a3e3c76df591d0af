import { z } from 'zod';
import { AssetKind, InseeCode } from './assets';

/**
 * On-call rosters (astreintes): who answers for which communes and kinds of asset, level by level
 * (level 1 is called first, level 2 when level 1 did not acknowledge in time), by a weekly
 * rotation with dated exceptions. Pure: the hub and the console compute the same answer.
 */

const Username = z.string().min(1).max(64);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue (AAAA-MM-JJ)');
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure attendue (HH:MM)');
const IsoInstant = z.iso.datetime({ offset: true });

/** Handing over from one week's person to the next, in local time (e.g. Monday 08:00 Europe/Paris). */
export const OnCallRotation = z.object({
  /** Who takes the week in turn; `users[0]` holds the week that starts on `startsOn`. */
  users: z.array(Username).min(1).max(52),
  /** ISO weekday of the handover: 1 = Monday … 7 = Sunday. */
  handoverDay: z.number().int().min(1).max(7),
  handoverTime: LocalTime,
  timeZone: z.string().min(1).max(64).default('Europe/Paris'),
  /** A local date in the first week of the rotation (the handover on or before it starts it). */
  startsOn: LocalDate,
});
export type OnCallRotation = z.infer<typeof OnCallRotation>;

/**
 * A dated override of the rotation: `cover` puts `username` on call for the period (a public
 * holiday covered by someone else); `swap` exchanges two people's turns for the period.
 */
export const OnCallException = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cover'), fromAt: IsoInstant, toAt: IsoInstant, username: Username, reason: z.string().max(200).default('') }),
  z.object({ type: z.literal('swap'), fromAt: IsoInstant, toAt: IsoInstant, a: Username, b: Username, reason: z.string().max(200).default('') }),
]);
export type OnCallException = z.infer<typeof OnCallException>;

export const OnCallLevel = z.object({
  level: z.number().int().min(1).max(2),
  rotation: OnCallRotation,
  exceptions: z.array(OnCallException).max(200).default([]),
});
export type OnCallLevel = z.infer<typeof OnCallLevel>;

export const OnCallRoster = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'nom obligatoire').max(120),
  /** INSEE codes covered; empty = every commune of the territory. */
  communes: z.array(InseeCode).max(1000),
  /** Kinds of asset covered; empty = every kind. */
  kinds: z.array(AssetKind).max(AssetKind.options.length),
  levels: z.array(OnCallLevel).min(1).max(2),
});
export type OnCallRoster = z.infer<typeof OnCallRoster>;

/** Whom a roster puts on call at one level, now. */
export interface OnCallShift {
  rosterId: string;
  rosterName: string;
  level: number;
  username: string;
}

/** Whether a roster answers for this asset's commune and kind. */
export function rosterCovers(roster: OnCallRoster, commune: string, kind?: string): boolean {
  const communeOk = roster.communes.length === 0 || roster.communes.includes(commune);
  const kindOk = kind === undefined || roster.kinds.length === 0 || (roster.kinds as string[]).includes(kind);
  return communeOk && kindOk;
}

/** Everyone on call under this roster at `instantMs`, level 1 first. */
export function whoIsOnCall(roster: OnCallRoster, instantMs: number): OnCallShift[] {
  return [...roster.levels]
    .sort((x, y) => x.level - y.level)
    .map((level) => ({ rosterId: roster.id, rosterName: roster.name, level: level.level, username: onCallAtLevel(level, instantMs) }));
}

/**
 * The person on call at one level. Exceptions override the rotation: swaps apply first, then
 * covers (a holiday cover names who is on call, whatever the swaps said); among overlapping
 * covers, the one listed last wins.
 */
export function onCallAtLevel(level: OnCallLevel, instantMs: number): string {
  let username = rotationAt(level.rotation, instantMs);
  const current = level.exceptions.filter((e) => Date.parse(e.fromAt) <= instantMs && instantMs < Date.parse(e.toAt));
  for (const swap of current) {
    if (swap.type !== 'swap') continue;
    if (username === swap.a) username = swap.b;
    else if (username === swap.b) username = swap.a;
  }
  for (const cover of current) if (cover.type === 'cover') username = cover.username;
  return username;
}

const DAY_MS = 86_400_000;

/** Whose week it is: weeks are counted between local handover dates, so DST never shifts them. */
export function rotationAt(rotation: OnCallRotation, instantMs: number): string {
  const start = lastHandoverAt(rotation, instantMs);
  const anchor = handoverDayOnOrBefore(parseLocalDate(rotation.startsOn), rotation.handoverDay);
  const weeks = Math.floor((start.localDay - anchor) / 7);
  const n = rotation.users.length;
  return rotation.users[((weeks % n) + n) % n]!;
}

/** The instant of the last handover at or before `instantMs`, and its local date (days since 1970). */
export function lastHandoverAt(rotation: OnCallRotation, instantMs: number): { atMs: number; localDay: number } {
  const today = localDayOf(instantMs, rotation.timeZone);
  let day = handoverDayOnOrBefore(today, rotation.handoverDay);
  let atMs = zonedInstant(day, rotation.handoverTime, rotation.timeZone);
  if (atMs > instantMs) {
    day -= 7;
    atMs = zonedInstant(day, rotation.handoverTime, rotation.timeZone);
  }
  return { atMs, localDay: day };
}

/** The next handover strictly after `instantMs`. */
export function nextHandoverAt(rotation: OnCallRotation, instantMs: number): number {
  const { localDay } = lastHandoverAt(rotation, instantMs);
  return zonedInstant(localDay + 7, rotation.handoverTime, rotation.timeZone);
}

function parseLocalDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** ISO weekday (1 = Monday) of a day counted since 1970-01-01 (a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function handoverDayOnOrBefore(day: number, weekday: number): number {
  return day - ((isoWeekday(day) - weekday + 7) % 7);
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a time zone. */
function wallClock(instantMs: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partsFormats.set(timeZone, format);
  }
  const get = (type: string) => Number(format.formatToParts(instantMs).find((p) => p.type === type)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

function localDayOf(instantMs: number, timeZone: string): number {
  const { y, mo, d } = wallClock(instantMs, timeZone);
  return Math.floor(Date.UTC(y, mo - 1, d) / DAY_MS);
}

/** The zone's offset (local minus UTC) at an instant. */
function offsetMs(instantMs: number, timeZone: string): number {
  const { y, mo, d, h, mi } = wallClock(instantMs, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instantMs / 60_000) * 60_000;
}

/** The instant a local date and time names in a zone (a time skipped by DST lands just after it). */
function zonedInstant(day: number, time: string, timeZone: string): number {
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = day * DAY_MS + h * 3_600_000 + mi * 60_000;
  const first = asUtc - offsetMs(asUtc, timeZone);
  return asUtc - offsetMs(first, timeZone);
}

/** How to reach a user when they are on call; each channel uses what it needs. */
export const UserContact = z.object({
  username: Username,
  email: z.email('adresse e-mail invalide').max(254).optional(),
  /** International format, e.g. +33612345678 (for an SMS gateway). */
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'téléphone au format international (+33…)').optional(),
});
export type UserContact = z.infer<typeof UserContact>;

/**
 * One message escalation tried about an alarm: `sent` when the channel accepted it, `failed` with
 * the reason, `no-contact` when the person has no address for the channel, `no-one` when no
 * roster covers the alarm at that level.
 */
export const AlarmNotification = z.object({
  id: z.string(),
  alarmId: z.string(),
  commune: z.string(),
  level: z.number().int(),
  username: z.string().optional(),
  channel: z.string(),
  recipient: z.string().optional(),
  at: z.string(),
  outcome: z.enum(['sent', 'failed', 'no-contact', 'no-one']),
  detail: z.string().optional(),
});
export type AlarmNotification = z.infer<typeof AlarmNotification>;

/** The instant a local date (AAAA-MM-JJ) and time (HH:MM) name in a zone: what a form's fields mean. */
export function instantOfLocal(date: string, time: string, timeZone = 'Europe/Paris'): number {
  return zonedInstant(parseLocalDate(date), time, timeZone);
}
