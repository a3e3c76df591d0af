import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Alarm } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { useStore } from '../state';

/** Asks for an optional comment, then acknowledges; the hub's refusal is shown in its words. */
export function AcknowledgeDialog({ alarm, assetName, onClose }: { alarm: Alarm; assetName: string; onClose(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    commentRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const trimmed = comment.trim();
      const { alarm: acknowledged } = await client.request('alarm.acknowledge', { alarmId: alarm.id, ...(trimmed ? { comment: trimmed } : {}) });
      store.mergeAlarm(acknowledged);
      onClose();
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
      setSending(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="ack-title" data-testid="acknowledge-dialog" onSubmit={submit}>
        <h2 id="ack-title">{t('alarms.dialogTitle')}</h2>
        <p className="dialog__subject">
          <strong>{assetName}</strong> — {alarm.message}
        </p>
        <label className="field">
          <span>{t('alarms.comment')}</span>
          <textarea
            ref={commentRef}
            data-testid="acknowledge-comment"
            value={comment}
            maxLength={2000}
            rows={3}
            placeholder={t('alarms.commentPlaceholder')}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="acknowledge-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('alarms.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="acknowledge-confirm" disabled={sending}>
            {t('alarms.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
