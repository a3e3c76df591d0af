import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared';
import { HubRequestError, useConnectionState, useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { auditExportFileName, auditFilter, EMPTY_AUDIT_FILTER, type AuditFilter, type AuditFilterForm, type AuditFilterProblem } from './audit-filter';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { downloadText } from './download';
import './audit.css';

/** Entries per page: a screenful and a half; « Plus ancien » fetches the next ones. */
const PAGE_SIZE = 100;

const message = (caught: unknown) => (caught instanceof HubRequestError ? caught.message : String(caught));

/** « Journal d’audit »: the hash-chained trail, newest first, filtered, paged back, exported. */
export function AuditTab() {
  const { t } = useI18n();
  const client = useHubClient();
  const { subscribed } = useConnectionState();
  const [draft, setDraft] = useState<AuditFilterForm>(EMPTY_AUDIT_FILTER);
  const [applied, setApplied] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<AuditFilterProblem | null>(null);
  const [exported, setExported] = useState<{ rows: number; truncated: boolean; file: string } | null>(null);

  /** The newest page of `filter`, or (with `before`) the page older than what is shown. */
  const load = useCallback(
    async (filter: AuditFilter, before?: number) => {
      setLoading(true);
      setError(null);
      try {
        const { entries: page } = await client.request('audit.list', { ...filter, limit: PAGE_SIZE, ...(before ? { before } : {}) });
        setEntries((shown) => (before ? [...(shown ?? []), ...page] : page));
        setHasOlder(page.length === PAGE_SIZE);
      } catch (caught) {
        setError(message(caught));
      } finally {
        setLoading(false);
      }
    },
    [client],
  );

  useEffect(() => {
    if (subscribed) void load(applied);
  }, [subscribed, applied, load]);

  const apply = () => {
    const read = auditFilter(draft);
    if ('problem' in read) return setProblem(read.problem);
    setProblem(null);
    setExported(null);
    setApplied(read.filter);
  };

  const clear = () => {
    setDraft(EMPTY_AUDIT_FILTER);
    setProblem(null);
    setExported(null);
    setApplied({});
  };

  const exportCsv = async () => {
    setError(null);
    try {
      const reply = await client.request('audit.export', applied);
      const file = auditExportFileName(new Date());
      downloadText(reply.csv, file, 'text/csv;charset=utf-8');
      setExported({ rows: reply.rows, truncated: reply.truncated, file });
    } catch (caught) {
      setError(message(caught));
    }
  };

  const oldest = entries?.at(-1);
  return (
    <div className="audit" data-testid="audit-tab">
      <div className="admin-toolbar">
        <h2>{t('audit.title')}</h2>
        <button type="button" className="button button--ghost" data-testid="audit-export" onClick={() => void exportCsv()}>
          {t('audit.export')}
        </button>
      </div>
      <AuditFilterBar value={draft} problem={problem} onChange={setDraft} onApply={apply} onClear={clear} />
      {exported && (
        <p className="admin-notice" role="status" data-testid="audit-exported">
          {t('audit.exported', { count: exported.rows, file: exported.file })}
          {exported.truncated && (
            <strong className="audit-truncated" data-testid="audit-truncated">
              {' '}
              {t('audit.truncated')}
            </strong>
          )}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="audit-error">
          {error}
        </p>
      )}
      {entries === null && loading && <p className="muted">{t('audit.loading')}</p>}
      {entries && entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && <AuditTable entries={entries} />}
      {hasOlder && oldest && (
        <button type="button" className="button button--ghost audit__older" data-testid="audit-older" disabled={loading} onClick={() => void load(applied, oldest.id)}>
          {loading ? t('audit.loading') : t('audit.older')}
        </button>
      )}
    </div>
  );
}
