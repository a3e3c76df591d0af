/**
 * One timer for the whole simulated territory: tasks wait in a binary min-heap ordered by their
 * real due time and a single `setTimeout` is armed for the earliest. Ten thousand devices cost
 * one timer, not ten thousand intervals.
 */
interface Task {
  atMs: number;
  /** Insertion order: tasks due at the same time run first-come first-served. */
  order: number;
  run: () => void;
}

/** Tasks run per turn of the event loop, so a burst (all devices at start) never blocks I/O. */
const BATCH = 500;
/** `setTimeout` holds at most 2^31-1 ms; re-arm for later tasks. */
const MAX_DELAY_MS = 2_147_483_647;

export class Scheduler {
  private readonly heap: Task[] = [];
  private order = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private stopped = false;

  constructor(private readonly onError: (error: unknown) => void = (error) => console.error(error)) {}

  /** Runs `run` at real time `atMs` (or as soon as possible if past). */
  schedule(atMs: number, run: () => void): void {
    if (this.stopped) return;
    this.push({ atMs, order: this.order++, run });
    if (atMs < this.armedFor) this.arm();
  }

  get pending(): number {
    return this.heap.length;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.heap.length = 0;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const first = this.heap[0];
    if (!first || this.stopped) {
      this.armedFor = Infinity;
      return;
    }
    this.armedFor = first.atMs;
    const delayMs = Math.min(MAX_DELAY_MS, Math.max(0, first.atMs - Date.now()));
    this.timer = setTimeout(() => this.runDue(), delayMs);
  }

  private runDue(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = Date.now();
    for (let done = 0; done < BATCH && !this.stopped; done++) {
      const first = this.heap[0];
      if (!first || first.atMs > now) break;
      this.pop();
      try {
        first.run();
      } catch (error) {
        this.onError(error);
      }
    }
    if (!this.stopped) this.arm();
  }

  private push(task: Task): void {
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      swap(heap, i, parent);
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return;
      swap(heap, i, smallest);
      i = smallest;
    }
  }
}

function before(a: Task | undefined, b: Task | undefined): boolean {
  if (!a || !b) return false;
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.order < b.order);
}

function swap(heap: Task[], i: number, j: number): void {
  const a = heap[i];
  const b = heap[j];
  if (a && b) [heap[i], heap[j]] = [b, a];
}
