import { useEffect, useState } from 'react';
import type { Asset, ReplyPayload } from '../../shared';
import { useHubClient } from '../connection';
import { formatAge, formatDateTime, formatQuantity, useI18n, useNow } from '../i18n';
import { useStore } from '../state';

type Radio = ReplyPayload<'asset.radio'>;
/** Lines drawn at most: a gateway can hear hundreds of devices; the panel shows the latest. */
const MAX_LINES = 20;

/**
 * The radio side of an asset, from the network server's metadata (command post only): for a
 * device's asset, each gateway that heard it lately with the best RSSI and SNR of the last
 * uplinks; for a gateway, when it last relayed an uplink and the devices it hears. Fetched when
 * the panel opens and again whenever the asset reports.
 */
export function RadioHealth({ asset }: { asset: Asset }) {
  const { t, locale } = useI18n();
  const client = useHubClient();
  const store = useStore();
  const nowMs = useNow(30_000);
  const [radio, setRadio] = useState<Radio | null>(null);

  useEffect(() => {
    let cancelled = false;
    client
      .request('asset.radio', { assetId: asset.id })
      .then((reply) => !cancelled && setRadio(reply))
      .catch(() => undefined); // the section stays empty: radio data is a help, not the asset's state
    return () => {
      cancelled = true;
    };
  }, [client, asset.id, asset.updatedAt]);

  if (!radio) return null;
  const isGateway = radio.gateway !== undefined;
  const dbm = (v: number | undefined, unit: string) => (v === undefined ? '—' : formatQuantity(v, unit === 'dB' ? 1 : 0, unit, locale));
  return (
    <section className="panel-section" data-testid="radio-health">
      <h3>{t('radio.title')}</h3>
      {radio.gateway && (
        <dl className="facts" data-testid="gateway-facts">
          <dt>{t('radio.lastSeen')}</dt>
          <dd data-testid="gateway-last-seen">
            {formatDateTime(radio.gateway.lastSeenAt, locale)} <span className="muted">({formatAge(radio.gateway.lastSeenAt, nowMs, locale) ?? t('age.now')})</span>
          </dd>
          <dt>{t('radio.location')}</dt>
          <dd>{t(`radio.location.${radio.gateway.locationSource}`)}</dd>
        </dl>
      )}
      {radio.links.length === 0 ? (
        <p className="muted">{t('radio.none')}</p>
      ) : (
        <table className="radio-links">
          <thead>
            <tr>
              <th>{isGateway ? t('radio.device') : t('radio.gateway')}</th>
              <th>{t('radio.bestRssi')}</th>
              <th>{t('radio.bestSnr')}</th>
              <th>{t('radio.lastHeard')}</th>
            </tr>
          </thead>
          <tbody>
            {radio.links.slice(0, MAX_LINES).map((link) => {
              const target = isGateway ? link.assetId : link.gatewayAssetId;
              const label = isGateway ? (store.getAsset(link.assetId)?.name ?? link.devEui) : link.gatewayName;
              return (
                <tr key={`${link.gatewayId}|${link.devEui}`} data-testid="radio-link" data-gateway-id={link.gatewayId} data-dev-eui={link.devEui}>
                  <td>
                    <button type="button" className="link-button" onClick={() => store.select(target, { fly: true })}>
                      {label}
                    </button>
                  </td>
                  <td data-testid="radio-rssi">{dbm(link.bestRssiDbm, 'dBm')}</td>
                  <td data-testid="radio-snr">{dbm(link.bestSnrDb, 'dB')}</td>
                  <td title={formatDateTime(link.lastAt, locale)}>{formatAge(link.lastAt, nowMs, locale) ?? t('age.now')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {radio.links.length > MAX_LINES && <p className="muted small">+ {radio.links.length - MAX_LINES}</p>}
    </section>
  );
}
