import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import type { Asset } from '../../shared';
import { useI18n } from '../i18n';
import { searchBuffers, statusCss, useAsset, useStore } from '../state';

const MAX_RESULTS = 8;

/** Finds an asset by name or id; choosing one selects it and flies the map there. */
export function AssetSearch() {
  const { t } = useI18n();
  const store = useStore();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Typing stays fluid on 100k assets: the scan runs on the deferred value.
  const deferred = useDeferredValue(query);
  const results = useMemo(() => searchBuffers(store.currentBuffers(), deferred, MAX_RESULTS), [store, deferred]);

  const choose = (asset: Asset) => {
    store.select(asset.id, { fly: true });
    setQuery(asset.name);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(results.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Escape') setOpen(false);
    else if (event.key === 'Enter') {
      const asset = results[active];
      if (asset) choose(asset);
      return;
    } else return;
    event.preventDefault();
  };

  return (
    <div className="search" role="search">
      <input
        type="search"
        className="search__input"
        data-testid="asset-search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && query.trim() !== '' && (
        <ul className="search__results" role="listbox">
          {results.length === 0 && <li className="search__none">{t('search.none')}</li>}
          {results.map((asset, i) => (
            <SearchResult key={asset.id} found={asset} selected={i === active} onChoose={choose} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * One result. The search matched a record as it was when typed; the row follows the asset's live
 * record, so its status dot changes with the map while the list stays open.
 */
function SearchResult({ found, selected, onChoose }: { found: Asset; selected: boolean; onChoose(asset: Asset): void }) {
  const store = useStore();
  const asset = useAsset(found.id) ?? found;
  return (
    <li role="option" aria-selected={selected}>
      <button type="button" data-testid="search-result" data-asset-id={asset.id} data-status={asset.status} onMouseDown={(e) => e.preventDefault()} onClick={() => onChoose(asset)}>
        <span className="status-dot" data-testid="search-result-status" style={{ background: statusCss(asset.status) }} />
        <span className="search__name">{asset.name}</span>
        <span className="search__meta">
          {store.communeName(asset.commune)} · {asset.id}
        </span>
      </button>
    </li>
  );
}
