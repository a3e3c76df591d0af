import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../renderer/state/search-index';

describe('search index', () => {
  const names = ['École Jules-Ferry', 'Armoire EP rue de l’École', 'Colonne à verre', 'Armoire EP école école'];
  const ids = ['SCH-1', 'cab-2', 'bin-3', 'cab-4'];

  it('finds each asset whose folded name or id holds the word once, in index order', () => {
    const index = SearchIndex.build(names, ids);
    expect([...index.containing('ecole')]).toEqual([0, 1, 3]);
    expect([...index.containing('sch-1')]).toEqual([0]);
    expect([...index.containing('armoire ep')]).toEqual([1, 3]);
    expect([...index.containing('zzz')]).toEqual([]);
    expect(index.textAt(2)).toBe('colonne a verre bin-3');
    expect(index.count).toBe(4);
  });

  it('never matches across two assets', () => {
    const index = SearchIndex.build(names, ids);
    // 'sch-1' ends line 0 and 'armoire' starts line 1: together they are in no line.
    expect([...index.containing('sch-1\narmoire')]).toEqual([]);
    expect([...index.containing('1 armoire')]).toEqual([]);
  });

  it('takes a rename without rebuilding: the new name is found, the old one no more, order kept', () => {
    const index = SearchIndex.build(names, ids);
    index.rename(0, 'Halle du marché', 'SCH-1');
    index.rename(2, 'École maternelle', 'bin-3');
    expect([...index.containing('ecole')]).toEqual([1, 2, 3]);
    expect([...index.containing('marche')]).toEqual([0]);
    expect(index.textAt(2)).toBe('ecole maternelle bin-3');
  });

  it('is empty for no assets', () => {
    expect([...SearchIndex.build([], []).containing('a')]).toEqual([]);
  });
});
