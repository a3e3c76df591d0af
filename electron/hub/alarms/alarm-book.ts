import { randomUUID } from 'node:crypto';
import type { Alarm, AlarmPriority } from '../../../shared/domain/alarms';
import { HubError } from '../errors';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';

/**
 * The alarms of the territory and their lifecycle (ISA-18.2): raised unacknowledged; a repeat
 * while active updates the same alarm; clearing and acknowledging may come in either order; an
 * alarm leaves the list once it is both cleared and acknowledged. Runs inside writer work only.
 */
export class AlarmBook {
  /** `${assetId}|${condition}` of the alarms whose condition still holds. */
  private readonly active = new Map<string, Alarm>();
  private readonly conditionsByAsset = new Map<string, Set<string>>();

  constructor(private readonly state: TerritoryState) {
    for (const alarm of state.alarms.values()) if (!alarm.clearedAt) this.track(alarm);
  }

  /** Conditions holding now for this asset. */
  activeConditions(assetId: string): ReadonlySet<string> {
    return this.conditionsByAsset.get(assetId) ?? EMPTY;
  }

  isActive(assetId: string, condition: string): boolean {
    return this.active.has(`${assetId}|${condition}`);
  }

  raise(record: AssetRecord, condition: string, priority: AlarmPriority, message: string, at: string, changes: ChangeSet): Alarm {
    const existing = this.active.get(`${record.asset.id}|${condition}`);
    if (existing) {
      existing.count += 1;
      existing.lastAt = at;
      existing.message = message;
      changes.alarm(existing);
      return existing;
    }
    const alarm: Alarm = {
      id: `al-${randomUUID()}`,
      assetId: record.asset.id,
      commune: record.asset.commune,
      condition,
      priority,
      state: 'unacknowledged',
      message,
      raisedAt: at,
      lastAt: at,
      count: 1,
    };
    this.track(alarm);
    this.state.alarms.set(alarm.id, alarm);
    changes.alarm(alarm, true);
    return alarm;
  }

  clear(assetId: string, condition: string, at: string, changes: ChangeSet): void {
    const alarm = this.active.get(`${assetId}|${condition}`);
    if (!alarm) return;
    this.untrack(alarm);
    alarm.clearedAt = at;
    alarm.state = alarm.state === 'acknowledged' ? 'cleared' : 'cleared-unacknowledged';
    if (alarm.state === 'cleared') this.state.alarms.delete(alarm.id);
    changes.alarm(alarm);
  }

  acknowledge(alarmId: string, username: string, comment: string | undefined, at: string, changes: ChangeSet): Alarm {
    const alarm = this.state.alarms.get(alarmId);
    if (!alarm) throw new HubError('not-found', 'Alarme introuvable : elle a peut-être déjà été acquittée et résorbée.');
    if (alarm.state !== 'unacknowledged' && alarm.state !== 'cleared-unacknowledged') {
      throw new HubError('alarm.not-active', `Alarme déjà acquittée par ${alarm.acknowledgedBy ?? '?'}.`);
    }
    alarm.state = alarm.state === 'unacknowledged' ? 'acknowledged' : 'cleared';
    alarm.acknowledgedBy = username;
    alarm.acknowledgedAt = at;
    const trimmed = comment?.trim();
    if (trimmed) alarm.comment = trimmed;
    if (alarm.state === 'cleared') this.state.alarms.delete(alarm.id);
    changes.alarm(alarm);
    return alarm;
  }

  private track(alarm: Alarm): void {
    this.active.set(`${alarm.assetId}|${alarm.condition}`, alarm);
    const set = this.conditionsByAsset.get(alarm.assetId) ?? new Set<string>();
    set.add(alarm.condition);
    this.conditionsByAsset.set(alarm.assetId, set);
  }

  private untrack(alarm: Alarm): void {
    this.active.delete(`${alarm.assetId}|${alarm.condition}`);
    this.conditionsByAsset.get(alarm.assetId)?.delete(alarm.condition);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
