import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Alarm } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';

/** Adds a comment to an alarm (`alarm.comment`); the history so far is shown above the field. */
export function CommentDialog({ alarm, assetName, onClose }: { alarm: Alarm; assetName: string; onClose(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textRef.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) {
      setError(t('alarms.comments.empty'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await client.request('alarm.comment', { alarmId: alarm.id, comment: trimmed });
      onClose();
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
      setSending(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="comment-title" data-testid="comment-dialog" onSubmit={submit}>
        <h2 id="comment-title">{t('alarms.comments.title')}</h2>
        <p className="dialog__subject">
          <strong>{assetName}</strong> — {alarm.message}
        </p>
        <CommentHistory alarm={alarm} />
        <label className="field">
          <span>{t('alarms.comments.field')}</span>
          <textarea ref={textRef} data-testid="comment-text" value={text} maxLength={2000} rows={3} onChange={(e) => setText(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="comment-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('alarms.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="comment-confirm" disabled={sending}>
            {t('alarms.comments.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** « operateur, 23/11/2026 14:32 : texte », oldest first, in Paris time. Nothing when empty. */
export function CommentHistory({ alarm }: { alarm: Alarm }) {
  const { t, locale } = useI18n();
  if (!alarm.comments || alarm.comments.length === 0) return null;
  return (
    <ol className="alarm-comments" data-testid="alarm-comments" aria-label={t('alarms.comments.history')}>
      {alarm.comments.map((comment, index) => (
        <li key={index} data-testid="alarm-comment">
          <span className="alarm-comments__who">{t('alarms.comments.byAt', { user: comment.by, time: formatDateTime(comment.at, locale) })}</span>{' '}
          {comment.text}
        </li>
      ))}
    </ol>
  );
}
