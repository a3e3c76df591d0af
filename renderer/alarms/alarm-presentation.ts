import type { Alarm, AlarmPriority } from '../../shared';
import { formatAge, formatTime, type I18n } from '../i18n';

/** Priority colours, from ISA-18.2 practice: red, orange, yellow, blue; never green for an alarm. */
export const PRIORITY_COLOUR: Record<AlarmPriority, string> = {
  critical: '#ff3b3b',
  high: '#ff8a1f',
  medium: '#f2c418',
  low: '#5aa9ff',
};

export function needsAcknowledgement(alarm: Alarm): boolean {
  return alarm.state === 'unacknowledged' || alarm.state === 'cleared-unacknowledged';
}

/** « il y a 3 min » (or « à l’instant »). */
export function alarmAge(alarm: Alarm, nowMs: number, i18n: I18n): string {
  return formatAge(alarm.raisedAt, nowMs, i18n.locale) ?? i18n.t('age.now');
}

/** « acquittée par operateur à 14:32 », or null when not acknowledged yet. */
export function acknowledgementLine(alarm: Alarm, i18n: I18n): string | null {
  if (!alarm.acknowledgedBy || !alarm.acknowledgedAt) return null;
  return i18n.t('alarms.acknowledgedBy', { user: alarm.acknowledgedBy, time: formatTime(alarm.acknowledgedAt, i18n.locale) });
}

/** Ids of the alarms raised since `sinceMs`, newest first (the list's order), at most `limit`. */
export function newestRaised(alarms: readonly Alarm[], sinceMs: number, limit: number): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const alarm of alarms) {
    if (ids.size >= limit) break;
    if (Date.parse(alarm.raisedAt) > sinceMs) ids.add(alarm.id);
  }
  return ids;
}
