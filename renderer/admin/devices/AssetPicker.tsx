import { useDeferredValue, useMemo, useState } from 'react';
import type { Asset, AssetKind } from '../../../shared';
import { useI18n } from '../../i18n';
import { type AssetBuffers, foldForSearch, useStore } from '../../state';

const MAX_RESULTS = 8;

/**
 * Assets of the given kinds whose name, id or commune contains every word of the query. A linear
 * scan over the columns (kind, name, id, commune) that stops at the first results, decoding only
 * their records: fine per keystroke on 100k assets.
 */
export function findAssets(buffers: AssetBuffers, query: string, kinds: readonly AssetKind[] | null, communeOf: (code: string) => string): Asset[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  // A few hundred communes: each one's name folded once per search, not once per asset.
  const places = new Map<string, string>();
  const index = buffers.searchIndex();
  const found: Asset[] = [];
  for (let i = 0; i < buffers.count && found.length < MAX_RESULTS; i++) {
    if (kinds && !kinds.includes(buffers.kindAt(i))) continue;
    const commune = buffers.communeAt(i);
    let place = places.get(commune);
    if (place === undefined) places.set(commune, (place = foldForSearch(`${communeOf(commune)} ${commune}`)));
    const text = index.textAt(i);
    if (words.every((w) => text.includes(w) || place.includes(w))) found.push(buffers.records.at(i)!);
  }
  return found;
}

/** Picks the asset a device reports for, by name or commune, among the kinds its model fits. */
export function AssetPicker({
  kinds,
  value,
  onChange,
}: {
  kinds: readonly AssetKind[] | null;
  value: Asset | null;
  onChange(asset: Asset | null): void;
}) {
  const { t } = useI18n();
  const store = useStore();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const communeOf = (code: string) => store.communeName(code);
  const results = useMemo(
    () => findAssets(store.currentBuffers(), deferred, kinds, (code) => store.communeName(code)),
    [store, deferred, kinds],
  );

  if (value) {
    return (
      <div className="devices__picked" data-testid="asset-picked">
        <span>
          {value.name} <span className="devices__sub">{communeOf(value.commune)} · {t(`kind.${value.kind}`)}</span>
        </span>
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          ✕
        </button>
      </div>
    );
  }
  return (
    <div className="devices__picker">
      <input
        type="search"
        data-testid="asset-picker"
        placeholder={t('devices.declare.assetSearch')}
        aria-label={t('devices.declare.asset')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query.trim() !== '' && (
        <ul className="devices__choices" role="listbox">
          {results.length === 0 && <li className="muted">{t('devices.declare.assetNone')}</li>}
          {results.map((asset) => (
            <li key={asset.id}>
              <button type="button" role="option" aria-selected={false} data-testid="asset-choice" onClick={() => onChange(asset)}>
                {asset.name} <span className="devices__sub">{communeOf(asset.commune)} · {t(`kind.${asset.kind}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
