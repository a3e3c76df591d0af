import { memo, useMemo } from 'react';
import type { LogbookEntry, LogbookLink } from '../../shared';
import { useConnectionState } from '../connection';
import { formatDateTime, useI18n } from '../i18n';
import { useStore } from '../state';
import type { LogbookFeed } from './use-logbook';

/** The entries, newest first, with paging back in time. */
export function EntryList({ feed, onCorrect }: { feed: LogbookFeed; onCorrect(entry: LogbookEntry): void }) {
  const { t } = useI18n();
  const username = useConnectionState().session?.user.username;
  const byId = useMemo(() => new Map(feed.entries.map((e) => [e.id, e])), [feed.entries]);

  return (
    <div className="logbook-entries">
      {feed.error && (
        <p className="logbook-error" role="alert">
          {feed.error}
        </p>
      )}
      {feed.entries.length === 0 && <p className="muted logbook-empty">{feed.loading ? t('logbook.loading') : t('logbook.empty')}</p>}
      <ol className="logbook-entries__list" data-testid="logbook-entries">
        {feed.entries.map((entry) => (
          <EntryItem key={entry.id} entry={entry} corrected={entry.corrects ? byId.get(entry.corrects) : undefined} mine={entry.author === username && entry.kind === 'note'} onCorrect={onCorrect} />
        ))}
      </ol>
      {feed.more && (
        <button type="button" className="button button--small button--ghost" disabled={feed.loading} onClick={feed.loadOlder}>
          {t('logbook.older')}
        </button>
      )}
    </div>
  );
}

interface EntryItemProps {
  entry: LogbookEntry;
  corrected: LogbookEntry | undefined;
  mine: boolean;
  onCorrect(entry: LogbookEntry): void;
}

const EntryItem = memo(function EntryItem({ entry, corrected, mine, onCorrect }: EntryItemProps) {
  const { t, locale } = useI18n();
  const store = useStore();
  return (
    <li className={`logbook-entry${entry.kind === 'auto' ? ' logbook-entry--auto' : ''}`} data-testid="logbook-entry" data-entry-id={entry.id}>
      <div className="logbook-entry__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
        <strong>{entry.author}</strong>
        {entry.kind === 'auto' && <span className="logbook-badge">{t('logbook.auto')}</span>}
        {entry.commune && <span className="muted">{store.communeName(entry.commune)}</span>}
        {mine && (
          <button type="button" className="logbook-entry__correct" onClick={() => onCorrect(entry)}>
            {t('logbook.correct')}
          </button>
        )}
      </div>
      {entry.corrects && (
        <p className="logbook-entry__correction small muted">
          {corrected ? t('logbook.correction', { time: formatDateTime(corrected.at, locale) }) : t('logbook.correctionOfUnknown')}
        </p>
      )}
      <p className="logbook-entry__text" data-testid="logbook-entry-text">
        {entry.text}
      </p>
      {entry.links.length > 0 && (
        <ul className="logbook-links">
          {entry.links.map((link) => (
            <li key={`${link.kind}:${link.id}`}>
              <LinkButton link={link} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
});

/** A link selects its asset and flies the map there (the alarm list highlights the asset's alarms). */
function LinkButton({ link }: { link: LogbookLink }) {
  const { t } = useI18n();
  const store = useStore();
  const kind = t(link.kind === 'alarm' ? 'logbook.link.alarm' : link.kind === 'command' ? 'logbook.link.command' : 'logbook.link.asset');
  return (
    <button type="button" className="logbook-link" data-testid="logbook-link" data-link-kind={link.kind} onClick={() => store.select(link.assetId, { fly: true })}>
      <span className="logbook-link__kind">{kind}</span> {link.label}
    </button>
  );
}
