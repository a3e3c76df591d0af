import type { LogbookEntry } from '../../shared';

/** Newest first, as the panel lists them: by time, then id (entries of one batch share a time). */
export function compareEntriesNewestFirst(a: LogbookEntry, b: LogbookEntry): number {
  return a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Entries known plus entries arriving, each once, newest first. A live entry may arrive before
 * or after the page that also holds it: whichever comes second is the same entry.
 */
export function mergeEntries(known: readonly LogbookEntry[], incoming: readonly LogbookEntry[]): LogbookEntry[] {
  const byId = new Map(known.map((entry) => [entry.id, entry]));
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort(compareEntriesNewestFirst);
}
