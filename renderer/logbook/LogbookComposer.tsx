import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { MAX_LOGBOOK_TEXT, type LogbookEntry, type LogbookLink } from '../../shared';
import { useHubClient } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { useActiveAlarms, useAsset, useSelectedAssetId, useStore } from '../state';

/** The draft outlives the drawer (and a reload): closing it by mistake loses nothing. */
const DRAFT_KEY = 'beffroi.logbook.draft';

function storedDraft(): string {
  try {
    return sessionStorage.getItem(DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeDraft(text: string): void {
  try {
    if (text) sessionStorage.setItem(DRAFT_KEY, text);
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Without storage the draft lives as long as the drawer; nothing else to do.
  }
}

/**
 * Writes an entry (Ctrl+Entrée or the button), linked to the selected alarm or asset if asked.
 * On a refusal the text and links stay as typed, with the hub's reason above them.
 */
export function LogbookComposer({ correcting, onCorrectingDone }: { correcting: LogbookEntry | null; onCorrectingDone(): void }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const [text, setText] = useState(storedDraft);
  const [links, setLinks] = useState<LogbookLink[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectedAssetId = useSelectedAssetId();
  const selectedAsset = useAsset(selectedAssetId);
  const activeAlarms = useActiveAlarms();
  // The alarm list highlights every alarm of the selected asset: those are « the selected alarm ».
  const selectedAlarms = useMemo(() => (selectedAssetId ? activeAlarms.filter((a) => a.assetId === selectedAssetId) : []), [activeAlarms, selectedAssetId]);

  useEffect(() => storeDraft(text), [text]);

  const addLinks = (added: LogbookLink[]) =>
    setLinks((known) => [...known, ...added.filter((link) => !known.some((k) => k.kind === link.kind && k.id === link.id))]);

  const linkAlarm = () =>
    addLinks(selectedAlarms.map((alarm) => ({ kind: 'alarm', id: alarm.id, assetId: alarm.assetId, label: `${alarm.message} — ${store.getAsset(alarm.assetId)?.name ?? alarm.assetId}` })));
  const linkAsset = () => selectedAsset && addLinks([{ kind: 'asset', id: selectedAsset.id, assetId: selectedAsset.id, label: selectedAsset.name }]);

  const submit = async () => {
    if (sending) return;
    if (!text.trim()) {
      setError(t('logbook.compose.empty'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await client.request('logbook.add', {
        text,
        alarmIds: links.filter((l) => l.kind === 'alarm').map((l) => l.id),
        assetIds: links.filter((l) => l.kind === 'asset').map((l) => l.id),
        ...(correcting ? { corrects: correcting.id } : {}),
      });
      setText('');
      setLinks([]);
      onCorrectingDone();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form
      className="logbook-composer"
      data-testid="logbook-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {correcting && (
        <p className="logbook-composer__correcting small">
          {t('logbook.compose.correcting', { time: formatDateTime(correcting.at, locale) })}{' '}
          <button type="button" className="logbook-entry__correct" onClick={onCorrectingDone}>
            {t('logbook.compose.cancelCorrection')}
          </button>
        </p>
      )}
      <label className="field">
        <span>{t('logbook.compose.label')}</span>
        <textarea
          data-testid="logbook-text"
          value={text}
          rows={3}
          maxLength={MAX_LOGBOOK_TEXT}
          placeholder={t('logbook.compose.placeholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      {links.length > 0 && (
        <ul className="logbook-links logbook-links--pending" data-testid="logbook-pending-links">
          {links.map((link) => (
            <li key={`${link.kind}:${link.id}`} className="logbook-chip">
              <span>{link.label}</span>
              <button
                type="button"
                className="logbook-chip__remove"
                aria-label={t('logbook.compose.unlink')}
                onClick={() => setLinks((known) => known.filter((k) => k !== link))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="logbook-error" role="alert" data-testid="logbook-error">
          {error}
        </p>
      )}
      <div className="logbook-composer__actions">
        <button type="button" className="button button--small" data-testid="logbook-link-alarm" disabled={selectedAlarms.length === 0} onClick={linkAlarm}>
          {t('logbook.compose.linkAlarm')}
        </button>
        <button type="button" className="button button--small" data-testid="logbook-link-asset" disabled={!selectedAsset} onClick={linkAsset}>
          {t('logbook.compose.linkAsset')}
        </button>
        <span className="small muted logbook-composer__count">{t('logbook.compose.count', { count: text.length, max: MAX_LOGBOOK_TEXT })}</span>
        <button type="submit" className="button button--primary button--small" data-testid="logbook-submit" disabled={sending}>
          {sending ? t('logbook.compose.sending') : t('logbook.compose.submit')}
        </button>
      </div>
    </form>
  );
}
