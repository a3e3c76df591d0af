import { useCallback, useEffect, useState } from 'react';
import type { SourceView } from '../../../shared';
import { HubRequestError, useHubClient } from '../../connection';
import { formatDateTime, formatNumber, useI18n } from '../../i18n';
import { SourceForm } from './SourceForm';
import './sources.css';

/** Live status is read again this often while the screen is open: enough to watch a reconnection. */
const STATUS_REFRESH_MS = 2000;

type Editing = { mode: 'create' } | { mode: 'edit'; source: SourceView } | null;

/**
 * « Sources réseau »: the network servers the hub reads over MQTT, each with its link status.
 * Those of the console can be added, edited and removed here (the hub reconnects only that one);
 * those of the server's own settings (file, environment, embedded broker) are shown read-only.
 */
export function SourcesScreen() {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const refresh = useCallback(async () => {
    try {
      setSources((await client.request('source.list', {})).sources);
      setError(null);
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    }
  }, [client]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const remove = async (source: SourceView) => {
    if (!window.confirm(t('sources.confirmDelete', { name: source.name }))) return;
    try {
      await client.request('source.delete', { name: source.name });
      await refresh();
    } catch (caught) {
      setError(caught instanceof HubRequestError ? caught.message : String(caught));
    }
  };

  return (
    <div className="sources" data-testid="sources-screen">
      <header className="sources__header">
        <h2>{t('sources.title')}</h2>
        <button type="button" className="button button--primary" data-testid="source-add" onClick={() => setEditing({ mode: 'create' })}>
          {t('sources.add')}
        </button>
      </header>
      <p className="muted">{t('sources.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <SourceForm
          editing={editing.mode === 'edit' ? editing.source : undefined}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {sources === null ? (
        <p className="muted">{t('sources.loading')}</p>
      ) : (
        <table className="sources__table">
          <thead>
            <tr>
              <th>{t('sources.column.status')}</th>
              <th>{t('sources.column.name')}</th>
              <th>{t('sources.column.broker')}</th>
              <th>{t('sources.column.lastMessage')}</th>
              <th>{t('sources.column.messages')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.name} data-testid="source-row" data-source={source.name} data-link={source.status.link}>
                <td>
                  <span className={`sources__light sources__light--${source.status.link}`} aria-hidden="true" />
                  <span data-testid="source-status">{t(`sources.link.${source.status.link}`)}</span>
                  {source.status.reason && <div className="sources__reason">{source.status.reason}</div>}
                </td>
                <td>
                  <strong>{source.name}</strong>
                  <div className="muted">
                    {t(`sources.format.${source.format}`)} · {t(`sources.origin.${source.origin}`)}
                  </div>
                </td>
                <td className="sources__url">{source.url}</td>
                <td>{source.status.lastMessageAt ? formatDateTime(source.status.lastMessageAt, locale) : '—'}</td>
                <td>{formatNumber(source.status.messages, 0, locale)}</td>
                <td>
                  {source.origin === 'console' ? (
                    <div className="sources__actions">
                      <button type="button" className="button button--small" data-testid="source-edit" onClick={() => setEditing({ mode: 'edit', source })}>
                        {t('sources.edit')}
                      </button>
                      <button type="button" className="button button--small button--ghost" data-testid="source-delete" onClick={() => void remove(source)}>
                        {t('sources.delete')}
                      </button>
                    </div>
                  ) : (
                    <span className="muted">{t('sources.readOnly')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
