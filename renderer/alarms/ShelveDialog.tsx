import { useState } from 'react';
import type { Alarm } from '../../shared';
import { useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { AlarmDialog } from './AlarmDialog';

/** The durations an operator picks from; the hub refuses past its own limit (24 h by default). */
export const SHELVE_HOURS = [1, 4, 8, 24] as const;
const HOUR_MS = 3_600_000;

/**
 * Sets an alarm aside for a while, with a mandatory reason (EEMUA 191: nobody silences an alarm
 * without saying why). The expiry is computed here; the hub checks it against its limit.
 */
export function ShelveDialog({ alarm, assetName, onClose }: { alarm: Alarm; assetName: string; onClose(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState<number>(SHELVE_HOURS[0]);

  return (
    <AlarmDialog
      alarm={alarm}
      assetName={assetName}
      name="shelve"
      title={t('alarms.shelve.title')}
      confirmLabel={t('alarms.shelve.confirm')}
      onClose={onClose}
      check={() => (reason.trim() ? undefined : t('alarms.shelve.reasonRequired'))}
      send={async () => {
        const untilAt = new Date(Date.now() + hours * HOUR_MS).toISOString();
        await client.request('alarm.shelve', { alarmId: alarm.id, reason: reason.trim(), untilAt });
      }}
    >
      <label className="field">
        <span>{t('alarms.shelve.reason')}</span>
        <textarea
          data-testid="shelve-reason"
          value={reason}
          maxLength={500}
          rows={3}
          aria-required="true"
          placeholder={t('alarms.shelve.reasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <fieldset className="shelve-durations">
        <legend>{t('alarms.shelve.duration')}</legend>
        {SHELVE_HOURS.map((h) => (
          <label key={h} className="shelve-durations__choice">
            <input type="radio" name="shelve-hours" value={h} checked={hours === h} onChange={() => setHours(h)} />
            {t('alarms.shelve.hours', { count: h })}
          </label>
        ))}
      </fieldset>
    </AlarmDialog>
  );
}
