/**
 * Reconnection delays: quick at first (a hub restart takes a second or two), then slower so a
 * hundred consoles do not hammer a hub that is down. Jitter spreads consoles that lost the hub at
 * the same instant.
 */
export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 10_000;

/** Delay before reconnection attempt `attempt` (0 = first retry); `random` in [0, 1). */
export function reconnectDelayMs(attempt: number, random: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  const jitter = 0.8 + 0.4 * random;
  return Math.round(Math.min(MAX_RETRY_MS, base * jitter));
}
