import { useEffect, useState } from 'react';
import { ALARM_PRIORITIES, type AlarmPriority } from '../../../shared/domain/alarms';
import type { Threshold, ThresholdDefinition } from '../../../shared/domain/thresholds';
import { HubRequestError, useHubClient } from '../../connection';
import { formatDateTime, useI18n } from '../../i18n';
import { draftOf, updateOf, type ThresholdDraft } from './threshold-form';

export interface ThresholdRowProps {
  definition: ThresholdDefinition;
  threshold: Threshold;
  /** The hub answered with the condition's new settings. */
  onChanged(threshold: Threshold): void;
}

/**
 * One condition: its raise and clear values, delay and priority, editable where the condition
 * has them, saved or set back to the product's defaults. The hub checks again and says, in
 * French, what is wrong (a clear value above the raise value…).
 */
export function ThresholdRow({ definition, threshold, onChanged }: ThresholdRowProps) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const [draft, setDraft] = useState<ThresholdDraft>(() => draftOf(threshold, locale));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(draftOf(threshold, locale)), [threshold, locale]);
  const set = <K extends keyof ThresholdDraft>(key: K, value: ThresholdDraft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const changed = JSON.stringify(draft) !== JSON.stringify(draftOf(threshold, locale));

  const run = async (send: () => Promise<{ threshold: Threshold }>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged((await send()).threshold);
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const checked = updateOf(definition, draft);
    if ('field' in checked) {
      setError(t('thresholds.notANumber', { field: t(`thresholds.column.${checked.field}`), text: checked.text }));
      return;
    }
    void run(() => client.request('threshold.update', { condition: definition.condition, ...checked.update }));
  };
  const reset = () => void run(() => client.request('threshold.reset', { condition: definition.condition }));

  const numberInput = (field: 'raise' | 'clear' | 'delaySeconds', present: boolean) =>
    present ? (
      <input
        className="thresholds__number"
        inputMode="decimal"
        aria-label={`${t(`thresholds.column.${field}`)} — ${definition.label[locale]}`}
        data-testid={`threshold-${field}`}
        value={draft[field]}
        onChange={(event) => set(field, event.target.value)}
      />
    ) : (
      <span className="muted">—</span>
    );

  return (
    <tr data-testid="threshold-row" data-condition={definition.condition} data-overridden={threshold.overridden}>
      <td>
        <strong>{definition.label[locale]}</strong>
        {threshold.overridden && threshold.updatedBy && threshold.updatedAt && (
          <div className="muted">{t('thresholds.changedBy', { by: threshold.updatedBy, at: formatDateTime(threshold.updatedAt, locale) })}</div>
        )}
        {error && (
          <div className="form-error" role="alert" data-testid="threshold-error">
            {error}
          </div>
        )}
      </td>
      <td>{definition.unit ?? '—'}</td>
      <td>{numberInput('raise', definition.raise !== undefined)}</td>
      <td>{numberInput('clear', definition.clear !== undefined)}</td>
      <td>{numberInput('delaySeconds', definition.delayed)}</td>
      <td>
        <select
          aria-label={`${t('thresholds.column.priority')} — ${definition.label[locale]}`}
          data-testid="threshold-priority"
          value={draft.priority}
          onChange={(event) => set('priority', event.target.value as AlarmPriority)}
        >
          {ALARM_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="admin-table__actions">
        <button type="button" className="button button--small button--primary" data-testid="threshold-save" disabled={busy || !changed} onClick={save}>
          {t('thresholds.save')}
        </button>
        <button type="button" className="button button--small button--ghost" data-testid="threshold-reset" disabled={busy || !threshold.overridden} onClick={reset}>
          {t('thresholds.reset')}
        </button>
      </td>
    </tr>
  );
}
