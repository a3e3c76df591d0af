import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { searchBuffers, useStore } from '../../state';
import { FieldError } from './FieldError';

const MAX_SHOWN = 20;

/**
 * Optional sites narrowing a scope to some assets of its communes (the school and the cemetery
 * gate of an elected official). Searched by name among the chosen communes' assets.
 */
export function SitePicker({ communes, selected, onChange, error }: { communes: readonly string[]; selected: readonly string[]; onChange(ids: string[]): void; error?: string | undefined }) {
  const { t } = useI18n();
  const store = useStore();
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const buffers = store.currentBuffers();
    return searchBuffers(buffers, query, MAX_SHOWN, (i) => communes.length === 0 || communes.includes(buffers.communeAt(i)));
  }, [store, communes, query]);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  const nameOf = (id: string) => store.getAsset(id)?.name ?? id;

  return (
    <fieldset className="user-form__group" data-testid="site-picker">
      <legend>{t('users.sites')}</legend>
      <p className="muted small">{t('users.sitesHint')}</p>
      {selected.length > 0 && (
        <ul className="chips" aria-label={t('users.sitesChosen')}>
          {selected.map((id) => (
            <li key={id} className="chip">
              {nameOf(id)}
              <button type="button" className="chip__remove" aria-label={t('users.remove', { name: nameOf(id) })} onClick={() => toggle(id, false)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>{t('users.siteSearch')}</span>
        <input type="search" data-testid="site-search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {matches.length > 0 && (
        <div className="picker-list" role="group" aria-label={t('users.siteMatches')}>
          {matches.map((asset) => (
            <label key={asset.id} className="picker-list__item">
              <input type="checkbox" checked={selected.includes(asset.id)} onChange={(e) => toggle(asset.id, e.target.checked)} />
              {asset.name} <span className="muted">({store.communeName(asset.commune)})</span>
            </label>
          ))}
        </div>
      )}
      <FieldError id="user-sites-error" message={error} />
    </fieldset>
  );
}
