import type { Alarm, AlarmPriority } from '../../shared';
import { ALARM_PRIORITIES } from '../../shared';
import type { SoundSettings } from './sound-settings';

/** How often an unacknowledged critical alarm sounds again (a fire panel repeats about this often). */
export const CRITICAL_REPEAT_MS = 6_000;
/** A burst right after another of the same or lower priority stays silent: one tone, not a drum roll. */
export const MIN_GAP_MS = 1_500;

/** Plays one priority's tone. Rejects with a DOMException `NotAllowedError` when the browser blocks it. */
export interface TonePlayer {
  play(priority: AlarmPriority, volume: number): Promise<void>;
  /** Plays nothing, inside a user gesture, so later plays are allowed (Safari, Firefox). */
  unlock(): void;
}

export interface SounderState extends SoundSettings {
  /** The browser refused to play: the console shows « cliquer pour activer ». */
  blocked: boolean;
  /** Tones the browser actually started (read by the end-to-end test). */
  played: number;
  /** Critical alarms still sounding until someone acknowledges them. */
  ringing: number;
}

export interface SounderClock {
  now(): number;
  every(ms: number, run: () => void): () => void;
}

const SEVERITY: Record<AlarmPriority, number> = Object.fromEntries(ALARM_PRIORITIES.map((p, i) => [p, ALARM_PRIORITIES.length - i])) as Record<AlarmPriority, number>;

/**
 * The console's audible alerts: each burst of new alarms plays its most severe priority's tone
 * once; a critical alarm rings again every few seconds until it no longer waits for
 * acknowledgement (here or on any console) or the operator mutes the sound.
 */
export class AlarmSounder {
  private state: SounderState;
  private readonly ringing = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private stopRepeat: (() => void) | null = null;
  private last = { atMs: Number.NEGATIVE_INFINITY, severity: 0 };

  constructor(
    private readonly player: TonePlayer,
    settings: SoundSettings,
    private readonly clock: SounderClock,
    private readonly save: (settings: SoundSettings) => void = () => undefined,
  ) {
    this.state = { ...settings, blocked: false, played: 0, ringing: 0 };
  }

  getState = (): SounderState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Alarms raised live in one frame. */
  announce(alarms: readonly Alarm[]): void {
    let worst: AlarmPriority | null = null;
    for (const alarm of alarms) {
      if (alarm.state !== 'unacknowledged') continue;
      if (alarm.priority === 'critical') this.ringing.add(alarm.id);
      if (worst === null || SEVERITY[alarm.priority] > SEVERITY[worst]) worst = alarm.priority;
    }
    this.updateRepeat();
    if (worst === null) return;
    const nowMs = this.clock.now();
    if (nowMs - this.last.atMs < MIN_GAP_MS && SEVERITY[worst] <= this.last.severity) return;
    this.sound(worst);
  }

  /** The ids of the critical alarms still waiting for acknowledgement: the others stop ringing. */
  keepRinging(pendingCritical: ReadonlySet<string>): void {
    let changed = false;
    for (const id of this.ringing) {
      if (!pendingCritical.has(id)) changed = this.ringing.delete(id) || changed;
    }
    if (changed) this.updateRepeat();
  }

  setVolume(volume: number): void {
    this.settle({ volume: Math.min(1, Math.max(0, volume)) });
  }

  setMuted(muted: boolean): void {
    this.settle({ muted });
  }

  /**
   * A user gesture: the browser now lets the page play. Clears the « blocked » hint and, when a
   * critical alarm is ringing, sounds it at once rather than at the next repeat.
   */
  arm(): void {
    this.player.unlock();
    if (!this.state.blocked) return;
    this.update({ blocked: false });
    if (this.ringing.size > 0) this.sound('critical');
  }

  /** A tone of the given priority, for the « test the sound » button. */
  preview(priority: AlarmPriority): void {
    this.sound(priority, true);
  }

  private sound(priority: AlarmPriority, evenMuted = false): void {
    if (this.state.muted && !evenMuted) return;
    this.last = { atMs: this.clock.now(), severity: SEVERITY[priority] };
    this.player.play(priority, this.state.volume).then(
      () => this.update({ played: this.state.played + 1, blocked: false }),
      (error: unknown) => {
        // Autoplay policy: only a click, a key or a touch on the page lifts it.
        if (error instanceof DOMException && error.name === 'NotAllowedError') this.update({ blocked: true });
      },
    );
  }

  private updateRepeat(): void {
    const needed = this.ringing.size > 0 && !this.state.muted;
    if (needed && !this.stopRepeat) this.stopRepeat = this.clock.every(CRITICAL_REPEAT_MS, () => this.sound('critical'));
    if (!needed && this.stopRepeat) {
      this.stopRepeat();
      this.stopRepeat = null;
    }
    if (this.state.ringing !== this.ringing.size) this.update({ ringing: this.ringing.size });
  }

  private settle(change: Partial<SoundSettings>): void {
    this.update(change);
    this.save({ volume: this.state.volume, muted: this.state.muted });
    this.updateRepeat();
  }

  private update(change: Partial<SounderState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
