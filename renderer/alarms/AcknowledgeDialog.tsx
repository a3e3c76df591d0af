import { useState } from 'react';
import type { Alarm } from '../../shared';
import { useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { useStore } from '../state';
import { AlarmDialog } from './AlarmDialog';

/** Asks for an optional comment, then acknowledges; the hub's refusal is shown in its words. */
export function AcknowledgeDialog({ alarm, assetName, onClose }: { alarm: Alarm; assetName: string; onClose(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const [comment, setComment] = useState('');

  const send = async () => {
    const trimmed = comment.trim();
    const { alarm: acknowledged } = await client.request('alarm.acknowledge', { alarmId: alarm.id, ...(trimmed ? { comment: trimmed } : {}) });
    store.mergeAlarm(acknowledged);
  };

  return (
    <AlarmDialog alarm={alarm} assetName={assetName} name="acknowledge" title={t('alarms.dialogTitle')} confirmLabel={t('alarms.confirm')} onClose={onClose} send={send}>
      <label className="field">
        <span>{t('alarms.comment')}</span>
        <textarea
          data-testid="acknowledge-comment"
          value={comment}
          maxLength={2000}
          rows={3}
          placeholder={t('alarms.commentPlaceholder')}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
    </AlarmDialog>
  );
}
