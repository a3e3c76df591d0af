import type { SchoolHoliday } from '../../../shared/calendar/school-holidays';
import type { DeviceCommandRequest } from '../../../shared/domain/commands';
import { isConfirmedBy } from '../commands/validate';
import type { Writer } from '../store/writer';
import type { TerritoryState } from '../state/territory-state';
import { desiredOf, recordDesired } from './desired-state';
import type { ProgrammeBook } from './programme-book';
import { programmeOutlook } from './programme-targets';

/** The actor programmes' commands are journaled and audited under. */
export const PROGRAMME_ACTOR = 'programme';

/** Programmes with no change ahead are still looked at hourly (a new holiday table, a clock change). */
const IDLE_RECHECK_MS = 3_600_000;

/**
 * Runs the programmes: at each programme's next change (and when one is set), resolves what it
 * wants and sends the device command, once. Nothing is sent when the device already reports the
 * wanted value: a hub restart does not resend every school's setpoint.
 */
export class ProgrammeRunner {
  /** `${assetId}|${type}` → the last target handled, as JSON. */
  private readonly handled = new Map<string, string>();
  private readonly nextCheckMs = new Map<string, number>();
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly state: TerritoryState,
    private readonly book: ProgrammeBook,
    private readonly writer: Writer,
    private readonly send: (assetId: string, request: DeviceCommandRequest) => Promise<unknown>,
    private readonly holidays: readonly SchoolHoliday[],
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** A programme of these assets changed: look at them at the next run, whatever was handled. */
  touch(...assetIds: string[]): void {
    const touched = new Set(assetIds);
    for (const assetId of touched) this.nextCheckMs.delete(assetId);
    for (const key of [...this.handled.keys()]) if (touched.has(key.slice(0, key.indexOf('|')))) this.handled.delete(key);
  }

  /** One pass over the programmes that are due; passes never overlap. */
  run(nowMs: number = Date.now()): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pass(nowMs).finally(() => (this.running = undefined));
    return this.running;
  }

  /** No pass starts after this; resolves once the one under way (if any) is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async pass(nowMs: number): Promise<void> {
    for (const [assetId, programmes] of [...this.book.entries()]) {
      if (this.stopped) return;
      if ((this.nextCheckMs.get(assetId) ?? 0) > nowMs) continue;
      const record = this.state.assets.get(assetId);
      if (!record) continue;
      if (programmes.override && programmes.override.untilMs <= nowMs) {
        await this.writer.submit((changes) => this.book.dropEndedOverride(assetId, nowMs, changes));
      }
      const outlook = programmeOutlook(record, programmes, nowMs, this.holidays);
      this.nextCheckMs.set(assetId, Math.min(outlook.nextChangeMs ?? Infinity, nowMs + IDLE_RECHECK_MS));
      for (const target of outlook.targets) await this.bring(assetId, target, nowMs);
    }
  }

  private async bring(assetId: string, target: DeviceCommandRequest, nowMs: number): Promise<void> {
    const key = `${assetId}|${target.type}`;
    const json = JSON.stringify(target);
    if (this.handled.get(key) === json) return;
    this.handled.set(key, json);
    const record = this.state.assets.get(assetId);
    if (!record) return;
    const { type, ...params } = target;
    if (isConfirmedBy(params, type, record.asset.metrics)) {
      // Already there: remember what is wanted (for drift) without a downlink.
      await this.writer.submit((changes) => recordDesired(record, desiredOf(target, 'programme', new Date(nowMs).toISOString()), changes));
      return;
    }
    try {
      await this.send(assetId, target);
    } catch (error) {
      this.log(`programme de ${assetId} : commande ${type} non envoyée : ${(error as Error).message}`);
    }
  }
}
