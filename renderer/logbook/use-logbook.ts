import { useCallback, useEffect, useState } from 'react';
import type { LogbookEntry } from '../../shared';
import { useConnectionState, useHubClient } from '../connection';
import { useStore } from '../state';
import { mergeEntries } from './entry-feed';

const PAGE_SIZE = 100;

export interface LogbookFeed {
  entries: readonly LogbookEntry[];
  loading: boolean;
  /** Older entries exist on the hub. */
  more: boolean;
  error: string | null;
  loadOlder(): void;
}

/**
 * The main courante while the panel is open: the latest page from the hub, then every entry
 * written anywhere, live. Reloaded when the stream is back after a drop (entries written
 * meanwhile are in the new page).
 */
export function useLogbookFeed(): LogbookFeed {
  const client = useHubClient();
  const store = useStore();
  const { subscribed } = useConnectionState();
  const [entries, setEntries] = useState<readonly LogbookEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => store.onLogbookAdded((added) => setEntries((known) => mergeEntries(known, added))), [store]);

  useEffect(() => {
    if (!subscribed) return;
    let current = true;
    setLoading(true);
    client
      .request('logbook.list', { limit: PAGE_SIZE })
      .then((reply) => {
        if (!current) return;
        setEntries((known) => mergeEntries(known, reply.entries));
        setMore(reply.more);
        setError(null);
      })
      .catch((failure: Error) => current && setError(failure.message))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, subscribed]);

  const loadOlder = useCallback(() => {
    const oldest = entries[entries.length - 1];
    if (!oldest) return;
    setLoading(true);
    client
      .request('logbook.list', { limit: PAGE_SIZE, before: oldest.id })
      .then((reply) => {
        setEntries((known) => mergeEntries(known, reply.entries));
        setMore(reply.more);
        setError(null);
      })
      .catch((failure: Error) => setError(failure.message))
      .finally(() => setLoading(false));
  }, [client, entries]);

  return { entries, loading, more, error, loadOlder };
}
