import { useState } from 'react';
import type { Asset, HeatingProgramme } from '../../shared';
import { DEFAULT_HEATING_PROGRAMME } from '../../shared/schedules/defaults';
import { ConfirmCommandDialog } from '../commands';
import { useHubClient } from '../connection';
import { formatDateTime, formatQuantity, parseDecimal, useI18n } from '../i18n';
import { useStore } from '../state';
import { HeatingProgrammeEditor } from './HeatingProgrammeEditor';
import { useAssetProgrammes } from './use-asset-programmes';

const OVERRIDE_HOURS = [1, 2, 4, 8, 24] as const;

/**
 * A school's heating programme in the panel: what it holds now and its next change, the weekly
 * programme to edit, and a temporary override that gives the programme back after N hours.
 */
export function HeatingSection({ asset }: { asset: Asset }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const { programmes } = useAssetProgrammes(asset.id);
  const [editing, setEditing] = useState(false);
  const [overrideText, setOverrideText] = useState('');
  const [overrideHours, setOverrideHours] = useState<number>(2);
  const [asking, setAsking] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const now = programmes?.now.heating;

  const send = async (command: Parameters<typeof client.request<'command.send'>>[1]['command']) => {
    const reply = await client.request('command.send', { assetId: asset.id, command });
    store.mergeCommands([reply.command]);
  };

  const askOverride = () => {
    const celsius = parseDecimal(overrideText);
    if (celsius === null) {
      setProblem(t('setpoint.invalidNumber'));
      return;
    }
    setProblem(null);
    setAsking(celsius);
  };

  return (
    <section className="panel-section" data-testid="heating-programme">
      <h3>{t('programme.heating.section')}</h3>
      {programmes?.heating ? (
        now && (
          <p data-testid="heating-now" data-mode={now.mode} data-celsius={now.celsius}>
            {t('programme.now', { mode: t(`programme.mode.${now.mode}`), value: formatQuantity(now.celsius, 1, '°C', locale) })}
            {now.dayOff && <span className="muted"> ({now.dayOff})</span>}
            {now.next && (
              <span className="muted small" data-testid="heating-next">
                {' '}
                · {t('programme.next', { mode: t(`programme.mode.${now.next.mode}`), value: formatQuantity(now.next.celsius, 1, '°C', locale), at: formatDateTime(now.next.at, locale) })}
              </span>
            )}
          </p>
        )
      ) : (
        <p className="muted">{t('programme.heating.none')}</p>
      )}
      {programmes?.override && (
        <p className="muted small" data-testid="heating-override">
          {t('programme.overrideUntil', { value: formatQuantity(programmes.override.celsius, 1, '°C', locale), at: formatDateTime(programmes.override.until, locale) })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" data-testid="heating-programme-edit" onClick={() => setEditing(true)}>
          {programmes?.heating ? t('programme.edit') : t('programme.create')}
        </button>
      </div>

      <form
        className="programme-override"
        onSubmit={(e) => {
          e.preventDefault();
          askOverride();
        }}
      >
        <label className="field field--inline">
          <span>{t('programme.override')}</span>
          <input type="text" inputMode="decimal" className="programme-number" data-testid="override-input" value={overrideText} onChange={(e) => setOverrideText(e.target.value)} placeholder="20" />
          <span className="muted">°C</span>
        </label>
        <label className="field field--inline">
          <span>{t('programme.during')}</span>
          <select data-testid="override-hours" value={overrideHours} onChange={(e) => setOverrideHours(Number(e.target.value))}>
            {OVERRIDE_HOURS.map((hours) => (
              <option key={hours} value={hours}>
                {t('programme.hours', { hours })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" data-testid="override-send">
          {t('programme.overrideSend')}
        </button>
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}

      {editing && (
        <HeatingProgrammeEditor
          initial={programmes?.heating ?? DEFAULT_HEATING_PROGRAMME}
          onClose={() => setEditing(false)}
          save={(programme: HeatingProgramme) => send({ type: 'heating.schedule', programme })}
        />
      )}
      {asking !== null && (
        <ConfirmCommandDialog
          name="override"
          title={t('programme.overrideTitle')}
          consequence={t('programme.overrideConsequence', { name: asset.name, value: formatQuantity(asking, 1, '°C', locale), hours: overrideHours })}
          confirmLabel={t('programme.overrideSend')}
          onClose={() => setAsking(null)}
          send={() => send({ type: 'heating.override', celsius: asking, hours: overrideHours })}
        />
      )}
    </section>
  );
}
