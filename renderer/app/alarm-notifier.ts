import type { Alarm } from '../../shared';
import type { Locale } from '../i18n';
import type { ConsoleStore } from '../state';
import { summariseRaised } from './alarm-summary';
import type { DesktopFeatures } from './desktop';

/**
 * Native notifications for new serious alarms: through the desktop shell when there is one, else
 * the browser's notifications if the operator allowed them. Never asks for permission by itself.
 * One notice per frame's burst (see `summariseRaised`); nothing is built when no one would see it.
 */
export function notifyNewAlarms(store: ConsoleStore, desktop: DesktopFeatures | null, locale: () => Locale): () => void {
  const describe = (alarm: Alarm) => `${store.getAsset(alarm.assetId)?.name ?? alarm.assetId} (${store.communeName(alarm.commune)}) — ${alarm.message}`;
  return store.onAlarmsRaised((alarms) => {
    // Read once per burst: the operator may allow notifications while the console runs.
    const browserAllowed = !desktop && typeof Notification !== 'undefined' && Notification.permission === 'granted';
    if (!desktop && !browserAllowed) return;
    const notice = summariseRaised(alarms, locale(), describe);
    if (!notice) return;
    if (desktop) void desktop.notify(notice.title, notice.body).catch(() => undefined);
    else new Notification(notice.title, { body: notice.body, tag: notice.tag });
  });
}
