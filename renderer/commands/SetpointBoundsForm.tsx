import { useState, type FormEvent } from 'react';
import type { Asset } from '../../shared';
import { useHubAction, useHubClient } from '../connection';
import { formatNumber, parseDecimal, useI18n } from '../i18n';

/**
 * A building's own setpoint bounds, for admins: every setpoint, override and programme for it must
 * fall inside them (each user's grants then narrow them further). The hub checks and audits.
 */
export function SetpointBoundsForm({ asset, minC, maxC }: { asset: Asset; minC: number; maxC: number }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const [min, setMin] = useState(() => formatNumber(minC, 1, locale));
  const [max, setMax] = useState(() => formatNumber(maxC, 1, locale));
  const [saved, setSaved] = useState(false);
  const { sending, error, run } = useHubAction(() => setSaved(true));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const low = parseDecimal(min);
    const high = parseDecimal(max);
    void run(
      async () => {
        await client.request('asset.setpoint-bounds', { assetId: asset.id, minC: low!, maxC: high! });
      },
      () => (low === null || high === null ? t('setpoint.invalidNumber') : undefined),
    );
  };

  return (
    <section className="panel-section" data-testid="setpoint-bounds-form">
      <h3>{t('bounds.title')}</h3>
      <form className="programme-override" onSubmit={submit} noValidate>
        <label className="field field--inline">
          <span>{t('bounds.min')}</span>
          <input type="text" inputMode="decimal" className="programme-number" data-testid="bounds-min" value={min} onChange={(e) => setMin(e.target.value)} />
          <span className="muted">°C</span>
        </label>
        <label className="field field--inline">
          <span>{t('bounds.max')}</span>
          <input type="text" inputMode="decimal" className="programme-number" data-testid="bounds-max" value={max} onChange={(e) => setMax(e.target.value)} />
          <span className="muted">°C</span>
        </label>
        <button type="submit" className="button" data-testid="bounds-save" disabled={sending}>
          {t('programme.save')}
        </button>
      </form>
      <p className="muted small">{t('bounds.hint')}</p>
      {error && (
        <p className="form-error" role="alert" data-testid="bounds-error">
          {error}
        </p>
      )}
      {saved && !error && (
        <p className="muted small" role="status" data-testid="bounds-saved">
          {t('bounds.saved')}
        </p>
      )}
    </section>
  );
}
