import { useState } from 'react';
import type { Alarm } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { PRIORITY_COLOUR } from './alarm-presentation';

export interface ShelvedListProps {
  alarms: readonly Alarm[];
  canUnshelve: boolean;
  assetName(assetId: string): string;
  communeName(code: string): string;
}

/** The alarms set aside: who did it, until when, why; « Réintégrer » puts one back on the list. */
export function ShelvedList({ alarms, canUnshelve, assetName, communeName }: ShelvedListProps) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<{ alarmId: string; message: string } | null>(null);

  const unshelve = async (alarmId: string) => {
    setPendingId(alarmId);
    setError(null);
    try {
      await client.request('alarm.unshelve', { alarmId });
    } catch (caught) {
      setError({ alarmId, message: caught instanceof HubRequestError ? caught.message : String(caught) });
    } finally {
      setPendingId(null);
    }
  };

  if (alarms.length === 0) return <p className="alarm-list__empty">{t('alarms.shelved.empty')}</p>;
  return (
    <ol className="alarm-list__rows" data-testid="shelved-list">
      {alarms.map((alarm) => (
        <li
          key={alarm.id}
          className="alarm-row alarm-row--shelved"
          style={{ ['--priority' as string]: PRIORITY_COLOUR[alarm.priority] }}
          data-testid="shelved-row"
          data-alarm-id={alarm.id}
        >
          <div className="alarm-row__main">
            <span className="priority-badge">{t(`priority.${alarm.priority}`)}</span>
            <span className="alarm-row__message">{alarm.message}</span>
            <span className="alarm-row__where">
              <span className="alarm-row__asset">{assetName(alarm.assetId)}</span>
              <span className="alarm-row__commune">{communeName(alarm.commune)}</span>
            </span>
            <span className="alarm-row__state" data-testid="shelved-by">
              {t('alarms.shelved.byUntil', {
                user: alarm.shelvedBy ?? '?',
                until: alarm.shelvedUntil ? formatDateTime(alarm.shelvedUntil, locale) : '?',
              })}
            </span>
            <span className="alarm-row__comment" data-testid="shelved-reason">
              {t('alarms.shelved.reason', { reason: alarm.shelveReason ?? '' })}
            </span>
            {error?.alarmId === alarm.id && (
              <span className="form-error" role="alert" data-testid="unshelve-error">
                {error.message}
              </span>
            )}
          </div>
          {canUnshelve && (
            <button
              type="button"
              className="button button--small alarm-row__ack"
              data-testid="alarm-unshelve"
              disabled={pendingId === alarm.id}
              onClick={() => void unshelve(alarm.id)}
            >
              {t('alarms.shelved.unshelve')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
