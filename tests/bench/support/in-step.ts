/**
 * Waits, without fixed delays, until the hub, the witness and the console agree: every uplink
 * published is ingested, the journal stopped moving, both consoles hold its last seq, and the page
 * runs no animation left from a previous burst. A measuring window only opens on that state.
 */
import type { Page } from '@playwright/test';
import type { BenchHub } from './bench-hub';
import { consoleCounters, runningAnimations } from './console-meter';
import type { FieldFeed } from './field-feed';
import type { Witness } from './witness';

const GIVE_UP_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class InStep {
  page: Page | null = null;

  constructor(
    private readonly hub: BenchHub,
    private readonly feed: FieldFeed,
    private readonly witness: Witness,
  ) {}

  /** The hub took every uplink published and its journal's seq held still over two looks. */
  async drained(): Promise<number> {
    let last = -1;
    for (const giveUp = performance.now() + GIVE_UP_MS; performance.now() < giveUp; await sleep(100)) {
      const health = await this.hub.health();
      if (health.ingest.uplinksTotal < this.feed.published || health.ingest.queued > 0) continue;
      if (health.seq === last) return health.seq;
      last = health.seq;
    }
    throw new Error(`le hub n'a pas fini d'ingérer ${this.feed.published} liaisons montantes en 2 minutes`);
  }

  /** The witness and the console (once opened) hold the hub's last seq. */
  async caughtUp(): Promise<number> {
    const seq = await this.drained();
    for (const giveUp = performance.now() + GIVE_UP_MS; ; await sleep(100)) {
      if (this.witness.closed) throw new Error(`témoin ${this.witness.closed}`);
      const pageSeq = this.page ? (await consoleCounters(this.page)).lastSeq : seq;
      if (this.witness.seq >= seq && pageSeq >= seq) return seq;
      if (performance.now() > giveUp) throw new Error(`seq ${seq} du hub pas rattrapé en 2 minutes : témoin ${this.witness.seq}, console ${pageSeq}`);
    }
  }

  /** Caught up, and no CSS animation still running in the page (an alarm row's arrival flash). */
  async quiet(): Promise<void> {
    await this.caughtUp();
    if (!this.page) return;
    for (const giveUp = performance.now() + 10_000; performance.now() < giveUp && (await runningAnimations(this.page)) > 0; ) await sleep(100);
  }
}
