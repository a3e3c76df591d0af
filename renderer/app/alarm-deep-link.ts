import { useEffect, useRef } from 'react';
import { useActiveAlarms, useShelvedAlarms, useStore, useStoreReady } from '../state';

/**
 * `#alarme/<alarmId>`: the link each on-call notification carries. Opened before login, the hash
 * survives the login screen; once the territory is loaded the alarm is selected in the list and
 * the map flies to its asset.
 */
export const ALARM_LINK_PREFIX = '#alarme/';

export function alarmIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(ALARM_LINK_PREFIX)) return undefined;
  const id = decodeURIComponent(hash.slice(ALARM_LINK_PREFIX.length)).trim();
  return id.length > 0 && id.length <= 64 ? id : undefined;
}

export type DeepLinkedAlarm = { alarmId: string; found: boolean } | undefined;

/**
 * Follows the route's deep link, once per alarm id. `found: false` once the territory is loaded
 * and the alarm is not on the list: acknowledged and cleared since, or outside the user's scope.
 */
export function useAlarmDeepLink(route: string): DeepLinkedAlarm {
  const store = useStore();
  const ready = useStoreReady();
  const active = useActiveAlarms();
  const shelved = useShelvedAlarms();
  const alarmId = alarmIdFromHash(route);
  const alarm = alarmId === undefined ? undefined : (active.find((a) => a.id === alarmId) ?? shelved.find((a) => a.id === alarmId));
  const followed = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!alarm || followed.current === alarm.id) return;
    followed.current = alarm.id;
    store.select(alarm.assetId, { fly: true });
  }, [alarm, store]);

  if (alarmId === undefined || !ready) return undefined;
  return { alarmId, found: alarm !== undefined };
}
