import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Alarm } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';

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
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    reasonRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t('alarms.shelve.reasonRequired'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const untilAt = new Date(Date.now() + hours * HOUR_MS).toISOString();
      await client.request('alarm.shelve', { alarmId: alarm.id, reason: trimmed, untilAt });
      onClose();
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
      setSending(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="shelve-title" data-testid="shelve-dialog" onSubmit={submit}>
        <h2 id="shelve-title">{t('alarms.shelve.title')}</h2>
        <p className="dialog__subject">
          <strong>{assetName}</strong> — {alarm.message}
        </p>
        <label className="field">
          <span>{t('alarms.shelve.reason')}</span>
          <textarea
            ref={reasonRef}
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
        {error && (
          <p className="form-error" role="alert" data-testid="shelve-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('alarms.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="shelve-confirm" disabled={sending}>
            {t('alarms.shelve.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
