import { useState } from 'react';
import type { LogbookEntry } from '../../shared';
import { navigateTo } from '../app/hash-route';
import { useI18n } from '../i18n';
import { EntryList } from './EntryList';
import { HandoverView } from './HandoverView';
import { LogbookComposer } from './LogbookComposer';
import { useLogbookFeed } from './use-logbook';

type Tab = 'entries' | 'handover';

/** The « Main courante » drawer over the map, beside the alarm list: entries, or the handover. */
export function LogbookDrawer() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('entries');
  const [correcting, setCorrecting] = useState<LogbookEntry | null>(null);
  const feed = useLogbookFeed();

  return (
    <aside className="logbook-drawer" data-testid="logbook" aria-label={t('logbook.title')}>
      <header className="logbook-drawer__header">
        <h2>{t('logbook.title')}</h2>
        <div className="logbook-drawer__tabs" role="tablist">
          {(['entries', 'handover'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`logbook-drawer__tab${tab === id ? ' logbook-drawer__tab--current' : ''}`}
              data-testid={`logbook-tab-${id}`}
              onClick={() => setTab(id)}
            >
              {t(id === 'entries' ? 'logbook.tab.entries' : 'logbook.tab.handover')}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label={t('logbook.close')} onClick={() => navigateTo('')}>
          ×
        </button>
      </header>
      {tab === 'entries' ? (
        <>
          <LogbookComposer correcting={correcting} onCorrectingDone={() => setCorrecting(null)} />
          <EntryList feed={feed} onCorrect={setCorrecting} />
        </>
      ) : (
        <HandoverView />
      )}
    </aside>
  );
}
