import { SILENCE_CONDITION } from '../rules/conditions';
import { evaluateAsset, refreshStatus, sweepPendingRaises } from '../rules/evaluate';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import type { MaintenanceWindow } from '../../../shared/domain/maintenance';
import type { AlarmBook } from './alarm-book';
import type { MaintenanceBook } from './maintenance-book';

/**
 * What time alone changes in the alarms, run by the hub's periodic sweep and right after a
 * maintenance window is created or deleted: shelved alarms whose expiry passed come back,
 * chattering alarms whose condition stayed clear long enough clear, maintenance windows start or
 * end, and conditions that held through their delay raise their alarm.
 */
export function sweepAlarmTimers(
  state: TerritoryState,
  alarms: AlarmBook,
  maintenance: MaintenanceBook,
  nowMs: number,
  changes: ChangeSet,
): void {
  const at = new Date(nowMs).toISOString();
  for (const alarm of [...alarms.expireShelves(nowMs, changes), ...alarms.settleChattering(nowMs, changes)]) {
    const record = state.assets.get(alarm.assetId);
    if (record) refreshStatus(record, state, alarms, at, changes);
  }
  const { started, ended } = maintenance.advance(nowMs);
  for (const window of started) {
    for (const record of targetedAssets(state, window)) refreshStatus(record, state, alarms, at, changes);
  }
  for (const window of ended) {
    for (const record of targetedAssets(state, window)) {
      if (alarms.underMaintenance(record.asset)) continue;
      returnFromMaintenance(record, state, alarms, at, changes);
    }
  }
  sweepPendingRaises(state, alarms, nowMs, changes);
}

/**
 * At start: windows current now take effect before the first uplink, and an asset left showing
 * `maintenance` by a window that ended while the hub was stopped is evaluated again.
 */
export function reconcileMaintenance(
  state: TerritoryState,
  alarms: AlarmBook,
  maintenance: MaintenanceBook,
  nowMs: number,
  changes: ChangeSet,
): void {
  const at = new Date(nowMs).toISOString();
  maintenance.advance(nowMs);
  for (const record of state.assets.values()) {
    if (alarms.underMaintenance(record.asset)) refreshStatus(record, state, alarms, at, changes);
    else if (record.asset.status === 'maintenance') returnFromMaintenance(record, state, alarms, at, changes);
  }
}

/**
 * The end of a window: the asset's current values are evaluated again and raise as they would
 * have, and a device that went silent meanwhile raises its « pas de données » now.
 */
function returnFromMaintenance(record: AssetRecord, state: TerritoryState, alarms: AlarmBook, at: string, changes: ChangeSet): void {
  if (record.devices.some((d) => d.silent) && !alarms.isActive(record.asset.id, SILENCE_CONDITION.id)) {
    const message = 'Pas de données : l’appareil s’est tu pendant la maintenance';
    alarms.raise(record, SILENCE_CONDITION.id, alarms.thresholds.priorityOf(SILENCE_CONDITION.id, SILENCE_CONDITION.priority), message, at, changes);
  }
  evaluateAsset(record, state, alarms, at, changes);
}

function targetedAssets(state: TerritoryState, window: MaintenanceWindow): AssetRecord[] {
  const { target } = window;
  if ('assetId' in target) {
    const record = state.assets.get(target.assetId);
    return record ? [record] : [];
  }
  const records: AssetRecord[] = [];
  for (const record of state.assets.values()) if (record.asset.commune === target.commune) records.push(record);
  return records;
}
