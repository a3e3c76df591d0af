import { randomUUID } from 'node:crypto';
import type { Command, ProgrammeRequest } from '../../../shared/domain/commands';
import type { CommandDispatcher, GroupOutcome } from '../commands/dispatcher';
import { HubError } from '../errors';
import type { ChangeSet } from '../store/change-set';
import { checkProgramme } from '../commands/validate';
import { formatNumberFr, formatWhenFr } from '../rules/format';
import type { Writer } from '../store/writer';
import type { TerritoryState } from '../state/territory-state';
import type { SchoolHoliday } from '../../../shared/calendar/school-holidays';
import type { ProgrammeBook } from './programme-book';
import type { ProgrammeRunner } from './programme-runner';
import { programmeOutlook, type ProgrammeOutlook } from './programme-targets';

const MODE_FR = { comfort: 'confort', reduced: 'réduit', frost: 'hors-gel', override: 'dérogation' } as const;

/**
 * Setting a programme: checked against the asset, journaled as a command confirmed on the spot
 * (with what it will do next, in French), audited, then run at once.
 */
export class Programmes {
  constructor(
    private readonly state: TerritoryState,
    readonly book: ProgrammeBook,
    private readonly runner: ProgrammeRunner,
    private readonly dispatcher: CommandDispatcher,
    private readonly writer: Writer,
    private readonly holidays: readonly SchoolHoliday[],
  ) {}

  async set(assetId: string, request: ProgrammeRequest, requestedBy: { username: string; address?: string }): Promise<Command> {
    const record = this.state.assets.get(assetId);
    if (!record) throw new Error(`asset ${assetId} vanished between authorisation and request`);
    checkProgramme(record, request);
    const nowMs = Date.now();
    const at = new Date(nowMs).toISOString();
    const command = await this.writer.submit((changes) => this.record(assetId, request, requestedBy, nowMs, at, changes));
    this.runner.touch(assetId);
    await this.runner.run();
    return command;
  }

  /**
   * One programme for many assets (a group command), journaled in one batch with `alongside` (the
   * group's audit); an asset that does not run it is reported as refused, the others go ahead.
   * The runner then runs once for them all.
   */
  async setMany(
    assetIds: readonly string[],
    request: ProgrammeRequest,
    requestedBy: { username: string; address?: string },
    alongside: (changes: ChangeSet, outcomes: readonly GroupOutcome[]) => void,
  ): Promise<GroupOutcome[]> {
    const nowMs = Date.now();
    const at = new Date(nowMs).toISOString();
    const outcomes = await this.writer.submit((changes) => {
      const done = assetIds.map((assetId): GroupOutcome => {
        const record = this.state.assets.get(assetId);
        // Removed since it was authorised (an admin retired it meanwhile): answered like unknown.
        if (!record) return { assetId, error: new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.') };
        try {
          checkProgramme(record, request);
        } catch (error) {
          if (error instanceof HubError) return { assetId, error };
          throw error;
        }
        return { assetId, command: this.record(assetId, request, requestedBy, nowMs, at, changes) };
      });
      alongside(changes, done);
      return done;
    });
    this.runner.touch(...outcomes.flatMap((outcome) => (outcome.command ? [outcome.assetId] : [])));
    // Not awaited: the pass sends one device command after another, minutes for thousands of
    // cabinets; the console follows them as events. The runner reports its own failures.
    void this.runner.run().catch(() => undefined);
    return outcomes;
  }

  private record(assetId: string, request: ProgrammeRequest, requestedBy: { username: string; address?: string }, nowMs: number, at: string, changes: ChangeSet): Command {
    const id = `cmd-${randomUUID()}`;
    this.book.apply(assetId, request, id, nowMs, changes);
    const detail = describeOutlook(request, this.outlook(assetId, nowMs));
    changes.audited({
      actor: requestedBy.username,
      ...(requestedBy.address ? { address: requestedBy.address } : {}),
      action: 'command.send',
      target: assetId,
      details: { commandId: id, ...request },
    });
    return this.dispatcher.recordProgramme(id, assetId, request, requestedBy.username, detail, at, changes);
  }

  /** What an asset's programmes want now and next; undefined without a programme. */
  outlook(assetId: string, nowMs: number = Date.now()): ProgrammeOutlook | undefined {
    const record = this.state.assets.get(assetId);
    const programmes = this.book.get(assetId);
    return record && programmes ? programmeOutlook(record, programmes, nowMs, this.holidays) : undefined;
  }
}

/** « Programme enregistré. Maintenant : confort 19 °C. Ensuite : réduit 16 °C lundi 23 novembre à 17 h 00. » */
export function describeOutlook(request: ProgrammeRequest, outlook: ProgrammeOutlook | undefined): string {
  const removed = (request.type === 'heating.schedule' && !request.programme) || (request.type === 'lighting.schedule' && !request.schedule) || (request.type === 'gate.hours' && !request.hours);
  if (removed) return 'Programme retiré : l’équipement garde son dernier réglage.';
  const head = request.type === 'heating.override' ? 'Dérogation enregistrée.' : 'Programme enregistré.';
  if (request.type.startsWith('heating.') && outlook?.heating) {
    const { heating } = outlook;
    const now = `Maintenant : ${MODE_FR[heating.mode]} ${formatNumberFr(heating.celsius)} °C${heating.dayOff ? ` (${heating.dayOff})` : ''}.`;
    const next = heating.next ? ` Ensuite : ${MODE_FR[heating.next.mode]} ${formatNumberFr(heating.next.celsius)} °C ${formatWhenFr(heating.next.atMs)}.` : '';
    return `${head} ${now}${next}`;
  }
  if (request.type === 'lighting.schedule' && outlook?.lighting) {
    const { lighting } = outlook;
    const now = lighting.percent > 0 ? `allumé à ${lighting.percent} %` : 'éteint';
    const next = lighting.next ? ` Ensuite : ${lighting.next.percent > 0 ? `${lighting.next.percent} %` : 'extinction'} ${formatWhenFr(lighting.next.atMs)}.` : '';
    return `${head} Maintenant : ${now}${lighting.exception ? ` (${lighting.exception})` : ''}.${next}`;
  }
  if (request.type === 'gate.hours' && outlook?.gate) {
    const { gate } = outlook;
    const next = gate.next ? ` ${gate.next.position === 'open' ? 'Ouverture' : 'Fermeture'} ${formatWhenFr(gate.next.atMs)}.` : '';
    return `${head} Maintenant : ${gate.position === 'open' ? 'ouvert' : 'fermé'} (${gate.hoursLabel}).${next}`;
  }
  return head;
}
