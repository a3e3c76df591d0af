import { foldForSearch } from '../../shared/search-text';

/** What the search matches for one asset: its name and id, lower case, without accents. */
export const searchTextOf = (name: string, id: string): string => `${foldForSearch(name)} ${id.toLowerCase()}`;

/**
 * Every asset's search text in one string, one line per asset, and where each line starts.
 * Folding 100k names costs more than scanning them, so it is done once (by the first search);
 * kept as one string of ~5 MB rather than 100k strings (three times that in object headers), and
 * scanned with the engine's own `indexOf`. An asset renamed by an event is kept apart, in
 * `renamed`, rather than rebuilding the string.
 */
export class SearchIndex {
  private readonly renamed = new Map<number, string>();

  private constructor(
    private readonly text: string,
    /** Line i spans starts[i] to starts[i + 1] - 1 (its newline excluded). */
    private readonly starts: Uint32Array,
  ) {}

  static build(names: readonly string[], ids: readonly string[]): SearchIndex {
    const lines = new Array<string>(names.length);
    const starts = new Uint32Array(names.length + 1);
    let at = 0;
    for (let i = 0; i < names.length; i++) {
      const line = searchTextOf(names[i]!, ids[i]!);
      lines[i] = line;
      starts[i] = at;
      at += line.length + 1;
    }
    starts[names.length] = at;
    return new SearchIndex(lines.length === 0 ? '' : `${lines.join('\n')}\n`, starts);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  textAt(index: number): string {
    return this.renamed.get(index) ?? this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  rename(index: number, name: string, id: string): void {
    this.renamed.set(index, searchTextOf(name, id));
  }

  /**
   * The assets whose line contains `word` (no whitespace in it, so never across two lines), in
   * index order: one `indexOf` pass over the string, each hit placed by binary search.
   */
  *containing(word: string): Generator<number> {
    if (word.includes('\n')) return;
    const renamed = [...this.renamed.keys()].filter((i) => this.textAt(i).includes(word)).sort((a, b) => a - b);
    let next = 0;
    let last = -1;
    for (let at = this.text.indexOf(word); at !== -1; at = this.text.indexOf(word, at + 1)) {
      const index = this.lineOf(at);
      if (index === last) continue;
      last = index;
      while (next < renamed.length && renamed[next]! < index) yield renamed[next++]!;
      if (this.renamed.has(index)) continue;
      yield index;
      // The rest of this line cannot name another asset.
      at = this.starts[index + 1]! - 1;
    }
    while (next < renamed.length) yield renamed[next++]!;
  }

  private lineOf(position: number): number {
    let low = 0;
    let high = this.starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
