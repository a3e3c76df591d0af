import type { Alarm, Asset, AssetKind, Command, EventsMessage, JournalEvent, LogbookEntry, SnapshotMessage, Territory } from '../../shared';
import type { Threshold } from '../../shared/domain/thresholds';
import type { SnapshotFrame, SnapshotHead } from '../../shared/protocol/snapshot-frame';
import { AlarmBook, type AlarmCounts } from './alarm-book';
import { AssetBuffers } from './asset-buffers';
import { CommandBook } from './command-book';
import type { FrameScheduler } from './frame-scheduler';

/** What the map redraws after a frame: new layout, or colours/positions changed in place. */
export interface AssetsChange {
  buffers: AssetBuffers;
  layout: boolean;
  colourKinds: ReadonlySet<AssetKind>;
  /**
   * Buffer indexes whose status (so colour) changed, possibly repeated; meaningful only when
   * `layout` is false. Lets the map redo only what those assets touch.
   */
  colourIndexes: readonly number[];
  positionKinds: ReadonlySet<AssetKind>;
  /** An asset started or stopped drifting (its device reports something else than asked). */
  drift: boolean;
  /** A gate reported a new position (open or closed), which the map shows. */
  gatePositions?: boolean;
}

type FrameChange = { layout: boolean; colourKinds: Set<AssetKind>; colourIndexes: number[]; positionKinds: Set<AssetKind>; drift: boolean; gatePositions?: boolean };

/** The slice React renders from; a new object only when something in it changed. */
export interface ConsoleView {
  ready: boolean;
  owner: string | null;
  territory: Territory | null;
  alarms: readonly Alarm[];
  alarmCounts: AlarmCounts;
  /** Off the list until unshelved (by hand or at their expiry). */
  shelvedAlarms: readonly Alarm[];
  selectedAssetId: string | null;
  /** The group a group command will act on (highlighted on the map), and whether a lasso is being drawn. */
  group: GroupSelection;
  lastSeq: number;
  assetCount: number;
}

/** Counters for tests and benchmarks (read through `window.__beffroiDebug`). */
export interface StoreStats {
  framesApplied: number;
  lastApplyMs: number;
  /** Sum of every frame's apply time: a benchmark reads it before and after, no sampling. */
  applyMsTotal: number;
  lastFrameEvents: number;
  eventsApplied: number;
  eventsIgnored: number;
  snapshotsApplied: number;
}

type Queued =
  | { kind: 'snapshot'; message: SnapshotMessage; owner: string }
  | { kind: 'frame'; frame: SnapshotFrame; owner: string }
  | { kind: 'events'; events: JournalEvent[] };

export type FlyListener = (asset: Asset) => void;

/** A polygon drawn on the map, as [lon, lat] vertices. */
export type LonLatPolygon = readonly (readonly [number, number])[];

export interface GroupSelection {
  lassoing: boolean;
  ids: ReadonlySet<string>;
}

const NO_GROUP: GroupSelection = { lassoing: false, ids: new Set() };

/**
 * The console's state. Everything from the hub is queued and applied in one go per animation
 * frame: a thousand status changes in a frame cost one pass over the queue, one notification,
 * one buffer upload and one redraw. A snapshot replaces everything; an event at or below the last
 * applied seq is a duplicate (a resubscribe overlapping what we had) and is ignored.
 */
