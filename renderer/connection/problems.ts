/**
 * What went wrong on the wire that the operator should know about without being interrupted:
 * keyed and de-duplicated (one entry per kind of problem with a count), never thrown.
 */
export interface Problem {
  key: string;
  count: number;
  lastAtMs: number;
  detail: string;
}

/** Enough to diagnose without growing without bound on a hub that keeps sending garbage. */
const MAX_PROBLEM_KINDS = 20;

export class ProblemLog {
  private readonly byKey = new Map<string, Problem>();
  private total = 0;

  report(key: string, detail: string, nowMs: number): void {
    this.total += 1;
    const known = this.byKey.get(key);
    if (known) {
      known.count += 1;
      known.lastAtMs = nowMs;
      known.detail = detail;
      return;
    }
    if (this.byKey.size >= MAX_PROBLEM_KINDS) return;
    this.byKey.set(key, { key, count: 1, lastAtMs: nowMs, detail });
  }

  get totalCount(): number {
    return this.total;
  }

  list(): Problem[] {
    return [...this.byKey.values()].map((p) => ({ ...p }));
  }
}
