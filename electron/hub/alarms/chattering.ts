import type { Alarm } from '../../../shared/domain/alarms';

/**
 * Chattering (EEMUA 191): a condition that raises and clears again and again within a short time
 * floods the list with one alarm per cycle and teaches operators to ignore it. Within
 * `CHATTER_WINDOW_MS` of clearing, a return of the condition reopens the same alarm and counts a
 * cycle; at `CHATTER_CYCLES` raises within the window the alarm is flagged chattering and stays
 * active until the condition has stayed clear for a settle time.
 */
export const CHATTER_CYCLES = 3;
export const CHATTER_WINDOW_MS = 60_000;
/** How long a chattering condition must stay clear before its alarm clears (`BEFFROI_CHATTER_SETTLE_S`). */
export const DEFAULT_CHATTER_SETTLE_S = 60;

/** Raise times per (asset, condition), within the window: how many cycles just happened. */
export class ChatterWatch {
  private readonly raises = new Map<string, number[]>();

  constructor(
    private readonly windowMs = CHATTER_WINDOW_MS,
    private readonly cycles = CHATTER_CYCLES,
  ) {}

  /** Notes a raise of `key` at `atMs`; returns how many raises the window now holds, this one included. */
  noteRaise(key: string, atMs: number): number {
    const times = (this.raises.get(key) ?? []).filter((t) => atMs - t < this.windowMs);
    times.push(atMs);
    this.raises.set(key, times);
    return times.length;
  }

  /** Whether that many raises within the window is chattering. */
  isChattering(raisesInWindow: number): boolean {
    return raisesInWindow >= this.cycles;
  }

  /** Forgets keys whose raises all left the window (the sweep calls it; memory stays bounded). */
  prune(nowMs: number): void {
    for (const [key, times] of this.raises) {
      if (times.every((t) => nowMs - t >= this.windowMs)) this.raises.delete(key);
    }
  }
}

/**
 * One more cycle of the same alarm: active and unacknowledged again (someone must look at it
 * again, even if it was acknowledged), its cycles and occurrences counted, flagged chattering
 * once the window holds enough raises.
 */
export function reopenCycle(alarm: Alarm, chattering: boolean, message: string, at: string): void {
  delete alarm.clearedAt;
  if (alarm.state === 'cleared' || alarm.state === 'cleared-unacknowledged') {
    alarm.state = 'unacknowledged';
    delete alarm.acknowledgedBy;
    delete alarm.acknowledgedAt;
  }
  alarm.cycles = (alarm.cycles ?? 1) + 1;
  if (chattering) alarm.chattering = true;
  alarm.count += 1;
  alarm.lastAt = at;
  alarm.message = message;
}

/** Whether an alarm cleared at `clearedAt` is recent enough, at `atMs`, to be reopened rather than raised anew. */
export function withinChatterWindow(clearedAt: string | undefined, atMs: number, windowMs = CHATTER_WINDOW_MS): boolean {
  if (!clearedAt) return false;
  const clearedMs = Date.parse(clearedAt);
  return Number.isFinite(clearedMs) && atMs - clearedMs <= windowMs && atMs >= clearedMs;
}
