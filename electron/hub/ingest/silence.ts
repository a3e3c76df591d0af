import type { AlarmBook } from '../alarms/alarm-book';
import { SILENCE_CONDITION } from '../rules/conditions';
import { refreshStatus } from '../rules/evaluate';
import { formatDurationFr } from '../rules/format';
import type { ChangeSet } from '../store/change-set';
import type { TerritoryState } from '../state/territory-state';

/**
 * Marks devices silent when they missed several expected uplinks (a gateway down, a flat
 * battery, a device out of coverage) and raises « pas de données »; a device heard again clears it.
 * `startedAt` (or a later declaration) stands in for the last uplink of devices never heard since.
 */
export function sweepSilences(
  state: TerritoryState,
  alarms: AlarmBook,
  nowMs: number,
  startedAtMs: number,
  changes: ChangeSet,
): void {
  const at = new Date(nowMs).toISOString();
  const silenceSettings = alarms.thresholds.get(SILENCE_CONDITION.id);
  const missedPeriods = silenceSettings?.raise ?? SILENCE_CONDITION.missedPeriods;
  const priority = silenceSettings?.priority ?? SILENCE_CONDITION.priority;
  for (const device of state.devices.values()) {
    const lastHeard = Math.max(device.lastUplinkAt ?? 0, device.declaredAt ?? 0, startedAtMs);
    const silentForMs = nowMs - lastHeard;
    const silent = silentForMs > device.uplinkPeriodS * 1000 * missedPeriods;
    const record = state.assets.get(device.assetId);
    if (!record) continue;
    const active = alarms.isActive(record.asset.id, SILENCE_CONDITION.id);
    if (silent && !device.silent) {
      device.silent = true;
      if (!active) {
        const message = `Pas de données depuis ${formatDurationFr(silentForMs)} (attendu toutes les ${formatDurationFr(
          device.uplinkPeriodS * 1000,
        )})`;
        alarms.raise(record, SILENCE_CONDITION.id, priority, message, at, changes);
      }
      refreshStatus(record, state, alarms, at, changes);
    } else if (!silent && active && record.devices.every((d) => !d.silent)) {
      alarms.clear(record.asset.id, SILENCE_CONDITION.id, at, changes);
      refreshStatus(record, state, alarms, at, changes);
    }
  }
}
