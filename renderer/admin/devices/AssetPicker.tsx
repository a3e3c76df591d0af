import { useDeferredValue, useMemo, useState } from 'react';
import type { Asset, AssetKind } from '../../../shared';
import { useI18n } from '../../i18n';
import { foldForSearch, useStore } from '../../state';

const MAX_RESULTS = 8;

/**
 * Assets of the given kinds whose name, id or commune contains every word of the query. A linear
 * scan that stops at the first results: fine per keystroke on 100k assets.
 */
function findAssets(records: readonly Asset[], query: string, kinds: readonly AssetKind[] | null, communeOf: (code: string) => string): Asset[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: Asset[] = [];
  for (const asset of records) {
    if (kinds && !kinds.includes(asset.kind)) continue;
    const text = foldForSearch(`${asset.name} ${asset.id} ${communeOf(asset.commune)} ${asset.commune}`);
    if (!words.every((w) => text.includes(w))) continue;
    found.push(asset);
    if (found.length >= MAX_RESULTS) break;
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
    () => findAssets(store.currentBuffers().records.toArray(), deferred, kinds, (code) => store.communeName(code)),
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
