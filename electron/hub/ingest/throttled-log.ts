/**
 * Logs a recurring problem once per key and period, with how many times it happened meanwhile:
 * an undeclared device uplinking every minute must not bury the rest of the log.
 */
export class ThrottledLog {
  private readonly seen = new Map<string, { at: number; repeats: number }>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly periodMs = 60 * 60 * 1000,
    private readonly maxKeys = 10_000,
  ) {}

  report(key: string, line: string, now = Date.now()): void {
    const entry = this.seen.get(key);
    if (entry && now - entry.at < this.periodMs) {
      entry.repeats += 1;
      return;
    }
    const repeats = entry?.repeats ?? 0;
    if (!entry && this.seen.size >= this.maxKeys) this.seen.clear();
    this.seen.set(key, { at: now, repeats: 0 });
    this.log(repeats > 0 ? `${line} (et ${repeats} fois depuis le dernier message)` : line);
  }
}
