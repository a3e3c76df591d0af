import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { deviceModelName, type RegisteredDevice } from '../../../shared';
import { useConnectionState, useHubClient } from '../../connection';
import { formatDateTime, formatNumber, useI18n, useNow } from '../../i18n';
import { formatBattery, formatDevEui, formatLastHeard, formatLink } from './device-format';

/** Rows per page: a screenful; the hub pages and filters, the registry may hold 100k devices. */
const PAGE_SIZE = 50;

interface Page {
  total: number;
  offset: number;
  devices: RegisteredDevice[];
}

/** The registry: search and pages run in the hub, each row with its asset and radio health. */
export function DeviceRegistry() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const client = useHubClient();
  const { session } = useConnectionState();
  const now = useNow();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => setOffset(0), [deferredQuery]);

  useEffect(() => {
    let cancelled = false;
    client
      .request('device.list', { query: deferredQuery, offset, limit: PAGE_SIZE })
      .then((reply) => {
        if (cancelled) return;
        setPage(reply);
        setError(null);
      })
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [client, deferredQuery, offset, reload]);

  const remove = useCallback(
    (devEui: string) => {
      if (!window.confirm(t('devices.removeConfirm', { devEui: formatDevEui(devEui) }))) return;
      client
        .request('device.remove', { devEui })
        .then(() => {
          setNotice(t('devices.removed', { devEui: formatDevEui(devEui) }));
          setReload((n) => n + 1);
        })
        .catch((e: Error) => setError(e.message));
    },
    [client, t],
  );

  const isAdmin = session?.user.role === 'admin';
  const shownTo = page ? page.offset + page.devices.length : 0;

  return (
    <section className="devices__pane" data-testid="device-registry">
      <div className="devices__toolbar">
        <input
          type="search"
          className="devices__search"
          data-testid="device-search"
          placeholder={t('devices.search')}
          aria-label={t('devices.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {page && (
          <span className="muted" data-testid="device-total">
            {page.total === 0
              ? t('devices.total', { count: 0 })
              : t('devices.page', { from: formatNumber(page.offset + 1, 0, locale), to: formatNumber(shownTo, 0, locale), total: formatNumber(page.total, 0, locale) })}
          </span>
        )}
        <button type="button" className="button button--small" onClick={() => setReload((n) => n + 1)}>
          {t('devices.refresh')}
        </button>
        <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          {t('devices.previous')}
        </button>
        <button type="button" className="button button--small" data-testid="device-next" disabled={!page || shownTo >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          {t('devices.next')}
        </button>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      {notice && <p className="devices__notice" role="status">{notice}</p>}
      {!page && !error && <p className="muted">{t('devices.loading')}</p>}
      {page && page.devices.length === 0 && <p className="muted">{t('devices.none')}</p>}
      {page && page.devices.length > 0 && (
        <table className="devices__table">
          <thead>
            <tr>
              <th>{t('devices.col.devEui')}</th>
              <th>{t('devices.col.model')}</th>
              <th>{t('devices.col.asset')}</th>
              <th>{t('devices.col.lastUplink')}</th>
              <th>{t('devices.col.lastJoin')}</th>
              <th>{t('devices.col.link')}</th>
              <th>{t('devices.col.lost')}</th>
              <th>{t('devices.col.battery')}</th>
              <th>{t('devices.col.gateway')}</th>
              {isAdmin && <th aria-label={t('devices.remove')} />}
            </tr>
          </thead>
          <tbody>
            {page.devices.map((device) => (
              <tr key={device.devEui} data-testid="device-row" data-dev-eui={device.devEui}>
                <td className="devices__eui">{formatDevEui(device.devEui)}</td>
                <td title={device.model}>{deviceModelName(device.model)}</td>
                <td>
                  {device.asset.name}
                  <span className="devices__sub">{device.asset.communeName}</span>
                </td>
                <td title={device.health.lastUplinkAt ? formatDateTime(device.health.lastUplinkAt, locale) : undefined}>
                  {formatLastHeard(device.health.lastUplinkAt, now, i18n)}
                  {device.health.silent && <span className="devices__silent">{t('devices.silent')}</span>}
                </td>
                <td
                  data-testid="device-last-join"
                  title={device.health.lastJoinAt ? `${formatDateTime(device.health.lastJoinAt, locale)} · ${t('devices.joinCount', { count: device.health.joinCount })}` : undefined}
                >
                  {device.health.lastJoinAt ? formatLastHeard(device.health.lastJoinAt, now, i18n) : t('devices.neverJoined')}
                </td>
                <td>{formatLink(device.health.rssiDbm, device.health.snrDb, i18n)}</td>
                <td>{device.health.uplinksLost === null ? '—' : formatNumber(device.health.uplinksLost, 0, locale)}</td>
                <td>{formatBattery(device.health.batteryPercent, device.health.batteryV, i18n)}</td>
                <td className="devices__eui">{device.health.gatewayId ?? '—'}</td>
                {isAdmin && (
                  <td>
                    <button type="button" className="link-button" onClick={() => remove(device.devEui)}>
                      {t('devices.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted devices__note">{t('devices.healthNote')}</p>
    </section>
  );
}
