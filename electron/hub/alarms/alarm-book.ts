import { randomUUID } from 'node:crypto';
import { ThresholdBook } from '../rules/threshold-book';
import type { Alarm, AlarmPriority } from '../../../shared/domain/alarms';
import { HubError } from '../errors';
import type { ChangeSet } from '../store/change-set';
import type { AssetRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import { ChatterWatch, DEFAULT_CHATTER_SETTLE_S, reopenCycle, withinChatterWindow } from './chattering';

/** Longest shelving by default (EEMUA 191: shelving is for a shift, not a way to forget). */
export const DEFAULT_MAX_SHELVE_H = 24;

/**
 * Comments an alarm keeps at most: every change of the alarm carries them all to every console,
 * so a runaway thread must not make each event hundreds of kilobytes.
 */
export const MAX_ALARM_COMMENTS = 100;

/** Decides whether an alarm about to be raised is suppressed instead (a maintenance window). */
export interface RaiseSuppressor {
  /** true when it recorded the suppression itself and nothing must be raised. */
  suppress(record: AssetRecord, condition: string, priority: AlarmPriority, message: string, changes: ChangeSet): boolean;
  /** Whether the asset shows as under maintenance now. */
  covers(asset: { id: string; commune: string }): boolean;
}

const NO_SUPPRESSION: RaiseSuppressor = { suppress: () => false, covers: () => false };

/** Links an alarm just raised (or reopened) to its cause, or adopts the alarms it explains. */
export interface CauseLinker {
  linkRaised(alarm: Alarm, record: AssetRecord, changes: ChangeSet): void;
}

/**
 * The alarms of the territory and their lifecycle (ISA-18.2): raised unacknowledged; a repeat
 * while active updates the same alarm; clearing and acknowledging may come in either order; an
 * alarm leaves the list once it is both cleared and acknowledged. A shelved alarm is set aside
 * until its expiry: its condition still raises, clears and repeats it (so it comes back in the
 * state it would have now), but it counts for nothing on the map. Runs inside writer work only.
 */
export class AlarmBook {
  /** `${assetId}|${condition}` of the alarms whose condition still holds. */
  private readonly active = new Map<string, Alarm>();
  private readonly conditionsByAsset = new Map<string, Set<string>>();
  /** Shelved alarms whose condition cleared meanwhile: a return of it revives them, still shelved. */
  private readonly shelvedResting = new Map<string, Alarm>();
  /** The last alarm of each (asset, condition) that cleared within the chatter window: a return reopens it. */
  private readonly recentlyCleared = new Map<string, Alarm>();
  /**
   * The alarm of each (asset, condition) that cleared before anyone acknowledged it, still on the
   * list: a return of the condition brings it back rather than raising a second one beside it, so
   * an unattended flapping point holds one entry, not one per episode (ISA-18.2: a return to
   * normal unacknowledged goes back to active unacknowledged). Checked when used: an entry whose
   * alarm was acknowledged, shelved or reopened since is stale and ignored.
   */
  private readonly awaitingAck = new Map<string, Alarm>();
  /** Chattering alarms whose condition cleared: active until it stays clear for `settleMs`. */
  private readonly settling = new Map<string, { alarm: Alarm; clearSinceMs: number }>();
  private readonly chatter = new ChatterWatch();
  readonly maxShelveMs: number;
  readonly settleMs: number;
  private readonly suppressor: RaiseSuppressor;
  /** Set once the gateways are known (see hub.ts): causes are linked from then on. */
  causes: CauseLinker | undefined;
  /** The conditions' settings in force and the raises waiting for their delay. */
  readonly thresholds: ThresholdBook;

  constructor(
    private readonly state: TerritoryState,
    options: { maxShelveH?: number; suppressor?: RaiseSuppressor; chatterSettleS?: number; thresholds?: ThresholdBook } = {},
  ) {
    this.thresholds = options.thresholds ?? new ThresholdBook();
    this.maxShelveMs = (options.maxShelveH ?? DEFAULT_MAX_SHELVE_H) * 3_600_000;
    this.settleMs = (options.chatterSettleS ?? DEFAULT_CHATTER_SETTLE_S) * 1000;
    this.suppressor = options.suppressor ?? NO_SUPPRESSION;
    for (const alarm of state.alarms.values()) {
      if (!alarm.clearedAt) this.track(alarm);
      else if (alarm.state === 'shelved') this.shelvedResting.set(keyOf(alarm), alarm);
      else if (alarm.state === 'cleared-unacknowledged') this.awaitingAck.set(keyOf(alarm), alarm);
    }
  }

  /** Conditions holding now for this asset, shelved or not (what the rules' hysteresis needs). */
  activeConditions(assetId: string): ReadonlySet<string> {
    return this.conditionsByAsset.get(assetId) ?? EMPTY;
  }

  /** Conditions that make the asset's status: shelved alarms are suppressed on the map too. */
  shownConditions(assetId: string): ReadonlySet<string> {
    const all = this.activeConditions(assetId);
    let shown: Set<string> | undefined;
    for (const condition of all) {
      if (this.active.get(`${assetId}|${condition}`)?.state !== 'shelved') continue;
      shown ??= new Set(all);
      shown.delete(condition);
    }
    return shown ?? all;
  }

  /** Whether the asset is under a maintenance window now. */
  underMaintenance(asset: { id: string; commune: string }): boolean {
    return this.suppressor.covers(asset);
  }

  isActive(assetId: string, condition: string): boolean {
    return this.active.has(`${assetId}|${condition}`);
  }

  /** The alarm of (asset, condition) while its condition holds. */
  activeAlarm(assetId: string, condition: string): Alarm | undefined {
    return this.active.get(`${assetId}|${condition}`);
  }

  /**
   * Raises, repeats or revives the alarm; undefined when a maintenance window suppressed it. A
   * return within the chatter window reopens the alarm that just cleared (see chattering.ts).
   */
  raise(record: AssetRecord, condition: string, priority: AlarmPriority, message: string, at: string, changes: ChangeSet): Alarm | undefined {
    const key = `${record.asset.id}|${condition}`;
    const existing = this.active.get(key) ?? this.revive(key);
    if (existing) {
      existing.count += 1;
      existing.lastAt = at;
      existing.message = message;
      changes.alarm(existing);
      return existing;
    }
    const atMs = Date.parse(at);
    const raisesInWindow = this.chatter.noteRaise(key, atMs);
    const returning = this.settling.get(key)?.alarm ?? this.reopenable(key, atMs) ?? this.standingUnacknowledged(key);
    if (returning) {
      this.settling.delete(key);
      this.recentlyCleared.delete(key);
      this.awaitingAck.delete(key);
      this.reopen(returning, raisesInWindow, message, at);
      changes.alarm(returning);
      this.causes?.linkRaised(returning, record, changes);
      return returning;
    }
    if (this.suppressor.suppress(record, condition, priority, message, changes)) return undefined;
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
    this.causes?.linkRaised(alarm, record, changes);
    return alarm;
  }

  /** The condition no longer holds; a chattering alarm stays active until it has settled. */
  clear(assetId: string, condition: string, at: string, changes: ChangeSet): void {
    const alarm = this.active.get(`${assetId}|${condition}`);
    if (!alarm) return;
    this.untrack(alarm);
    if (alarm.chattering) {
      this.settling.set(keyOf(alarm), { alarm, clearSinceMs: Date.parse(at) });
      return;
    }
    this.finishClear(alarm, at, changes);
  }

  /**
   * Clears the chattering alarms whose condition stayed clear for the settle time, and forgets
   * what left the chatter window; returns the alarms cleared (their assets' status may change).
   */
  settleChattering(nowMs: number, changes: ChangeSet): Alarm[] {
    const settled: Alarm[] = [];
    for (const [key, { alarm, clearSinceMs }] of this.settling) {
      if (nowMs - clearSinceMs < this.settleMs) continue;
      this.settling.delete(key);
      this.finishClear(alarm, new Date(nowMs).toISOString(), changes);
      settled.push(alarm);
    }
    this.chatter.prune(nowMs);
    for (const [key, alarm] of this.recentlyCleared) {
      if (!withinChatterWindow(alarm.clearedAt, nowMs)) this.recentlyCleared.delete(key);
    }
    return settled;
  }

  private finishClear(alarm: Alarm, at: string, changes: ChangeSet): void {
    alarm.clearedAt = at;
    if (alarm.state === 'shelved') this.shelvedResting.set(keyOf(alarm), alarm);
    else {
      alarm.state = alarm.state === 'acknowledged' ? 'cleared' : 'cleared-unacknowledged';
      this.recentlyCleared.set(keyOf(alarm), alarm);
      if (alarm.state === 'cleared-unacknowledged') this.awaitingAck.set(keyOf(alarm), alarm);
    }
    if (alarm.state === 'cleared') this.state.alarms.delete(alarm.id);
    changes.alarm(alarm);
  }

  /** The alarm that cleared moments ago for this key, if a return now is one more cycle of it. */
  private reopenable(key: string, atMs: number): Alarm | undefined {
    const alarm = this.recentlyCleared.get(key);
    return alarm && alarm.state !== 'shelved' && withinChatterWindow(alarm.clearedAt, atMs) ? alarm : undefined;
  }

  /** The alarm of this key that cleared unacknowledged and is still on the list, if any. */
  private standingUnacknowledged(key: string): Alarm | undefined {
    const alarm = this.awaitingAck.get(key);
    if (alarm && alarm.state === 'cleared-unacknowledged' && this.state.alarms.get(alarm.id) === alarm) return alarm;
    this.awaitingAck.delete(key);
    return undefined;
  }

  /** One more cycle of the same alarm (see `reopenCycle`), back on the list and tracked. */
  private reopen(alarm: Alarm, raisesInWindow: number, message: string, at: string): void {
    reopenCycle(alarm, this.chatter.isChattering(raisesInWindow), message, at);
    this.state.alarms.set(alarm.id, alarm);
    this.track(alarm);
  }

  acknowledge(alarmId: string, username: string, comment: string | undefined, at: string, changes: ChangeSet): Alarm {
    const alarm = this.state.alarms.get(alarmId);
    if (!alarm) throw new HubError('not-found', 'Alarme introuvable : elle a peut-être déjà été acquittée et résorbée.');
    if (alarm.state === 'shelved') throw new HubError('alarm.shelved');
    if (alarm.state !== 'unacknowledged' && alarm.state !== 'cleared-unacknowledged') {
      throw new HubError('alarm.not-active', `Alarme déjà acquittée par ${alarm.acknowledgedBy ?? '?'}.`);
    }
    alarm.state = alarm.state === 'unacknowledged' ? 'acknowledged' : 'cleared';
    alarm.acknowledgedBy = username;
    alarm.acknowledgedAt = at;
    const trimmed = comment?.trim();
    if (trimmed) alarm.comment = trimmed;
    if (alarm.state === 'cleared') {
      this.state.alarms.delete(alarm.id);
      this.awaitingAck.delete(keyOf(alarm));
    }
    changes.alarm(alarm);
    return alarm;
  }

  /** Appends a comment to an alarm still on the list (or shelved). */
  comment(alarmId: string, username: string, text: string, at: string, changes: ChangeSet): Alarm {
    const alarm = this.state.alarms.get(alarmId);
    if (!alarm) throw new HubError('not-found', 'Alarme introuvable ou hors de votre périmètre.');
    checkCommentRoom(alarm);
    alarm.comments = [...(alarm.comments ?? []), { by: username, at, text }];
    changes.alarm(alarm);
    return alarm;
  }

  /**
   * Sets the alarm aside until `untilMs`, at most `maxShelveMs` from now. An alarm already
   * acknowledged and cleared is gone from the list: nothing to shelve.
   */
  shelve(alarmId: string, username: string, reason: string, untilMs: number, nowMs: number, changes: ChangeSet): Alarm {
    const alarm = this.state.alarms.get(alarmId);
    if (!alarm) throw new HubError('not-found', 'Alarme introuvable ou hors de votre périmètre.');
    if (alarm.state === 'shelved') {
      throw new HubError('alarm.shelved', `Alarme déjà mise de côté par ${alarm.shelvedBy ?? '?'} : réintégrez-la d’abord.`);
    }
    checkShelveExpiry(untilMs, nowMs, this.maxShelveMs);
    alarm.state = 'shelved';
    alarm.shelvedBy = username;
    alarm.shelvedAt = new Date(nowMs).toISOString();
    alarm.shelvedUntil = new Date(untilMs).toISOString();
    alarm.shelveReason = reason;
    if (alarm.clearedAt) this.shelvedResting.set(keyOf(alarm), alarm);
    changes.alarm(alarm);
    return alarm;
  }

  /**
   * Brings a shelved alarm back, in the state it would have now: unacknowledged while its
   * condition holds, cleared-unacknowledged if it cleared meanwhile (someone must still look).
   */
  unshelve(alarmId: string, changes: ChangeSet): Alarm {
    const alarm = this.state.alarms.get(alarmId);
    if (!alarm) throw new HubError('not-found', 'Alarme introuvable ou hors de votre périmètre.');
    if (alarm.state !== 'shelved') throw new HubError('alarm.not-shelved');
    this.shelvedResting.delete(keyOf(alarm));
    alarm.state = alarm.clearedAt ? 'cleared-unacknowledged' : 'unacknowledged';
    if (alarm.state === 'cleared-unacknowledged') this.awaitingAck.set(keyOf(alarm), alarm);
    delete alarm.shelvedBy;
    delete alarm.shelvedAt;
    delete alarm.shelvedUntil;
    delete alarm.shelveReason;
    changes.alarm(alarm);
    return alarm;
  }

  /** Brings back every shelved alarm whose expiry passed; returns them. */
  expireShelves(nowMs: number, changes: ChangeSet): Alarm[] {
    const due: Alarm[] = [];
    for (const alarm of this.state.alarms.values()) {
      if (alarm.state === 'shelved' && Date.parse(alarm.shelvedUntil ?? '') <= nowMs) due.push(alarm);
    }
    for (const alarm of due) this.unshelve(alarm.id, changes);
    return due;
  }

  /** A shelved alarm that cleared, revived when its condition returns. */
  private revive(key: string): Alarm | undefined {
    const alarm = this.shelvedResting.get(key);
    if (!alarm) return undefined;
    this.shelvedResting.delete(key);
    delete alarm.clearedAt;
    this.track(alarm);
    return alarm;
  }

  private track(alarm: Alarm): void {
    this.active.set(keyOf(alarm), alarm);
    const set = this.conditionsByAsset.get(alarm.assetId) ?? new Set<string>();
    set.add(alarm.condition);
    this.conditionsByAsset.set(alarm.assetId, set);
  }

  private untrack(alarm: Alarm): void {
    this.active.delete(keyOf(alarm));
    this.conditionsByAsset.get(alarm.assetId)?.delete(alarm.condition);
  }
}

function keyOf(alarm: Alarm): string {
  return `${alarm.assetId}|${alarm.condition}`;
}

/** Refuses a comment past `MAX_ALARM_COMMENTS`; the main courante takes longer threads. */
export function checkCommentRoom(alarm: Alarm): void {
  if ((alarm.comments?.length ?? 0) >= MAX_ALARM_COMMENTS) {
    throw new HubError('invalid', `Cette alarme a déjà ${MAX_ALARM_COMMENTS} commentaires : poursuivez dans la main courante.`);
  }
}

function checkShelveExpiry(untilMs: number, nowMs: number, maxShelveMs: number): void {
  if (!(untilMs > nowMs)) throw new HubError('invalid', 'L’échéance de la mise de côté doit être dans le futur.');
  if (untilMs - nowMs > maxShelveMs) {
    const maxHours = maxShelveMs / 3_600_000;
    throw new HubError('alarm.shelve-too-long', `Mise de côté limitée à ${maxHours} h : choisissez une échéance plus proche.`, { maxHours });
  }
}

const EMPTY: ReadonlySet<string> = new Set();
