import type { Alarm } from '../../shared';
import { translate, type Locale } from '../i18n';
import type { ConsoleStore } from '../state';
import type { DesktopFeatures } from './desktop';

/** Only what must pull an operator's eyes from another window: critical and high priorities. */
const NOTIFIED = new Set<Alarm['priority']>(['critical', 'high']);

/**
 * Native notifications for new serious alarms: through the desktop shell when there is one, else
 * the browser's notifications if the operator allowed them. Never asks for permission by itself.
 */
export function notifyNewAlarms(store: ConsoleStore, desktop: DesktopFeatures | null, locale: () => Locale): () => void {
  return store.onAlarmsRaised((alarms) => {
    for (const alarm of alarms) {
      if (!NOTIFIED.has(alarm.priority)) continue;
      const title = `${translate(locale(), 'notify.title')} ${translate(locale(), `priority.${alarm.priority}`)}`;
      const body = `${store.getAsset(alarm.assetId)?.name ?? alarm.assetId} (${store.communeName(alarm.commune)}) — ${alarm.message}`;
      if (desktop) void desktop.notify(title, body).catch(() => undefined);
      else if (typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification(title, { body, tag: alarm.id });
    }
  });
}
