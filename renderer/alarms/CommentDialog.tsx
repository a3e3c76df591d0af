import { useState } from 'react';
import type { Alarm } from '../../shared';
import { useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { AlarmNotifications } from '../oncall';
import { AlarmDialog } from './AlarmDialog';

/** Adds a comment to an alarm (`alarm.comment`); the history so far is shown above the field. */
export function CommentDialog({ alarm, assetName, onClose }: { alarm: Alarm; assetName: string; onClose(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [text, setText] = useState('');

  return (
    <AlarmDialog
      alarm={alarm}
      assetName={assetName}
      name="comment"
      title={t('alarms.comments.title')}
      confirmLabel={t('alarms.comments.confirm')}
      onClose={onClose}
      check={() => (text.trim() ? undefined : t('alarms.comments.empty'))}
      send={async () => {
        await client.request('alarm.comment', { alarmId: alarm.id, comment: text.trim() });
      }}
    >
      <CommentHistory alarm={alarm} />
      <AlarmNotifications alarmId={alarm.id} />
      <label className="field">
        <span>{t('alarms.comments.field')}</span>
        <textarea data-testid="comment-text" value={text} maxLength={2000} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
    </AlarmDialog>
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
