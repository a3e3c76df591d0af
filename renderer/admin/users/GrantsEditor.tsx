import type { CommandType } from '../../../shared';
import { useI18n } from '../../i18n';
import { FieldError } from './FieldError';
import { GRANT_UNITS, GRANTABLE_COMMANDS, type GrantDraft, type UserFormState } from './user-form';

/**
 * Which commands the user may send: the role's defaults, or only those ticked here, each within
 * optional bounds narrower than the asset's own (°C for a setpoint, % for dimming).
 */
export function GrantsEditor({
  mode,
  grants,
  onMode,
  onGrant,
  error,
}: {
  mode: UserFormState['grantsMode'];
  grants: UserFormState['grants'];
  onMode(mode: UserFormState['grantsMode']): void;
  onGrant(type: CommandType, draft: GrantDraft): void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="user-form__group" data-testid="grants-editor">
      <legend>{t('users.grants')}</legend>
      <label className="picker-list__item">
        <input type="radio" name="grants-mode" checked={mode === 'role'} onChange={() => onMode('role')} />
        {t('users.grantsRole')}
      </label>
      <label className="picker-list__item">
        <input type="radio" name="grants-mode" data-testid="grants-custom" checked={mode === 'custom'} onChange={() => onMode('custom')} />
        {t('users.grantsCustom')}
      </label>
      {mode === 'custom' && (
        <div className="grants">
          {GRANTABLE_COMMANDS.map((type) => {
            const draft = grants[type];
            const unit = GRANT_UNITS[type];
            const name = t(`users.command.${type}`);
            return (
              <div key={type} className="grants__row" data-testid={`grant-${type}`}>
                <label className="picker-list__item">
                  <input type="checkbox" checked={draft.allowed} onChange={(e) => onGrant(type, { ...draft, allowed: e.target.checked })} />
                  {name}
                </label>
                {unit !== null && draft.allowed && (
                  <>
                    <label className="grants__bound">
                      <span>{t('users.grantMin', { unit })}</span>
                      <input inputMode="decimal" aria-label={t('users.grantMinOf', { command: name, unit })} value={draft.min} onChange={(e) => onGrant(type, { ...draft, min: e.target.value })} />
                      <span aria-hidden="true">{unit}</span>
                    </label>
                    <label className="grants__bound">
                      <span>{t('users.grantMax', { unit })}</span>
                      <input inputMode="decimal" aria-label={t('users.grantMaxOf', { command: name, unit })} value={draft.max} onChange={(e) => onGrant(type, { ...draft, max: e.target.value })} />
                      <span aria-hidden="true">{unit}</span>
                    </label>
                  </>
                )}
              </div>
            );
          })}
          <p className="muted small">{t('users.grantsHint')}</p>
        </div>
      )}
      <FieldError id="user-grants-error" message={error} />
    </fieldset>
  );
}
