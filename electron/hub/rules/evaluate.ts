import type { AssetStatus } from '../../../shared/domain/assets';
import type { AlarmBook } from '../alarms/alarm-book';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import { CONDITIONS_BY_KIND, type RuleContext } from './conditions';
import { deriveStatus, lampStatus } from './status';

/**
 * Runs the asset's alarm conditions on its latest values: raises, repeats or clears alarms, then
 * recomputes its status. A cabinet's status change carries over to the street lamps it feeds.
 *
 * A condition with a delay must hold that long before its alarm is raised: the first time it
 * holds starts a pending raise, later uplinks (or the periodic sweep, see `sweepPendingRaises`)
 * raise it once the delay ran out; a value back past the clear value cancels it. While pending,
 * the condition is judged with its hysteresis, like an active alarm.
 */
export function evaluateAsset(
  record: AssetRecord,
  state: TerritoryState,
  alarms: AlarmBook,
  at: string,
  changes: ChangeSet,
): void {
  const { asset } = record;
  const { thresholds } = alarms;
  const atMs = Date.parse(at);
  // One context per evaluation, not per condition: this runs on every uplink.
  const context: RuleContext = {
    threshold: undefined as never,
    atMs,
    gateHours: thresholds.gateHours,
    settingsOf: thresholds.settingsOf,
    active: alarms.activeConditions(asset.id),
  };
  for (const condition of CONDITIONS_BY_KIND.get(asset.kind) ?? []) {
    const threshold = thresholds.get(condition.id)!;
    context.threshold = threshold;
    const active = alarms.isActive(asset.id, condition.id);
    const pendingSinceMs = active ? undefined : thresholds.pendingSince(asset.id, condition.id);
    const holds = condition.holds(asset.metrics, record, active || pendingSinceMs !== undefined, context);
    if (holds === undefined) continue;
    if (holds && !active) {
      const sinceMs = pendingSinceMs ?? atMs;
      if (atMs - sinceMs < threshold.delaySeconds * 1000) {
        if (pendingSinceMs === undefined) thresholds.startPending(asset.id, condition.id, atMs);
        continue;
      }
      if (pendingSinceMs !== undefined) thresholds.cancelPending(asset.id, condition.id);
      alarms.raise(record, condition.id, threshold.priority, condition.message(asset.metrics, record, threshold), at, changes);
    } else if (!holds) {
      if (pendingSinceMs !== undefined) thresholds.cancelPending(asset.id, condition.id);
      if (active) alarms.clear(asset.id, condition.id, at, changes);
    }
  }
  refreshStatus(record, state, alarms, at, changes);
}

/** Raises the pending alarms whose delay ran out, judged again on the assets' current values. */
export function sweepPendingRaises(state: TerritoryState, alarms: AlarmBook, nowMs: number, changes: ChangeSet): void {
  const at = new Date(nowMs).toISOString();
  for (const assetId of alarms.thresholds.dueAssets(nowMs)) {
    const record = state.assets.get(assetId);
    if (record) evaluateAsset(record, state, alarms, at, changes);
    else alarms.thresholds.forgetAsset(assetId);
  }
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
