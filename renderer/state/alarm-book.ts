import { compareAlarmsNewestFirst, isAlarmActive, type Alarm } from '../../shared';

export interface AlarmCounts {
  active: number;
  unacknowledged: number;
}

function needsAcknowledgement(alarm: Alarm): boolean {
  return alarm.state === 'unacknowledged' || alarm.state === 'cleared-unacknowledged';
}

/**
 * The operators' alarm list: only active alarms are kept (an alarm leaves once acknowledged and
 * cleared). The sorted list is rebuilt lazily, once per frame at most, and keeps its identity
 * while nothing changed so React can skip the list.
 */
export class AlarmBook {
  private readonly byId = new Map<string, Alarm>();
  /** Shelved alarms: off the list, counted and shown apart (the snapshot includes them). */
  private readonly shelvedById = new Map<string, Alarm>();
  private sorted: readonly Alarm[] = [];
  private shelvedSorted: readonly Alarm[] = [];
  private counts: AlarmCounts = { active: 0, unacknowledged: 0 };
  private dirty = false;

  replaceAll(alarms: readonly Alarm[]): void {
    this.byId.clear();
    this.shelvedById.clear();
    for (const alarm of alarms) this.place(alarm);
    this.dirty = true;
  }

  /** An `alarm.raised` or `alarm.updated`: the alarm as it now is. */
  apply(alarm: Alarm): void {
    this.byId.delete(alarm.id);
    this.shelvedById.delete(alarm.id);
    this.place(alarm);
    this.dirty = true;
  }

  private place(alarm: Alarm): void {
    if (isAlarmActive(alarm.state)) this.byId.set(alarm.id, alarm);
    else if (alarm.state === 'shelved') this.shelvedById.set(alarm.id, alarm);
  }

  get(id: string): Alarm | undefined {
    return this.byId.get(id) ?? this.shelvedById.get(id);
  }

  /** Shelved alarms, newest first. */
  shelved(): readonly Alarm[] {
    this.refresh();
    return this.shelvedSorted;
  }

  /** Active alarms, newest first. */
  active(): readonly Alarm[] {
    this.refresh();
    return this.sorted;
  }

  activeCounts(): AlarmCounts {
    this.refresh();
    return this.counts;
  }

  forAsset(assetId: string): Alarm[] {
    return this.active().filter((alarm) => alarm.assetId === assetId);
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.sorted = [...this.byId.values()].sort(compareAlarmsNewestFirst);
    this.shelvedSorted = [...this.shelvedById.values()].sort(compareAlarmsNewestFirst);
    let unacknowledged = 0;
    for (const alarm of this.sorted) if (needsAcknowledgement(alarm)) unacknowledged += 1;
    this.counts = { active: this.sorted.length, unacknowledged };
  }
}
