import type { Asset } from '../../shared';
import { foldForSearch } from '../../shared/search-text';
import type { AssetBuffers } from './asset-buffers';

export { foldForSearch };

/**
 * Assets whose name or id contains every word of `query`, exact id first, then names that start
 * with the query, then the rest. A linear scan over the buffers' folded names and ids (see
 * `AssetBuffers.searchTextAt`), a record decoded per hit only: a few ms over 100k assets, fine per
 * keystroke. `keep` narrows it by index beforehand (a commune, a kind: read from the columns).
 */
export function searchBuffers(buffers: AssetBuffers, query: string, limit: number, keep?: (index: number) => boolean): Asset[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const folded = foldForSearch(query.trim());
  const ids = buffers.ids;
  const exact: number[] = [];
  const prefix: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < buffers.count; i++) {
    if (keep && !keep(i)) continue;
    const id = ids[i]!;
    if (id.length === folded.length && id.toLowerCase() === folded) {
      exact.push(i);
      continue;
    }
    const haystack = buffers.searchTextAt(i);
    if (!words.every((w) => haystack.includes(w))) continue;
    (haystack.startsWith(folded) ? prefix : rest).push(i);
    if (prefix.length >= limit) break;
  }
  return [...exact, ...prefix, ...rest].slice(0, limit).map((i) => buffers.records.at(i)!);
}
