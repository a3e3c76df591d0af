import { ChangeSet } from './change-set';
import type { Database, Write } from './db';
import type { JournalEventBody } from '../../../shared/protocol/messages';
import type { AuditChain } from '../audit/audit-chain';
import type { Journal, ScopedEvent } from './journal';

type Work<T> = (changes: ChangeSet) => T;

/**
 * How a work item ended: `error` undefined once its changes are committed (and published), or the
 * work's own error, or a `CommitFailed` when the transaction carrying it did not commit.
 */
export type Settled<T> = (error: unknown, result?: T) => void;

interface Pending {
  work: Work<unknown>;
  settled: Settled<unknown>;
  /** `performance.now()` when queued: how long the work waited for its commit. */
  postedAt: number;
}

/** How long work waited from being queued to being committed and published, lately. */
export interface WriterLag {
  /** Batches committed since start. */
  batches: number;
  /** Items committed by the batches of the last `LAG_WINDOW_MS`, which the figures below cover (ms). */
  items: number;
  /** The oldest item's wait in each batch: what the slowest uplink saw, queue and commit. */
  waitP50Ms: number;
  waitMaxMs: number;
  /** The transaction alone (SQLite, its own thread), per batch. */
  commitP50Ms: number;
  commitMaxMs: number;
}

/** What `/api/health` looks back over for the writer's lag. */
const LAG_WINDOW_MS = 10_000;

/** A work item that ran: its result, or why it was refused. */
interface Outcome {
  item: Pending;
  result?: unknown;
  refused?: unknown;
}

/** Settles a batch's items in submission order; `failed` for those the transaction was to carry. */
function settle(done: readonly Outcome[], failed?: CommitFailed): void {
  for (const { item, result, refused } of done) {
    if (refused !== undefined) item.settled(refused);
    else if (failed) item.settled(failed);
    else item.settled(undefined, result);
  }
}

/** A batch whose work has run: its rows and numbered events, waiting for its transaction. */
interface PreparedBatch {
  done: Outcome[];
  /** When the batch's oldest item was queued. */
  oldestPostedAt: number;
  changes: ChangeSet;
  writes?: Write[];
  bodies?: { body: JournalEventBody; commune: string }[];
  at?: string;
  numbered?: { events: ScopedEvent[]; writes: Write[] };
}

/** The transaction carrying a work item failed (disk full, I/O error): nothing of it is on disk. */
export class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'CommitFailed';
  }
}

/**
 * Largest number of work items folded into one transaction. Big enough that a burst of uplinks
 * costs one commit per few hundred messages, small enough that one batch stays well under a
 * frame's worth of event-loop time.
 */
const MAX_BATCH_ITEMS = 2000;

/**
 * The single writer every change goes through. Work items (an uplink to apply, an acknowledgement,
 * a command) are queued; each batch runs them against the in-memory state, writes the rows and the
 * journal events in one SQLite transaction, and only after COMMIT hands the events to `publish`
 * and resolves the callers. So a console never sees a change the disk does not have, and a burst
 * of a thousand uplinks is one transaction, not a thousand.
 */
