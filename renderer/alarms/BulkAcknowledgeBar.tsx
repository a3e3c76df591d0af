import { useState, type FormEvent } from 'react';
import { MAX_BULK_ALARMS, type AcknowledgeOutcome } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { summariseOutcomes } from './acknowledge-outcomes';

export interface BulkAcknowledgeBarProps {
  /** Ids ticked in the list, still waiting for acknowledgement. */
  selectedIds: readonly string[];
  /** Ids the current filter shows that wait for acknowledgement (« Tout acquitter »). */
  pendingShownIds: readonly string[];
  /** Called once the hub answered, whatever it said: the ticks are spent. */
  onDone(): void;
}

/**
 * Acknowledges many alarms in one `alarm.acknowledge-many`, with one optional comment for the
 * batch; the hub's per-alarm outcomes are summed up in one line. « Tout acquitter » asks a second
 * click: it may take hundreds of alarms the operator has not read one by one.
 */
export function BulkAcknowledgeBar({ selectedIds, pendingShownIds, onDone }: BulkAcknowledgeBarProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useHubClient();
  const [comment, setComment] = useState('');
  const [confirmingAll, setConfirmingAll] = useState(false);
  const [sending, setSending] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const acknowledge = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    setSending(true);
    setError(null);
    setSummary(null);
    try {
      const trimmed = comment.trim();
      // Exactly the filtered set, however large: the hub takes MAX_BULK_ALARMS per request.
      const outcomes: AcknowledgeOutcome[] = [];
      for (let from = 0; from < ids.length; from += MAX_BULK_ALARMS) {
        const reply = await client.request('alarm.acknowledge-many', {
          alarmIds: ids.slice(from, from + MAX_BULK_ALARMS),
          ...(trimmed ? { comment: trimmed } : {}),
        });
        outcomes.push(...reply.outcomes);
      }
      setSummary(summariseOutcomes(outcomes, i18n));
      setComment('');
      onDone();
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    } finally {
      setSending(false);
      setConfirmingAll(false);
    }
  };

  const submitSelection = (event: FormEvent) => {
    event.preventDefault();
    void acknowledge(selectedIds);
  };

  return (
    <form className="bulk-ack" data-testid="bulk-acknowledge" onSubmit={submitSelection}>
      <input
        className="bulk-ack__comment"
        data-testid="bulk-comment"
        aria-label={t('alarms.bulk.comment')}
        placeholder={t('alarms.bulk.comment')}
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="bulk-ack__actions">
        <button type="submit" className="button button--small button--primary" data-testid="bulk-acknowledge-selection" disabled={sending || selectedIds.length === 0}>
          {t('alarms.bulk.acknowledgeSelection', { count: selectedIds.length })}
        </button>
        {confirmingAll ? (
          <button
            type="button"
            className="button button--small button--danger"
            data-testid="bulk-acknowledge-all-confirm"
            disabled={sending}
            onClick={() => void acknowledge(pendingShownIds)}
          >
            {t('alarms.bulk.confirmAll', { count: pendingShownIds.length })}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            data-testid="bulk-acknowledge-all"
            disabled={sending || pendingShownIds.length === 0}
            onClick={() => setConfirmingAll(true)}
          >
            {t('alarms.bulk.acknowledgeAll', { count: pendingShownIds.length })}
          </button>
        )}
      </div>
      {summary && (
        <p className="bulk-ack__summary" role="status" data-testid="bulk-summary">
          {summary}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="bulk-error">
          {error}
        </p>
      )}
    </form>
  );
}
