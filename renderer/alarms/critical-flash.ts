import type { Alarm } from '../../shared';
import { useNow } from '../i18n';
import { useActiveAlarms } from '../state';

/** How long a new critical alarm flashes the header's counter (its row flashes as long). */
export const CRITICAL_FLASH_MS = 60_000;

/**
 * Whether a critical alarm raised in the last minute still waits for acknowledgement. The list
 * is newest first, so the scan stops at the first alarm older than the window.
 */
export function hasNewCritical(alarms: readonly Alarm[], nowMs: number): boolean {
  const since = nowMs - CRITICAL_FLASH_MS;
  for (const alarm of alarms) {
    if (Date.parse(alarm.raisedAt) <= since) return false;
    if (alarm.priority === 'critical' && alarm.state === 'unacknowledged') return true;
  }
  return false;
}

export function useNewCritical(): boolean {
  const alarms = useActiveAlarms();
  const nowMs = useNow(5_000);
  return hasNewCritical(alarms, Math.max(nowMs, Date.now()));
}
