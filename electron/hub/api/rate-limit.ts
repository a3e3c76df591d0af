/**
 * A token bucket per console connection. A person at a console sends a few messages a second at
 * most (a bulk acknowledgement is one message); the burst allows a reconnecting console's resume,
 * subscribe and pending requests at once. Past that the console is flooding, whatever the reason.
 */
export const BURST_MESSAGES = 200;
export const SUSTAINED_MESSAGES_PER_S = 50;

export class MessageRateLimit {
  private tokens = BURST_MESSAGES;
  private lastMs: number;

  constructor(nowMs = Date.now()) {
    this.lastMs = nowMs;
  }

  /** Whether one more message may be handled now. */
  take(nowMs = Date.now()): boolean {
    this.tokens = Math.min(BURST_MESSAGES, this.tokens + ((nowMs - this.lastMs) / 1000) * SUSTAINED_MESSAGES_PER_S);
    this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
