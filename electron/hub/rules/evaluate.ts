import type { AssetStatus } from '../../../shared/domain/assets';
import type { AlarmBook } from '../alarms/alarm-book';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import { CONDITIONS_BY_KIND } from './conditions';
import { deriveStatus, lampStatus } from './status';

/**
 * Runs the asset's alarm conditions on its latest values: raises, repeats or clears alarms, then
 * recomputes its status. A cabinet's status change carries over to the street lamps it feeds.
 */
export function evaluateAsset(
  record: AssetRecord,
  state: TerritoryState,
  alarms: AlarmBook,
  at: string,
  changes: ChangeSet,
): void {
  const { asset } = record;
  for (const condition of CONDITIONS_BY_KIND.get(asset.kind) ?? []) {
    const active = alarms.isActive(asset.id, condition.id);
    const holds = condition.holds(asset.metrics, record, active);
    if (holds === undefined) continue;
    if (holds && !active) {
      alarms.raise(record, condition.id, condition.priority, condition.message(asset.metrics, record), at, changes);
    } else if (!holds && active) {
      alarms.clear(asset.id, condition.id, at, changes);
    }
  }
  refreshStatus(record, state, alarms, at, changes);
}

/**
 * Recomputes the status from the shown conditions (shelved alarms count for nothing), silent
 * devices and maintenance windows (an asset under maintenance shows `maintenance`, whatever else
 * holds); records a change. A cabinet's status carries over to the street lamps it feeds.
 */
export function refreshStatus(
  record: AssetRecord,
  state: TerritoryState,
  alarms: AlarmBook,
  at: string,
  changes: ChangeSet,
): void {
  const parent = record.asset.kind === 'street-lamp' && record.asset.parentId ? state.assets.get(record.asset.parentId) : undefined;
  if (parent) {
    setStatus(record, statusOfLamp(record, parent, alarms), at, changes);
    return;
  }
  const conditions = alarms.shownConditions(record.asset.id);
  const status = alarms.underMaintenance(record.asset) ? 'maintenance' : deriveStatus(record, conditions);
  if (!setStatus(record, status, at, changes)) return;
  if (record.asset.kind !== 'lighting-cabinet') return;
  for (const lamp of state.lampsByCabinet.get(record.asset.id) ?? []) setStatus(lamp, statusOfLamp(lamp, record, alarms), at, changes);
}

function statusOfLamp(lamp: AssetRecord, cabinet: AssetRecord, alarms: AlarmBook): AssetStatus {
  return alarms.underMaintenance(lamp.asset) ? 'maintenance' : lampStatus(cabinet, alarms.shownConditions(cabinet.asset.id));
}

/** false when the status did not change. */
function setStatus(record: AssetRecord, status: AssetStatus, at: string, changes: ChangeSet): boolean {
  if (status === record.asset.status) return false;
  record.asset.status = status;
  record.asset.updatedAt = at;
  changes.asset(record);
  return true;
}
