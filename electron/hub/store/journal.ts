import { JournalEvent, type JournalEventBody } from '../../../shared/protocol/messages';
import type { Database, Write } from './db';

/** An event with the commune that scopes it (who may see it). */
export interface ScopedEvent {
  event: JournalEvent;
  commune: string;
}

const INSERT = 'INSERT INTO journal (seq, at, type, commune, body) VALUES (?, ?, ?, ?, ?)';

/**
 * How many of the latest events the journal keeps. A console further behind than a few thousand
 * events gets a snapshot instead of a replay, so older events only cost disk: at the demo's rate
 * (~100 events/s) this keeps about half an hour, a few hundred megabytes at most, where keeping
 * everything would grow by gigabytes a day. The state tables keep what is current.
 */
export const JOURNAL_RETAINED_EVENTS = 200_000;

/**
 * The journal: every change consoles see, numbered by a strictly increasing `seq`. Rows are
 * written with the state they describe, in the same transaction; `lastSeq` only moves once that
 * transaction committed, so nothing is broadcast that the disk does not have.
 */
export class Journal {
  private committedSeq: number;

  private constructor(
    private readonly db: Database,
    lastSeq: number,
  ) {
    this.committedSeq = lastSeq;
  }

  static async open(db: Database): Promise<Journal> {
    const row = await db.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM journal');
    return new Journal(db, row?.seq ?? 0);
  }

  get lastSeq(): number {
    return this.committedSeq;
  }

  /**
   * Numbers the events after `after` (the last committed seq, or the last of a batch being
   * written) and returns the rows that write them.
   */
  number(bodies: { body: JournalEventBody; commune: string }[], at: string, after = this.committedSeq): { events: ScopedEvent[]; writes: Write[] } {
    const events: ScopedEvent[] = [];
    const writes: Write[] = [];
    let seq = after;
    for (const { body, commune } of bodies) {
      seq += 1;
      const event = { seq, at, ...body } as JournalEvent;
      events.push({ event, commune });
      writes.push({ sql: INSERT, params: [seq, at, event.type, commune, JSON.stringify(event)] });
    }
    return { events, writes };
  }

  /** Called once the transaction holding these events committed. */
  committed(events: ScopedEvent[]): void {
    const last = events[events.length - 1];
    if (last) this.committedSeq = last.event.seq;
  }

  /** Events after `since`, oldest first, at most `limit`. */
  async since(since: number, limit: number): Promise<ScopedEvent[]> {
    const rows = await this.db.all<{ commune: string; body: string }>(
      'SELECT commune, body FROM journal WHERE seq > ? ORDER BY seq LIMIT ?',
      [since, limit],
    );
    return rows.map((row) => ({ commune: row.commune, event: JournalEvent.parse(JSON.parse(row.body)) }));
  }

  /** The statement that drops events older than the retained window, or none yet. */
  pruneWrite(retained = JOURNAL_RETAINED_EVENTS): { sql: string; params: number[] } | undefined {
    const keepFrom = this.committedSeq - retained;
    return keepFrom > 0 ? { sql: 'DELETE FROM journal WHERE seq <= ?', params: [keepFrom] } : undefined;
  }

  async oldestSeq(): Promise<number> {
    const row = await this.db.get<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM journal');
    return row?.seq ?? 0;
  }
}