export class ConsoleStore {
  private queue: Queued[] = [];
  private buffers = AssetBuffers.empty();
  private readonly alarms = new AlarmBook();
  private readonly commands = new CommandBook();
  private territory: Territory | null = null;
  private communeNames = new Map<string, string>();
  private owner: string | null = null;
  private seq = -1;
  private selectedAssetId: string | null = null;
  private group: GroupSelection = NO_GROUP;
  private readonly lassoListeners = new Set<(polygon: LonLatPolygon) => void>();
  private view: ConsoleView;
  private readonly listeners = new Set<() => void>();
  private readonly assetListeners = new Set<(change: AssetsChange) => void>();
  private readonly drifting = new Set<string>();
  private readonly flyListeners = new Set<FlyListener>();
  private readonly raisedListeners = new Set<(alarms: readonly Alarm[]) => void>();
  private raisedThisFrame: Alarm[] = [];
  private readonly logbookListeners = new Set<(entries: readonly LogbookEntry[]) => void>();
  private logbookThisFrame: LogbookEntry[] = [];
  private readonly thresholdListeners = new Set<(threshold: Threshold) => void>();
  private readonly scheduler: FrameScheduler;
  private readonly now: () => number;
  readonly stats: StoreStats = { framesApplied: 0, lastApplyMs: 0, applyMsTotal: 0, lastFrameEvents: 0, eventsApplied: 0, eventsIgnored: 0, snapshotsApplied: 0 };

  constructor(createScheduler: (apply: () => void) => FrameScheduler, now: () => number = () => performance.now()) {
    this.scheduler = createScheduler(() => this.flush());
    this.now = now;
    this.view = this.buildView();
  }

  // ─── the hub stream (HubStreamSink) ─────────────────────────────────────────────────────────

  lastSeq(username: string): number | null {
    this.flush();
    return this.owner === username && this.seq >= 0 ? this.seq : null;
  }

  snapshot(message: SnapshotMessage, owner: string): void {
    // Anything queued before a snapshot is superseded by it.
    this.queue = [{ kind: 'snapshot', message, owner }];
    this.scheduler.request();
  }

  snapshotFrame(frame: SnapshotFrame, owner: string): void {
    this.queue = [{ kind: 'frame', frame, owner }];
    this.scheduler.request();
  }

  events(message: EventsMessage): void {
    if (message.events.length === 0) return;
    this.queue.push({ kind: 'events', events: message.events });
    this.scheduler.request();
  }

  /** Applies everything queued; called once per frame by the scheduler (or before a resubscribe). */
  flush(): void {
    if (this.queue.length === 0) return;
    const started = this.now();
    const queue = this.queue;
    this.queue = [];
    const change: FrameChange = { layout: false, colourKinds: new Set(), colourIndexes: [], positionKinds: new Set(), drift: false };
    const newAssets: Asset[] = [];
    let applied = 0;
    for (const item of queue) {
      if (item.kind === 'snapshot' || item.kind === 'frame') {
        if (item.kind === 'snapshot') this.applySnapshot(item.message, AssetBuffers.fromAssets(item.message.assets), item.owner);
        else {
          this.applySnapshot(item.frame.head, AssetBuffers.fromFrame(item.frame), item.owner);
          performance.mark('beffroi.snapshot.stored');
        }
        this.stats.snapshotsApplied += 1;
        newAssets.length = 0;
        change.layout = true;
        applied += 1;
      } else {
        for (const event of item.events) {
          if (event.seq <= this.seq) {
            this.stats.eventsIgnored += 1;
            continue;
          }
          this.seq = event.seq;
          this.applyEvent(event, change, newAssets);
          applied += 1;
        }
      }
    }
    if (newAssets.length > 0) {
      this.buffers = this.buffers.withAssets(newAssets);
      change.layout = true;
    }
    this.stats.eventsApplied += applied;
    this.stats.lastFrameEvents = applied;
    this.publish(change);
    if (this.raisedThisFrame.length > 0) {
      const raised = this.raisedThisFrame;
      this.raisedThisFrame = [];
      for (const listener of this.raisedListeners) listener(raised);
    }
    if (this.logbookThisFrame.length > 0) {
      const added = this.logbookThisFrame;
      this.logbookThisFrame = [];
      for (const listener of this.logbookListeners) listener(added);
    }
    this.stats.framesApplied += 1;
    this.stats.lastApplyMs = this.now() - started;
    this.stats.applyMsTotal += this.stats.lastApplyMs;
  }

