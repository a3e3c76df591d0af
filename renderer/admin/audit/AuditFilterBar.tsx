import type { FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { KNOWN_AUDIT_ACTIONS, type AuditFilterForm } from './audit-filter';
import { actionLabel } from './AuditTable';

/** Who, what, from which day to which day (Paris days, both included). */
export function AuditFilterBar({ value, onChange, onApply, onClear }: { value: AuditFilterForm; onChange(value: AuditFilterForm): void; onApply(): void; onClear(): void }) {
  const { t } = useI18n();
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
      <div className="field">
        <label htmlFor="audit-from">{t('audit.from')}</label>
        <input id="audit-from" data-testid="audit-from" type="date" lang="fr" value={value.fromDay} onChange={(e) => set('fromDay', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.to')}</label>
        <input id="audit-to" data-testid="audit-to" type="date" lang="fr" value={value.toDay} onChange={(e) => set('toDay', e.target.value)} />
      </div>
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
