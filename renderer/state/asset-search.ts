import type { Asset } from '../../shared';
import { foldForSearch } from '../../shared/search-text';
import type { AssetBuffers } from './asset-buffers';

export { foldForSearch };

/**
 * Assets whose name or id contains every word of `query`, exact id first, then names that start
 * with the query, then the rest. The longest word is looked for over the whole folded index in
 * one native scan (see SearchIndex), the other words in its hits; a record is decoded per result
 * only. `keep` narrows it by index (a commune, a kind: read from the columns).
 */
export function searchBuffers(buffers: AssetBuffers, query: string, limit: number, keep?: (index: number) => boolean): Asset[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const folded = foldForSearch(query.trim());
  const index = buffers.searchIndex();
  const ids = buffers.ids;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const others = words.filter((w) => w !== longest);
  const exact: number[] = [];
  const prefix: number[] = [];
  const rest: number[] = [];
  for (const i of index.containing(longest)) {
    if (keep && !keep(i)) continue;
    const id = ids[i]!;
    if (id.length === folded.length && id.toLowerCase() === folded) {
      exact.push(i);
      continue;
    }
    const text = index.textAt(i);
    if (!others.every((w) => text.includes(w))) continue;
    (text.startsWith(folded) ? prefix : rest).push(i);
    if (prefix.length >= limit) break;
  }
  return [...exact, ...prefix, ...rest].slice(0, limit).map((i) => buffers.records.at(i)!);
}
