import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { foldForSearch } from '../../state';
import { FieldError } from './FieldError';

export interface CommuneOption {
  code: string;
  name: string;
}

/** A filter of a few hundred communes costs nothing; the list shows this many at once. */
const MAX_SHOWN = 60;

/** Communes whose name or INSEE code contains `query` (accents and case ignored), by name. */
export function matchCommunes(communes: readonly CommuneOption[], query: string): CommuneOption[] {
  const folded = foldForSearch(query.trim());
  const matches = folded ? communes.filter((c) => c.code.startsWith(folded) || foldForSearch(c.name).includes(folded)) : [...communes];
  return matches.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/**
 * The communes of a user's scope: the chosen ones as removable chips, a search by name or INSEE
 * code, and the matches as checkboxes (keyboard and screen reader friendly, no custom listbox).
 */
export function CommunePicker({ communes, selected, onChange, error }: { communes: readonly CommuneOption[]; selected: readonly string[]; onChange(codes: string[]): void; error?: string | undefined }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const nameOf = useMemo(() => new Map(communes.map((c) => [c.code, c.name])), [communes]);
  const matches = useMemo(() => matchCommunes(communes, query), [communes, query]);
  const toggle = (code: string, on: boolean) => onChange(on ? [...selected, code] : selected.filter((c) => c !== code));

  return (
    <fieldset className="user-form__group" data-testid="commune-picker" aria-describedby={error ? 'user-communes-error' : undefined}>
      <legend>{t('users.communes')}</legend>
      <p className="muted small">{t('users.communesHint')}</p>
      {selected.length > 0 && (
        <ul className="chips" aria-label={t('users.communesChosen')}>
          {selected.map((code) => (
            <li key={code} className="chip" data-testid="commune-chip">
              {nameOf.get(code) ?? code} <span className="muted">{code}</span>
              <button type="button" className="chip__remove" aria-label={t('users.remove', { name: nameOf.get(code) ?? code })} onClick={() => toggle(code, false)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>{t('users.communeSearch')}</span>
        <input type="search" data-testid="commune-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('users.communeSearchPlaceholder')} />
      </label>
      <div className="picker-list" role="group" aria-label={t('users.communeMatches')}>
        {matches.slice(0, MAX_SHOWN).map((commune) => (
          <label key={commune.code} className="picker-list__item">
            <input type="checkbox" checked={selected.includes(commune.code)} onChange={(e) => toggle(commune.code, e.target.checked)} />
            {commune.name} <span className="muted">({commune.code})</span>
          </label>
        ))}
        {matches.length === 0 && <p className="muted small">{t('users.communeNone')}</p>}
        {matches.length > MAX_SHOWN && <p className="muted small">{t('users.communeMore', { count: matches.length - MAX_SHOWN })}</p>}
      </div>
      <FieldError id="user-communes-error" message={error} />
    </fieldset>
  );
}
