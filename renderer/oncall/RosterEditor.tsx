import { useState } from 'react';
import { ASSET_KINDS } from '../../shared';
import { HubRequestError, useHubClient } from '../connection';
import { useI18n } from '../i18n';
import { ExceptionsEditor } from './ExceptionsEditor';
import { newLevel, toRoster, type LevelDraft, type RosterDraft } from './roster-draft';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Edits one roster: name, communes, kinds, one or two levels with their rotation and exceptions. */
export function RosterEditor({ initial, onSaved, onCancel }: { initial: RosterDraft; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const setLevel = (index: number, patch: Partial<LevelDraft>) =>
    setDraft((d) => ({ ...d, levels: d.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));

  const run = async (work: () => Promise<unknown>) => {
    setSaving(true);
    setError(null);
    try {
      await work();
      onSaved();
    } catch (e) {
      setError(e instanceof HubRequestError ? e.message : t('oncall.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="oncall-editor" data-testid="oncall-editor" onSubmit={(e) => (e.preventDefault(), void run(() => client.request('oncall.save', { roster: toRoster(draft) })))}>
      <label className="field">
        <span>{t('oncall.name')}</span>
        <input data-testid="oncall-name" value={draft.name} maxLength={120} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('oncall.communes')}</span>
        <input data-testid="oncall-communes" value={draft.communes} placeholder="91377, 91228" onChange={(e) => setDraft({ ...draft, communes: e.target.value })} />
      </label>
      <fieldset className="oncall-kinds">
        <legend>{t('oncall.kinds')}</legend>
        {ASSET_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={draft.kinds.includes(kind)}
              onChange={(e) => setDraft({ ...draft, kinds: e.target.checked ? [...draft.kinds, kind] : draft.kinds.filter((k) => k !== kind) })}
            />
            {t(`kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      {draft.levels.map((level, index) => (
        <fieldset key={level.level} className="oncall-level" data-testid={`oncall-level-${level.level}`}>
          <legend>{t('oncall.level', { level: level.level })}</legend>
          <label className="field">
            <span>{t('oncall.rotation')}</span>
            <input data-testid={`oncall-users-${level.level}`} value={level.users} placeholder="astreinte, operateur" onChange={(e) => setLevel(index, { users: e.target.value })} />
          </label>
          <div className="oncall-level__handover">
            <label>
              {t('oncall.handoverDay')}{' '}
              <select value={level.handoverDay} onChange={(e) => setLevel(index, { handoverDay: Number(e.target.value) })}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`oncall.weekday.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('oncall.handoverTime')} <input type="time" value={level.handoverTime} onChange={(e) => setLevel(index, { handoverTime: e.target.value })} />
            </label>
            <label>
              {t('oncall.startsOn')} <input type="date" value={level.startsOn} onChange={(e) => setLevel(index, { startsOn: e.target.value })} />
            </label>
          </div>
          <ExceptionsEditor exceptions={level.exceptions} onChange={(exceptions) => setLevel(index, { exceptions })} />
          {level.level === 2 && (
            <button type="button" className="button button--small button--ghost" onClick={() => setDraft({ ...draft, levels: draft.levels.filter((l) => l.level !== 2) })}>
              {t('oncall.removeLevel2')}
            </button>
          )}
        </fieldset>
      ))}
      {draft.levels.length === 1 && (
        <button type="button" className="button button--small" onClick={() => setDraft({ ...draft, levels: [...draft.levels, newLevel(2, Date.now())] })}>
          {t('oncall.addLevel2')}
        </button>
      )}
      {error && (
        <p className="oncall-error" role="alert" data-testid="oncall-error">
          {error}
        </p>
      )}
      <div className="oncall-editor__actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="oncall-save">
          {t('oncall.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('oncall.cancel')}
        </button>
        {draft.id && (
          <button type="button" className="button button--ghost" disabled={saving} onClick={() => void run(() => client.request('oncall.delete', { rosterId: draft.id! }))}>
            {t('oncall.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
