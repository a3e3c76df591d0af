import { useMemo, useState, type FormEvent } from 'react';
import {
  DEFAULT_UPLINK_PERIOD_S,
  DEV_EUI_PATTERN,
  DEVICE_MODELS,
  deviceModel,
  MAX_UPLINK_PERIOD_S,
  MIN_UPLINK_PERIOD_S,
  type Asset,
  type ReplyPayload,
} from '../../../shared';
import { useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { AssetPicker } from './AssetPicker';
import { formatDevEui, normaliseDevEui } from './device-format';

/**
 * « Déclarer un appareil »: DevEUI, model from the catalogue the hub decodes, and the asset it
 * reports for among those its model fits. Adopting from quarantine opens it with the DevEUI filled.
 */
export function DeclareForm({ adoptDevEui }: { adoptDevEui: string | null }) {
  const { t } = useI18n();
  const client = useHubClient();
  const [devEuiText, setDevEuiText] = useState(adoptDevEui ? formatDevEui(adoptDevEui) : '');
  const [model, setModel] = useState('');
  const [asset, setAsset] = useState<Asset | null>(null);
  const [periodText, setPeriodText] = useState(String(DEFAULT_UPLINK_PERIOD_S));
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ devEui: string; asset: string; replayed?: ReplyPayload<'device.declare'>['replayed'] } | null>(null);

  const devEui = normaliseDevEui(devEuiText);
  const kinds = useMemo(() => deviceModel(model)?.kinds ?? null, [model]);
  const period = Number(periodText);
  const problems = {
    devEui: DEV_EUI_PATTERN.test(devEui) ? null : t('devices.declare.devEuiInvalid', { count: devEui.length }),
    model: model ? null : t('devices.declare.modelRequired'),
    asset: asset ? null : t('devices.declare.assetRequired'),
    period: Number.isInteger(period) && period >= MIN_UPLINK_PERIOD_S && period <= MAX_UPLINK_PERIOD_S ? null : t('devices.declare.periodInvalid'),
  };
  const valid = Object.values(problems).every((p) => p === null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid || !asset) return;
    setSending(true);
    setError(null);
    client
      .request('device.declare', { devEui, model, assetId: asset.id, uplinkPeriodS: period })
      .then((reply) => {
        setDone({ devEui: reply.device.devEui, asset: asset.name, ...(reply.replayed ? { replayed: reply.replayed } : {}) });
        setDevEuiText('');
        setAsset(null);
        setTouched(false);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setSending(false));
  };

  const changeModel = (next: string) => {
    setModel(next);
    // An asset of a kind the new model does not fit is no longer a valid choice.
    if (asset && !deviceModel(next)?.kinds.includes(asset.kind)) setAsset(null);
  };

  return (
    <form className="devices__pane devices__form" data-testid="declare-form" onSubmit={submit} noValidate>
      {adoptDevEui && <p className="devices__notice">{t('devices.declare.adopting', { devEui: formatDevEui(adoptDevEui) })}</p>}
      <label className="field">
        <span>{t('devices.declare.devEui')}</span>
        <input
          data-testid="declare-deveui"
          value={devEuiText}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={touched && problems.devEui !== null}
          onChange={(e) => setDevEuiText(e.target.value)}
          onBlur={() => devEuiText && setTouched(true)}
        />
      </label>
      {touched && problems.devEui && <p className="form-error" data-testid="declare-deveui-error">{problems.devEui}</p>}
      <label className="field">
        <span>{t('devices.declare.model')}</span>
        <select data-testid="declare-model" value={model} onChange={(e) => changeModel(e.target.value)}>
          <option value="">{t('devices.declare.modelChoose')}</option>
          {DEVICE_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.vendor} {m.product} ({m.id})
            </option>
          ))}
        </select>
      </label>
      {kinds && <p className="muted">{t('devices.declare.kinds', { kinds: kinds.map((k) => t(`kind.${k}`)).join(', ') })}</p>}
      {touched && problems.model && <p className="form-error">{problems.model}</p>}
      <div className="field">
        <span>{t('devices.declare.asset')}</span>
        <AssetPicker kinds={kinds} value={asset} onChange={setAsset} />
      </div>
      {touched && problems.asset && <p className="form-error">{problems.asset}</p>}
      <label className="field">
        <span>{t('devices.declare.period')}</span>
        <input data-testid="declare-period" inputMode="numeric" value={periodText} onChange={(e) => setPeriodText(e.target.value.trim())} />
      </label>
      {touched && problems.period && <p className="form-error">{problems.period}</p>}
      {error && <p className="form-error" role="alert" data-testid="declare-error">{error}</p>}
      {done && (
        <p className="devices__notice" role="status" data-testid="declare-done">
          {t('devices.declare.done', { devEui: formatDevEui(done.devEui), asset: done.asset })}{' '}
          {done.replayed === 'decoded' && t('devices.declare.replayed')}
          {done.replayed === 'unreadable' && t('devices.declare.unreadable')}
          {done.replayed === 'superseded' && t('devices.declare.superseded')}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="declare-submit" disabled={sending}>
        {sending ? t('devices.declare.sending') : t('devices.declare.submit')}
      </button>
    </form>
  );
}
