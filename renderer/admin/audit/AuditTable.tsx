import type { AuditEntry } from '../../../shared';
import { formatDateTime, useI18n, type I18n } from '../../i18n';
import { detailLines, KNOWN_AUDIT_ACTIONS } from './audit-filter';

type KnownAction = (typeof KNOWN_AUDIT_ACTIONS)[number];
const KNOWN = new Set<string>(KNOWN_AUDIT_ACTIONS);

/** « Connexion » for `login`; an action the console does not know yet keeps its code. */
export function actionLabel(action: string, t: I18n['t']): string {
  return KNOWN.has(action) ? t(`audit.actions.${action as KnownAction}`) : action;
}

/** The trail, newest first; each entry's details as readable lines. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <table className="admin-table audit-table" data-testid="audit-table">
      <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.at')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.target')}</th>
          <th scope="col">{t('audit.details')}</th>
          <th scope="col">{t('audit.address')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const lines = detailLines(entry.details);
          return (
            <tr key={entry.id} data-testid="audit-row" data-audit-id={entry.id} data-action={entry.action}>
              <td className="audit-table__at">{formatDateTime(entry.at, locale)}</td>
              <td>{entry.actor}</td>
              <td>
                {actionLabel(entry.action, t)} <code className="muted small">{entry.action}</code>
              </td>
              <td>{entry.target ?? '—'}</td>
              <td>
                {lines.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="audit-details">
                    {lines.map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="muted">{entry.address ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
