import type { FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { KNOWN_AUDIT_ACTIONS, type AuditFilterForm, type AuditFilterProblem } from './audit-filter';
import { actionLabel } from './AuditTable';

/** Who, what, from which day to which day (Paris days typed « jj/mm/aaaa », both included). */
export function AuditFilterBar({
  value,
  problem,
  onChange,
  onApply,
  onClear,
}: {
  value: AuditFilterForm;
  problem: AuditFilterProblem | null;
  onChange(value: AuditFilterForm): void;
  onApply(): void;
  onClear(): void;
}) {
  const { t } = useI18n();
  const dayError = (field: 'fromDay' | 'toDay') =>
    problem?.field === field ? t('audit.dayUnreadable', { text: problem.text }) : problem?.field === 'range' && field === 'toDay' ? t('audit.rangeBackwards') : null;
  const dayField = (field: 'fromDay' | 'toDay', label: string) => {
    const error = dayError(field);
    const id = field === 'fromDay' ? 'audit-from' : 'audit-to';
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          data-testid={id}
          inputMode="numeric"
          placeholder={t('audit.dayPlaceholder')}
          value={value[field]}
          onChange={(e) => set(field, e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <span className="form-error audit-filter__error" role="alert" id={`${id}-error`} data-testid={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };
  const set = (key: keyof AuditFilterForm, text: string) => onChange({ ...value, [key]: text });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };

  return (
    <form className="audit-filter" role="search" aria-label={t('audit.filterLabel')} data-testid="audit-filter" onSubmit={submit}>
      <div className="field">
        <label htmlFor="audit-actor">{t('audit.actor')}</label>
        <input id="audit-actor" data-testid="audit-actor" value={value.actor} onChange={(e) => set('actor', e.target.value)} placeholder={t('audit.actorPlaceholder')} />
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select id="audit-action" data-testid="audit-action" value={value.action} onChange={(e) => set('action', e.target.value)}>
          <option value="">{t('audit.anyAction')}</option>
          {KNOWN_AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action, t)}
            </option>
          ))}
        </select>
      </div>
      {dayField('fromDay', t('audit.from'))}
      {dayField('toDay', t('audit.to'))}
      <div className="audit-filter__actions">
        <button type="submit" className="button button--primary" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClear}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
