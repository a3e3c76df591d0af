import { useEffect, useState } from 'react';
import type { QuarantinedDevice } from '../../../shared';
import { useHubClient } from '../../connection';
import { formatDateTime, formatQuantity, useI18n, useNow } from '../../i18n';
import { formatDevEui, formatLastHeard } from './device-format';

/** Long payloads are cut on screen; the whole hex is in the cell's tooltip. */
const PAYLOAD_SHOWN_CHARS = 24;

/**
 * « Quarantaine »: devices the network server hears but nobody declared, with what they last sent;
 * « Adopter » opens the declaration with the DevEUI filled in.
 */
export function QuarantineList({ onAdopt }: { onAdopt(devEui: string): void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const client = useHubClient();
  const now = useNow();
  const [devices, setDevices] = useState<QuarantinedDevice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    client
      .request('device.quarantine', {})
      .then((reply) => !cancelled && setDevices(reply.devices))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [client, reload]);

  return (
    <section className="devices__pane" data-testid="quarantine">
      <div className="devices__toolbar">
        <p className="muted">{t('devices.quarantine.help')}</p>
        <button type="button" className="button button--small" onClick={() => setReload((n) => n + 1)}>
          {t('devices.refresh')}
        </button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!devices && !error && <p className="muted">{t('devices.loading')}</p>}
      {devices?.length === 0 && <p className="muted">{t('devices.quarantine.empty')}</p>}
      {devices && devices.length > 0 && (
        <table className="devices__table">
          <thead>
            <tr>
              <th>{t('devices.col.devEui')}</th>
              <th>{t('devices.quarantine.firstSeen')}</th>
              <th>{t('devices.quarantine.lastSeen')}</th>
              <th>{t('devices.quarantine.count')}</th>
              <th>{t('devices.quarantine.payload')}</th>
              <th>{t('devices.quarantine.network')}</th>
              <th aria-label={t('devices.quarantine.adopt')} />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.devEui} data-testid="quarantine-row" data-dev-eui={d.devEui}>
                <td className="devices__eui">{formatDevEui(d.devEui)}</td>
                <td>{formatDateTime(d.firstAt, locale)}</td>
                <td title={formatDateTime(d.lastAt, locale)}>{formatLastHeard(d.lastAt, now, i18n)}</td>
                <td>{d.count}</td>
                <td className="devices__eui" title={d.payloadHex ?? undefined}>
                  {t('devices.quarantine.port', { port: d.fPort })} ·{' '}
                  {d.payloadHex === null
                    ? t('devices.quarantine.decoded')
                    : d.payloadHex.length > PAYLOAD_SHOWN_CHARS
                      ? `${d.payloadHex.slice(0, PAYLOAD_SHOWN_CHARS)}…`
                      : d.payloadHex}
                </td>
                <td className="devices__eui">
                  {d.gatewayId ?? '—'} · {d.rssiDbm === null ? '—' : formatQuantity(d.rssiDbm, 0, 'dBm', locale)}
                </td>
                <td>
                  <button type="button" className="button button--small" data-testid="quarantine-adopt" onClick={() => onAdopt(d.devEui)}>
                    {t('devices.quarantine.adopt')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
