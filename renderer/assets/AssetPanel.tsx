import { useEffect, useMemo } from 'react';
import { grantFor, seesDevices, viewsCameras, type Asset, type CommandType } from '../../shared';
import { PRIORITY_COLOUR } from '../alarms';
import { CameraView } from '../cameras';
import { DimmingControl, GateControl, RecentCommands, SetpointBoundsForm, SetpointForm, setpointLimits } from '../commands';
import { useConnectionState } from '../connection';
import { formatAge, formatDateTime, useI18n, useNow } from '../i18n';
import { iconNameFor, KindIcon } from '../map';
import { DriftNotice, GateHoursSection, HeatingSection, LightingSection } from '../programmes';
import { statusCss, useActiveAlarms, useAsset, useSelectedAssetId, useStore } from '../state';
import { formatMetrics, splitMetrics } from './metric-format';
import { RadioHealth } from './RadioHealth';

/** The selected asset: what it is, where, its state, latest values, open alarms and commands. */
export function AssetPanel() {
  const selectedId = useSelectedAssetId();
  const asset = useAsset(selectedId);
  if (!asset) return null;
  return <AssetDetails key={asset.id} asset={asset} />;
}

function AssetDetails({ asset }: { asset: Asset }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const store = useStore();
  const alarms = useActiveAlarms();
  const { session } = useConnectionState();
  const nowMs = useNow(30_000);
  const openAlarms = useMemo(() => alarms.filter((a) => a.assetId === asset.id), [alarms, asset.id]);
  const metrics = splitMetrics(formatMetrics(asset.metrics, locale, { yes: t('asset.yes'), no: t('asset.no') }));
  const kindLabel = asset.kind === 'building' && asset.category ? t(`category.${asset.category}`) : t(`kind.${asset.kind}`);
  const isSchool = asset.kind === 'building' && asset.category === 'school';
  const feeder = asset.parentId ? store.getAsset(asset.parentId) : undefined;
  // The form only where the hub says a thermostat takes a setpoint and the user may send one,
  // within the user's own limits (the hub checks again).
  const setpoint = useMemo(() => setpointLimits(asset, session?.user), [asset, session]);
  // What the panel offers: what the asset's devices take and the user may send (the hub checks again).
  const offers = (type: CommandType) => !!session && grantFor(session.user, type) !== undefined && (asset.accepts?.some((a) => a.type === type) ?? false);
  const dimmable = asset.accepts?.some((a) => a.type === 'lighting.dim' && a.dimmable) ?? false;
  const buildingBounds = asset.accepts?.find((a) => a.type === 'heating.setpoint');

  // Escape closes the panel, unless a dialog above it takes the key first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('[role="dialog"]')) store.select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <aside className="asset-panel" data-testid="asset-panel" data-asset-id={asset.id} aria-label={asset.name}>
      <header className="asset-panel__header">
        <KindIcon icon={iconNameFor(asset)} colour={statusCss(asset.status)} sizePx={30} />
        <div className="asset-panel__title">
          <h2 data-testid="asset-name">{asset.name}</h2>
          <p className="muted">
            {kindLabel} · <span data-testid="asset-commune">{store.communeName(asset.commune)}</span>
          </p>
        </div>
        <button type="button" className="icon-button" aria-label={t('asset.close')} title={t('asset.close')} data-testid="asset-close" onClick={() => store.select(null)}>
          ×
        </button>
      </header>

      <div className="asset-panel__body">
        <dl className="facts">
          <dt>{t('asset.status')}</dt>
          <dd data-testid="asset-status" data-status={asset.status}>
            <span className="status-pill" style={{ ['--status' as string]: statusCss(asset.status) }}>
              {t(`status.${asset.status}`)}
            </span>
          </dd>
          <dt>{t('asset.updatedAt')}</dt>
          <dd data-testid="asset-updated-at">
            {formatDateTime(asset.updatedAt, locale)} <span className="muted">({formatAge(asset.updatedAt, nowMs, locale) ?? t('age.now')})</span>
          </dd>
          <dt>{t('asset.commune')}</dt>
          <dd>
            {store.communeName(asset.commune)} <span className="muted">({asset.commune})</span>
          </dd>
          {feeder && (
            <>
              <dt>{t('asset.feeder')}</dt>
              <dd>
                <button type="button" className="link-button" onClick={() => store.select(feeder.id, { fly: true })}>
                  {feeder.name}
                </button>
              </dd>
            </>
          )}
        </dl>

        <section className="panel-section" data-testid="asset-alarms">
          <h3>{t('asset.openAlarms')}</h3>
          {openAlarms.length === 0 ? (
            <p className="muted">{t('asset.noOpenAlarms')}</p>
          ) : (
            <ul className="asset-alarms">
              {openAlarms.map((alarm) => (
                <li key={alarm.id} style={{ ['--priority' as string]: PRIORITY_COLOUR[alarm.priority] }} data-alarm-id={alarm.id}>
                  <span className="priority-badge">{t(`priority.${alarm.priority}`)}</span> {alarm.message}
                  <span className="muted small"> · {t(`alarmState.${alarm.state}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <DriftNotice asset={asset} />
        {setpoint && session && <SetpointForm asset={asset} limits={setpoint} />}
        {asset.kind === 'camera' && session && viewsCameras(session.user.role) && <CameraView asset={asset} />}
        {offers('heating.schedule') && <HeatingSection asset={asset} />}
        {buildingBounds && session?.user.role === 'admin' && <SetpointBoundsForm key={`${buildingBounds.minC}-${buildingBounds.maxC}`} asset={asset} minC={buildingBounds.minC} maxC={buildingBounds.maxC} />}
        {offers('gate.set') && <GateControl asset={asset} />}
        {offers('gate.hours') && <GateHoursSection asset={asset} />}
        {offers('lighting.dim') && <DimmingControl asset={asset} dimmable={dimmable} />}
        {offers('lighting.schedule') && <LightingSection asset={asset} dimmable={dimmable} />}
        <section className="panel-section">
          <h3>{t('asset.metrics')}</h3>
          {metrics.measures.length + metrics.link.length === 0 ? (
            <p className="muted">{t('asset.noMetrics')}</p>
          ) : (
            <dl className="metrics">
              {metrics.measures.map((m) => (
                <div key={m.id} className="metrics__row">
                  <dt>{m.label}</dt>
                  <dd data-testid="metric-value" data-metric={m.id}>
                    {m.text}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {metrics.link.length > 0 && (
            <dl className="link-metrics">
              <dt>{t('asset.link')}</dt>
              {metrics.link.map((m) => (
                <dd key={m.id}>
                  {m.label} <span data-testid="metric-value" data-metric={m.id}>{m.text}</span>
                </dd>
              ))}
            </dl>
          )}
        </section>

        {(isSchool || setpointLimits(asset) || asset.kind === 'gate' || asset.kind === 'lighting-cabinet') && <RecentCommands asset={asset} />}

        {session && seesDevices(session.user.role) && ((asset.devices?.length ?? 0) > 0 || asset.kind === 'gateway') && <RadioHealth asset={asset} />}

        {asset.devices && asset.devices.length > 0 && (
          <section className="panel-section">
            <h3>{t('asset.devices')}</h3>
            <ul className="devices">
              {asset.devices.map((d) => (
                <li key={d.devEui}>
                  <code>{d.devEui}</code> <span className="muted">{d.model}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
}
