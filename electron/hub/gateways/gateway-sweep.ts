import type { AlarmBook } from '../alarms/alarm-book';
import { GATEWAY_SILENCE } from '../rules/conditions';
import { refreshStatus } from '../rules/evaluate';
import { formatDurationFr } from '../rules/format';
import type { ChangeSet } from '../store/change-set';
import type { TerritoryState } from '../state/territory-state';
import type { GatewayBook, GatewayRecord } from './gateway-book';

/**
 * Marks gateways silent when nothing came through them for `missedPeriods` periods of the most
 * frequent device they hear, and raises « Passerelle muette » on them (high); a gateway heard
 * again clears it. Runs before the devices' silence sweep, so that the « pas de données » of the
 * devices behind it find their cause already raised. Also brings each gateway's counters on the
 * map up to date (once per sweep, not once per uplink: they would double the event stream).
 * `startedAtMs` stands in for the last uplink of a gateway not heard since the hub started.
 */
export function sweepGateways(
  state: TerritoryState,
  gateways: GatewayBook,
  alarms: AlarmBook,
  nowMs: number,
  startedAtMs: number,
  missedPeriods: number,
  changes: ChangeSet,
): void {
  const at = new Date(nowMs).toISOString();
  for (const gateway of gateways.gateways.values()) {
    const record = state.assets.get(gateway.assetId);
    if (!record) continue;
    refreshCounters(gateway, record.asset.metrics, () => changes.asset(record));
    const periodS = gateways.expectedPeriodS(gateway);
    if (periodS === undefined) continue;
    const silentForMs = nowMs - Math.max(gateway.lastSeenMs, startedAtMs);
    const silent = silentForMs > periodS * 1000 * missedPeriods;
    const active = alarms.isActive(record.asset.id, GATEWAY_SILENCE.id);
    if (silent && !active) {
      const message = `Passerelle muette : aucune remontée depuis ${formatDurationFr(silentForMs)} (${gateway.links.size} appareils entendus)`;
      alarms.raise(record, GATEWAY_SILENCE.id, alarms.thresholds.priorityOf(GATEWAY_SILENCE.id, GATEWAY_SILENCE.priority), message, at, changes);
      refreshStatus(record, state, alarms, at, changes);
    } else if (!silent && active) {
      alarms.clear(record.asset.id, GATEWAY_SILENCE.id, at, changes);
      refreshStatus(record, state, alarms, at, changes);
    }
  }
}

function refreshCounters(gateway: GatewayRecord, metrics: Record<string, unknown>, changed: () => void): void {
  if (metrics.uplinks === gateway.uplinks && metrics.devicesHeard === gateway.links.size) return;
  metrics.uplinks = gateway.uplinks;
  metrics.devicesHeard = gateway.links.size;
  changed();
}