  private applySnapshot(message: SnapshotHead, buffers: AssetBuffers, owner: string): void {
    if (owner !== this.owner) this.selectedAssetId = null;
    this.owner = owner;
    this.seq = message.seq;
    this.territory = message.territory;
    this.communeNames = new Map(message.territory.communes.map((c) => [c.code, c.name]));
    this.buffers = buffers;
    this.drifting.clear();
    for (let i = 0; i < buffers.count; i++) if (buffers.driftsAt(i)) this.drifting.add(buffers.ids[i]!);
    this.alarms.replaceAll(message.alarms);
    this.commands.replaceAll(message.commands);
  }

  private applyEvent(event: JournalEvent, change: FrameChange, newAssets: Asset[]): void {
    switch (event.type) {
      case 'asset.updated': {
        const index = this.buffers.fits(event.asset);
        if (index === undefined) {
          newAssets.push(event.asset);
          return;
        }
        // Only a gate's record is looked at: decoding every updated asset's would cost a burst dearly.
        const wasOpen = event.asset.kind === 'gate' ? this.buffers.records.at(index)!.metrics.gateOpen : undefined;
        const { statusChanged, moved } = this.buffers.update(index, event.asset);
        if (event.asset.kind === 'gate' && event.asset.metrics.gateOpen !== wasOpen) change.gatePositions = true;
        if (this.drifting.has(event.asset.id) !== (event.asset.drift !== undefined)) {
          if (event.asset.drift) this.drifting.add(event.asset.id);
          else this.drifting.delete(event.asset.id);
          change.drift = true;
        }
        if (statusChanged) {
          change.colourKinds.add(event.asset.kind);
          change.colourIndexes.push(index);
        }
        if (moved) change.positionKinds.add(event.asset.kind);
        return;
      }
      case 'alarm.raised':
        this.raisedThisFrame.push(event.alarm);
        this.alarms.apply(event.alarm);
        return;
      case 'alarm.updated':
        this.alarms.apply(event.alarm);
        return;
      case 'command.updated':
        this.commands.apply(event.command);
        return;
      case 'logbook.added':
        // Not kept here: the main courante panel keeps what it shows and listens while open.
        this.logbookThisFrame.push(event.entry);
        return;
      case 'threshold.updated':
        // Rare (an admin's change): passed on at once to the thresholds screen, if open.
        for (const listener of this.thresholdListeners) listener(event.threshold);
        return;
    }
  }

  private publish(change: FrameChange): void {
    const assetsChange: AssetsChange = { buffers: this.buffers, ...change };
    if (change.layout || change.colourKinds.size > 0 || change.positionKinds.size > 0 || change.drift || change.gatePositions) {
      for (const listener of this.assetListeners) listener(assetsChange);
    }
    this.refreshView();
  }

  // ─── reads ──────────────────────────────────────────────────────────────────────────────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): ConsoleView => this.view;

  /** The map subscribes here, outside React, and receives the buffers themselves. */
  onAssetsChange(listener: (change: AssetsChange) => void): () => void {
    this.assetListeners.add(listener);
    return () => this.assetListeners.delete(listener);
  }

  currentBuffers(): AssetBuffers {
    return this.buffers;
  }

  /** Assets whose device reports something else than it was asked (few: a marker each on the map). */
  driftingAssets(): Asset[] {
    return [...this.drifting].map((id) => this.buffers.get(id)).filter((asset) => asset !== undefined);
  }

  getAsset(id: string | null): Asset | undefined {
    return id === null ? undefined : this.buffers.get(id);
  }

  communeName(code: string): string {
    return this.communeNames.get(code) ?? code;
  }

  alarmsForAsset(assetId: string): Alarm[] {
    return this.alarms.forAsset(assetId);
  }

  commandsForAsset(assetId: string): readonly Command[] {
    return this.commands.forAsset(assetId);
  }

  getCommand(id: string): Command | undefined {
    return this.commands.get(id);
  }

  // ─── operator actions on local state ────────────────────────────────────────────────────────

  /** Selects an asset (opens its panel); with `fly`, the map flies to it. */
  select(assetId: string | null, options: { fly?: boolean } = {}): void {
    this.selectedAssetId = assetId;
    this.refreshView();
    const asset = this.getAsset(assetId);
    if (asset && options.fly) for (const listener of this.flyListeners) listener(asset);
  }

