/**
 * Slows down password guessing, per account and per address: after a few failures in a row, each
 * further attempt must wait, longer every time, up to a ceiling. A success clears the account's
 * and the address's record. In memory: a restarted hub forgets, which an attacker cannot cause.
 */
export const FREE_FAILURES = 5;
/**
 * An address gets more room than an account: a command post's consoles may all reach the hub
 * through one proxy, and one mistyping colleague must not lock the whole room out.
 */
export const FREE_FAILURES_PER_ADDRESS = 20;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const FAILURE_MEMORY_MS = 60 * 60_000;
/** Bound on remembered keys, so a flood of made-up usernames cannot grow memory without limit. */
const MAX_KEYS = 50_000;

interface Record {
  failures: number;
  lastFailureMs: number;
  lockedUntilMs: number;
}

export class LoginThrottle {
  private readonly records = new Map<string, Record>();

  /** Milliseconds the caller must still wait before trying this account from this address, or 0. */
  waitMs(username: string, address: string, nowMs = Date.now()): number {
    return Math.max(this.lockOf(`u:${username}`, nowMs), this.lockOf(`a:${address}`, nowMs));
  }

  failed(username: string, address: string, nowMs = Date.now()): void {
    for (const [key, free] of [
      [`u:${username}`, FREE_FAILURES],
      [`a:${address}`, FREE_FAILURES_PER_ADDRESS],
    ] as const) {
      const record = this.fresh(key, nowMs) ?? { failures: 0, lastFailureMs: nowMs, lockedUntilMs: 0 };
      record.failures += 1;
      record.lastFailureMs = nowMs;
      const over = record.failures - free;
      if (over >= 0) record.lockedUntilMs = nowMs + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** over);
      if (!this.records.has(key) && this.records.size >= MAX_KEYS) this.records.clear();
      this.records.set(key, record);
    }
  }

  succeeded(username: string, address: string): void {
    this.records.delete(`u:${username}`);
    this.records.delete(`a:${address}`);
  }

  private lockOf(key: string, nowMs: number): number {
    const record = this.fresh(key, nowMs);
    return record ? Math.max(0, record.lockedUntilMs - nowMs) : 0;
  }

  private fresh(key: string, nowMs: number): Record | undefined {
    const record = this.records.get(key);
    if (record && nowMs - record.lastFailureMs > FAILURE_MEMORY_MS && record.lockedUntilMs <= nowMs) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }
}