export class Writer {
  private queue: Pending[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  batches = 0;
  /** Recent batches, oldest first: [committed at, items, oldest item's wait, commit ms]. */
  private recent: [number, number, number, number][] = [];

  constructor(
    private readonly db: Database,
    private readonly journal: Journal,
    private readonly publish: (events: ScopedEvent[]) => void,
    private readonly onCommitFailed: (error: unknown) => void = () => undefined,
    private readonly audit?: AuditChain,
  ) {}

  /** Queues work; resolves with its result once its changes are committed and published. */
  submit<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.post(work, (error, result) => (error === undefined ? resolve(result as T) : reject(error)));
    });
  }

  /**
   * `submit` for the ingest hot path: a callback instead of a promise, so thousands of uplinks a
   * second cost no promise each. `settled` runs after the batch's COMMIT, in submission order.
   */
  post<T>(work: Work<T>, settled: Settled<T>): void {
    this.queue.push({ work, settled: settled as Settled<unknown>, postedAt: performance.now() });
    this.schedule();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** How long work has lately waited to be committed, for `/api/health`. */
  lag(): WriterLag {
    const now = performance.now();
    const recent = this.recent.filter(([at]) => now - at <= LAG_WINDOW_MS);
    const waits = recent.map(([, , wait]) => wait).sort((a, b) => a - b);
    const commits = recent.map(([, , , commit]) => commit).sort((a, b) => a - b);
    const median = (sorted: number[]) => Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
    return {
      batches: this.batches,
      items: recent.reduce((sum, [, items]) => sum + items, 0),
      waitP50Ms: median(waits),
      waitMaxMs: Math.round(waits.at(-1) ?? 0),
      commitP50Ms: median(commits),
      commitMaxMs: Math.round(commits.at(-1) ?? 0),
    };
  }

  /** Resolves when nothing is queued or being written. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.running) return;
    this.running = true;
    // Let the current burst of messages arrive before cutting the batch.
    setImmediate(() => this.runBatches().catch((error: unknown) => this.onCommitFailed(error)));
  }

  /**
   * Batches go through in two steps: `prepare` runs the work and builds the rows (JavaScript, this
   * thread), `commit` writes them (SQLite, its own thread) then publishes. The next batch is
   * prepared while the previous one is being written, so the two threads work side by side; its
   * transaction only starts once the previous one committed or failed, and it is published and
   * settled after it. Nothing else changes: one transaction per batch, publish after COMMIT.
   */
  private async runBatches(): Promise<void> {
    let writing: Promise<void> = Promise.resolve();
    let numberedTo: number | undefined;
    try {
      while (this.queue.length > 0) {
        const prepared = this.prepare(this.queue.splice(0, MAX_BATCH_ITEMS), numberedTo ?? this.journal.lastSeq);
        await writing;
        writing = this.commit(prepared);
        // As numbered when its transaction started (after the previous one's outcome was known).
        numberedTo = prepared.numbered?.events.at(-1)?.event.seq ?? numberedTo;
        // Only one batch ahead: the one being written, the one being prepared.
        if (this.queue.length === 0) await writing;
      }
      await writing;
    } finally {
      // A batch that failed to prepare leaves the one being written to finish first.
      await writing.catch(() => undefined);
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      // Work queued by a failing batch's callers still gets its turn.
      if (this.queue.length > 0) this.schedule();
    }
  }

  /** Runs the batch's work and builds its rows and events, numbered after `lastSeq`. */
  private prepare(batch: Pending[], lastSeq: number): PreparedBatch {
    const changes = new ChangeSet();
    const done: Outcome[] = [];
    const oldestPostedAt = batch[0]?.postedAt ?? performance.now();
    for (const item of batch) {
      try {
        done.push({ item, result: item.work(changes) });
      } catch (error) {
        // A refused item (bad value, unknown asset) must not have touched the state: work
        // functions validate before they change anything. Settled in its turn, with the others.
        done.push({ item, refused: error ?? new Error('travail refusé sans motif') });
      }
    }
    if (changes.isEmpty) return { done, oldestPostedAt, changes };
    const { writes, events: bodies } = changes.drain();
    const at = new Date().toISOString();
    return { done, oldestPostedAt, changes, writes, bodies, at, numbered: this.journal.number(bodies, at, lastSeq) };
  }

  private async commit(prepared: PreparedBatch): Promise<void> {
    const { done, changes, writes, bodies, at } = prepared;
    if (!writes || !bodies || !at || !prepared.numbered) {
      settle(done);
      return;
    }
    // Numbered while the previous batch was being written: if that one failed, its seqs are free.
    if (prepared.numbered.events.length > 0 && prepared.numbered.events[0]!.event.seq !== this.journal.lastSeq + 1) {
      prepared.numbered = this.journal.number(bodies, at);
    }
    const { events, writes: journalWrites } = prepared.numbered;
    let audited: ReturnType<AuditChain['chain']> | undefined;
    const commitStart = performance.now();
    try {
      if (changes.audit.length > 0) {
        if (!this.audit) throw new Error('audit entries submitted to a writer without an audit chain');
        audited = this.audit.chain(changes.audit, at);
      }
      await this.db.transaction([...writes, ...journalWrites, ...(audited?.writes ?? [])]);
    } catch (error) {
      this.onCommitFailed(error);
      settle(done, new CommitFailed(error));
      return;
    }
    this.batches += 1;
    this.remember(done.length, prepared.oldestPostedAt, commitStart);
    this.journal.committed(events);
    if (audited) this.audit?.committed(audited.last);
    try {
      this.publish(events);
    } catch (error) {
      // Committed is committed: a console that missed these resyncs by seq. The callers succeeded.
      this.onCommitFailed(error);
    }
    settle(done);
  }

  private remember(items: number, oldestPostedAt: number, commitStart: number): void {
    const now = performance.now();
    this.recent.push([now, items, now - oldestPostedAt, now - commitStart]);
    // Trimmed now and then, not per batch; quiet traffic (one uplink a batch) keeps the last 512.
    if (this.recent.length > 1024) this.recent = this.recent.filter(([at]) => now - at <= LAG_WINDOW_MS).slice(-512);
  }
}
