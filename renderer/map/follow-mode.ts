import type { Asset } from '../../shared';
import type { ConsoleStore } from '../state';
import { AlarmFollower, FOLLOW_ZOOM } from './alarm-follow';

const KEY = 'beffroi.map-follows-alarms';

/** The toggle survives a reload on this workstation; off unless the operator turned it on. */
export function loadFollowSetting(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveFollowSetting(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused: the toggle lasts for this session.
  }
}

/** Flies the map to new high and critical alarms while on, through the follower's throttle. */
export class FollowMode {
  private readonly follower = new AlarmFollower();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private enabled = false;
  private readonly off: () => void;

  constructor(
    private readonly store: ConsoleStore,
    private readonly fly: (asset: Asset, zoom: number) => void,
  ) {
    this.off = store.onAlarmsRaised((alarms) => {
      if (!this.enabled) return;
      this.flyTo(this.follower.offer(alarms, Date.now()));
    });
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) {
      this.follower.reset();
      this.clearTimer();
    }
  }

  destroy(): void {
    this.off();
    this.clearTimer();
  }

  private flyTo(alarm: { assetId: string } | null): void {
    if (alarm) {
      const asset = this.store.getAsset(alarm.assetId);
      if (asset) this.fly(asset, FOLLOW_ZOOM);
    }
    this.schedule();
  }

  /** A held alarm flies when the interval ends, even if no other alarm comes to trigger it. */
  private schedule(): void {
    const dueMs = this.follower.nextDueMs();
    if (dueMs === null || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.enabled) this.flyTo(this.follower.due(Date.now()));
    }, Math.max(0, dueMs - Date.now()));
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
