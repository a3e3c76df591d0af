/**
 * How many uplinks one MQTT connection may have handed to the hub and not yet seen settled
 * (committed, or refused). At the cap the source stops reading its socket until the writer has
 * brought the count down to half of it: the hub's memory stays bounded whatever the offered load,
 * the excess waits at the broker (which is what a broker's session queue is for), and nothing is
 * acknowledged before its commit. Half, not cap − 1: one resume per writer batch, not per uplink.
 */
export const DEFAULT_MAX_IN_FLIGHT = 5_000;

/** What `/api/health` shows of a source's intake. */
export interface IntakeStatus {
  inFlight: number;
  maxInFlight: number;
  /** Reading stopped right now: the broker holds what comes next. */
  paused: boolean;
  /** Times the intake paused since start, and for how long in all. */
  pauses: number;
  pausedMs: number;
}

type Stream = object;

export class IntakeGate {
  private inFlight = 0;
  /** The connection the count is for: after a reconnection the broker redelivers, we count anew. */
  private stream: Stream | undefined;
  private held: (() => void) | undefined;
  private pausedAtMs: number | undefined;
  private pauses = 0;
  private pausedMs = 0;

  constructor(private readonly maxInFlight: number) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new Error(`plafond d’entrée invalide : ${maxInFlight}`);
  }

  get full(): boolean {
    return this.inFlight >= this.maxInFlight;
  }

  take(stream: Stream): void {
    if (stream !== this.stream) {
      // A new connection: what the old one had in flight will come again, counted on this one.
      this.stream = stream;
      this.inFlight = 0;
      this.resume(false);
    }
    this.inFlight += 1;
  }

  release(stream: Stream): void {
    if (stream !== this.stream) return;
    this.inFlight -= 1;
    if (this.held && this.inFlight <= this.maxInFlight / 2) this.resume(true);
  }

  /** Reading waits for `next` until enough uplinks are settled. */
  hold(next: () => void): void {
    this.held = next;
    this.pausedAtMs = Date.now();
    this.pauses += 1;
  }

  status(): IntakeStatus {
    const pausing = this.pausedAtMs === undefined ? 0 : Date.now() - this.pausedAtMs;
    return { inFlight: this.inFlight, maxInFlight: this.maxInFlight, paused: this.held !== undefined, pauses: this.pauses, pausedMs: this.pausedMs + pausing };
  }

  /** `read`: go on reading (false when the old connection is gone: its reader is dropped). */
  private resume(read: boolean): void {
    const next = this.held;
    this.held = undefined;
    if (this.pausedAtMs !== undefined) this.pausedMs += Date.now() - this.pausedAtMs;
    this.pausedAtMs = undefined;
    // Not inside the writer's settle loop: mqtt.js goes on with the next packet on its own tick.
    if (next && read) queueMicrotask(next);
  }
}