  /** Starts (or stops) drawing a lasso on the map; the group so far stays highlighted. */
  setLassoing(lassoing: boolean): void {
    if (this.group.lassoing === lassoing) return;
    this.group = { ...this.group, lassoing };
    this.refreshView();
  }

  /** The map finished a lasso: whoever selects groups turns it into assets. */
  lassoDrawn(polygon: LonLatPolygon): void {
    this.setLassoing(false);
    for (const listener of this.lassoListeners) listener(polygon);
  }

  onLasso(listener: (polygon: LonLatPolygon) => void): () => void {
    this.lassoListeners.add(listener);
    return () => this.lassoListeners.delete(listener);
  }

  /** The assets a group command will act on; empty to leave group selection. */
  setGroup(ids: ReadonlySet<string>): void {
    this.group = { ...this.group, ids };
    this.refreshView();
  }

  /** Commands of these ids the console knows (a group's progress). */
  commandsById(ids: readonly string[]): Command[] {
    return ids.map((id) => this.commands.get(id)).filter((command) => command !== undefined);
  }

  /** Alarms raised live (not those of a snapshot), once per frame: for notifications. */
  onAlarmsRaised(listener: (alarms: readonly Alarm[]) => void): () => void {
    this.raisedListeners.add(listener);
    return () => this.raisedListeners.delete(listener);
  }

  /** Main courante entries written live (here or on another console), once per frame. */
  onLogbookAdded(listener: (entries: readonly LogbookEntry[]) => void): () => void {
    this.logbookListeners.add(listener);
    return () => this.logbookListeners.delete(listener);
  }

  /** An alarm condition's settings changed (here or on another console). */
  onThresholdUpdated(listener: (threshold: Threshold) => void): () => void {
    this.thresholdListeners.add(listener);
    return () => this.thresholdListeners.delete(listener);
  }

  onFly(listener: FlyListener): () => void {
    this.flyListeners.add(listener);
    return () => this.flyListeners.delete(listener);
  }

  /** A reply carried a command (`command.send`, `asset.commands`): fold it in now. */
  mergeCommands(commands: readonly Command[]): void {
    let changed = false;
    for (const command of commands) changed = this.commands.mergeReply(command) || changed;
    if (changed) this.refreshView();
  }

  /**
   * A reply carried an alarm (`alarm.acknowledge`): show it at once, unless an event already told
   * more (the alarm acknowledged or gone by the time the reply arrived).
   */
  mergeAlarm(alarm: Alarm): void {
    const known = this.alarms.get(alarm.id);
    if (!known || (known.state !== 'unacknowledged' && known.state !== 'cleared-unacknowledged')) return;
    this.alarms.apply(alarm);
    this.refreshView();
  }

  /** Logged out: forget everything the previous user could see. */
  reset(): void {
    this.scheduler.cancel();
    this.queue = [];
    this.owner = null;
    this.seq = -1;
    this.territory = null;
    this.communeNames.clear();
    this.buffers = AssetBuffers.empty();
    this.drifting.clear();
    this.alarms.replaceAll([]);
    this.commands.replaceAll([]);
    this.selectedAssetId = null;
    this.group = NO_GROUP;
    this.publish({ layout: true, colourKinds: new Set(), colourIndexes: [], positionKinds: new Set(), drift: true });
  }

  private refreshView(): void {
    this.view = this.buildView();
    for (const listener of this.listeners) listener();
  }

  private buildView(): ConsoleView {
    return {
      ready: this.territory !== null,
      owner: this.owner,
      territory: this.territory,
      alarms: this.alarms.active(),
      alarmCounts: this.alarms.activeCounts(),
      shelvedAlarms: this.alarms.shelved(),
      selectedAssetId: this.selectedAssetId,
      group: this.group,
      lastSeq: this.seq,
      assetCount: this.buffers.count,
    };
  }
}


