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

/** Recomputes the status from the active conditions and silent devices; records a change. */
export function refreshStatus(
  record: AssetRecord,
  state: TerritoryState,
  alarms: AlarmBook,
  at: string,
  changes: ChangeSet,
): void {
  const conditions = alarms.activeConditions(record.asset.id);
  const status = deriveStatus(record, conditions);
  if (status === record.asset.status) return;
  record.asset.status = status;
  record.asset.updatedAt = at;
  changes.asset(record);
  if (record.asset.kind !== 'lighting-cabinet') return;
  const lampsStatus = lampStatus(record, conditions);
  for (const lamp of state.lampsByCabinet.get(record.asset.id) ?? []) {
    if (lamp.asset.status === lampsStatus) continue;
    lamp.asset.status = lampsStatus;
    lamp.asset.updatedAt = at;
    changes.asset(lamp);
  }
}
