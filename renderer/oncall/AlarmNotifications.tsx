import { useEffect, useState } from 'react';
import type { AlarmNotification } from '../../shared';
import { useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';

/**
 * What escalation sent about an alarm (`alarm.notifications`): who, at which level, through which
 * channel, when, and how it went. Part of the alarm's history; nothing when nobody was told.
 */
export function AlarmNotifications({ alarmId }: { alarmId: string }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const [notifications, setNotifications] = useState<AlarmNotification[]>([]);

  useEffect(() => {
    let live = true;
    client
      .request('alarm.notifications', { alarmId })
      .then((reply) => live && setNotifications(reply.notifications))
      // The history is a help, not the dialog's purpose: a refusal leaves it out.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, alarmId]);

  if (notifications.length === 0) return null;
  return (
    <section className="alarm-notifications" data-testid="alarm-notifications">
      <h4>{t('oncall.history.title')}</h4>
      <ol>
        {notifications.map((n) => (
          <li key={n.id} data-testid="alarm-notification" data-outcome={n.outcome}>
            {t('oncall.history.line', {
              time: formatDateTime(n.at, locale),
              level: n.level,
              user: n.username ?? '—',
              channel: n.channel,
              outcome: t(`oncall.outcome.${n.outcome}`),
            })}
            {n.detail && <span className="muted"> ({n.detail})</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
