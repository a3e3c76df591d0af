import { randomUUID } from 'node:crypto';
import type { Command, CommandState, DeviceCommandRequest, ProgrammeRequest } from '../../../shared/domain/commands';
import { isCommandFinal } from '../../../shared/domain/commands';
import type { Observation } from '../../../shared/domain/metrics';
import { DownlinkNotSent } from '../sources/held-downlinks';
import type { DownlinkReport, Source } from '../sources/types';
import type { ChangeSet } from '../store/change-set';
import type { Writer } from '../store/writer';
import type { CommandRecord, DeviceRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';
import { desiredOf, recordDesired } from '../schedules/desired-state';
import { HubError } from '../errors';
import { isConfirmedBy, planCommand, type PlannedCommand } from './validate';

/**
 * How long a journaled command waits before it is handed to the network server. Two consoles
 * racing on the same setting (two operators, or an operator and a programme) within this window
 * end with one command sent: the newer cancels the older before it leaves the hub. Once at the
 * network server a ChirpStack queue item cannot be taken back over MQTT, so this is where
 * « not both sent » is kept. Short enough that nobody waits for it.
 */
export const COMMAND_SETTLE_MS = 1000;

/** What became of one asset of a group command: its command, or why it was refused. */
export type GroupOutcome = { assetId: string; command: Command; error?: undefined } | { assetId: string; command?: undefined; error: HubError };

/** Forward order of the lifecycle: a late report never moves a command back. */
const RANK: Record<CommandState, number> = {
  requested: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  confirmed: 4,
  failed: 4,
  expired: 4,
  cancelled: 4,
};

/**
 * Tracks each command from the operator's request to the device's read-back: journaled as
 * requested, handed to the network server (queued), sent in a receive window, acknowledged by the
 * device (delivered), confirmed when the device reports the new value; failed, expired or
 * cancelled otherwise, with the reason in French. A newer command for the same setting cancels a
 * pending one, so the device never gets both.
 */
export class CommandDispatcher {
  private source: Source | undefined;
  /** Commands journaled but not yet handed to the source (see COMMAND_SETTLE_MS). */
  private readonly settling = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly settledListeners: ((record: CommandRecord, changes: ChangeSet) => void)[] = [];

  constructor(
    private readonly state: TerritoryState,
    private readonly writer: Writer,
    private readonly ttlMs: number,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  attach(source: Source): void {
    this.source = source;
  }

  /** Called in the same batch as each command reaching a final state (the main courante listens). */
  onSettled(listener: (record: CommandRecord, changes: ChangeSet) => void): void {
    this.settledListeners.push(listener);
  }

  /** Journals the command, then hands it to the network server; resolves once journaled. */
  async send(assetId: string, request: DeviceCommandRequest, requestedBy: { username: string; address?: string }, source: 'command' | 'programme' = 'command'): Promise<Command> {
    const { record, plan } = await this.writer.submit((changes) => {
      const requested = this.request(assetId, request, requestedBy.username, changes, source);
      changes.audited({
        actor: requestedBy.username,
        ...(requestedBy.address ? { address: requestedBy.address } : {}),
        action: 'command.send',
        target: assetId,
        details: { commandId: requested.record.command.id, ...request },
      });
      return requested;
    });
    this.settleThenEnqueue(record, plan);
    return record.command;
  }

  /** Hands the command to the source after COMMAND_SETTLE_MS, unless it was cancelled meanwhile. */
  private settleThenEnqueue(record: CommandRecord, plan: PlannedCommand): void {
    // A newer command in the same batch may already have cancelled this one.
    if (this.stopped || isCommandFinal(record.command.state)) return;
    this.settling.set(
      record.command.id,
      setTimeout(() => {
        this.settling.delete(record.command.id);
        if (!isCommandFinal(record.command.state)) void this.enqueue(record, plan);
      }, COMMAND_SETTLE_MS),
    );
  }

  /** Stops handing settling commands to the source (the hub is stopping; they resume as `requested`). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.settling.values()) clearTimeout(timer);
    this.settling.clear();
  }

  /**
   * One command for many assets, journaled in one batch with `alongside` (the group's audit):
   * each asset is planned inside the batch, so a refusal (`HubError`: the asset does not take the
   * command) is reported for that asset and the others go ahead. Resolves once journaled.
   */
  async sendMany(
    assetIds: readonly string[],
    request: DeviceCommandRequest,
    requestedBy: { username: string; address?: string },
    alongside: (changes: ChangeSet, outcomes: readonly GroupOutcome[]) => void,
  ): Promise<GroupOutcome[]> {
    const requested: { record: CommandRecord; plan: PlannedCommand }[] = [];
    const outcomes = await this.writer.submit((changes) => {
      // Indexed once: scanning every pending command per asset costs seconds at a few thousand.
      const pending = new Map<string, CommandRecord[]>();
      for (const record of this.state.commands.values()) {
        if (record.command.type !== request.type) continue;
        const list = pending.get(record.command.assetId);
        if (list) list.push(record);
        else pending.set(record.command.assetId, [record]);
      }
      const done = assetIds.map((assetId): GroupOutcome => {
        // Removed since it was authorised (an admin retired it meanwhile): answered like unknown.
        if (!this.state.assets.has(assetId)) return { assetId, error: new HubError('not-found', 'Équipement introuvable ou hors de votre périmètre.') };
        try {
          const one = this.request(assetId, request, requestedBy.username, changes, 'command', pending.get(assetId) ?? []);
          requested.push(one);
          changes.audited({
            actor: requestedBy.username,
            ...(requestedBy.address ? { address: requestedBy.address } : {}),
            action: 'command.send',
            target: assetId,
            details: { commandId: one.record.command.id, ...request },
          });
          return { assetId, command: one.record.command };
        } catch (error) {
          if (error instanceof HubError) return { assetId, error };
          throw error;
        }
      });
      alongside(changes, done);
      return done;
    });
    for (const { record, plan } of requested) this.settleThenEnqueue(record, plan);
    return outcomes;
  }

  private request(
    assetId: string,
    request: DeviceCommandRequest,
    requestedBy: string,
    changes: ChangeSet,
    source: 'command' | 'programme',
    pending: Iterable<CommandRecord> = this.state.commands.values(),
  ) {
    const asset = this.state.assets.get(assetId);
    if (!asset) throw new Error(`asset ${assetId} vanished between authorisation and request`);
    const plan = planCommand(asset, request);
    const at = new Date().toISOString();
    for (const earlier of pending) {
      if (earlier.command.assetId === assetId && earlier.command.type === request.type) {
        this.move(earlier, 'cancelled', at, changes, 'Remplacée par une commande plus récente sur le même réglage.');
      }
    }
    const { type, ...params } = request;
    const record: CommandRecord = {
      command: {
        id: `cmd-${randomUUID()}`,
        assetId,
        commune: asset.asset.commune,
        type,
        params,
        state: 'requested',
        requestedBy,
        requestedAt: at,
        updatedAt: at,
        history: [{ state: 'requested', at }],
      },
      devEui: plan.device.devEui,
      expiresAt: Date.parse(at) + this.ttlMs,
    };
    this.withNextListen(record);
    this.state.commands.set(record.command.id, record);
    changes.command(record);
    recordDesired(asset, desiredOf(request, source, at), changes);
    return { record, plan };
  }

  /**
   * Journals a programme command: the hub itself holds programmes, so it is confirmed as soon as
   * it is recorded (`detail` says what it will do next). Its effects are device commands.
   */
  recordProgramme(id: string, assetId: string, request: ProgrammeRequest, requestedBy: string, detail: string, at: string, changes: ChangeSet): Command {
    const asset = this.state.assets.get(assetId);
    if (!asset) throw new Error(`asset ${assetId} vanished between authorisation and request`);
    const { type, ...params } = request;
    const command: Command = {
      id,
      assetId,
      commune: asset.asset.commune,
      type,
      params,
      state: 'confirmed',
      requestedBy,
      requestedAt: at,
      updatedAt: at,
      detail,
      history: [
        { state: 'requested', at },
        { state: 'confirmed', at },
      ],
    };
    changes.command({ command, expiresAt: Date.parse(at) });
    return command;
  }

  private async enqueue(record: CommandRecord, plan: PlannedCommand): Promise<void> {
    const { command } = record;
    if (!this.source) {
      await this.transition(command.id, 'failed', 'Aucune source terrain n’est connectée au hub : commande non transmise.');
      return;
    }
    try {
      await this.source.enqueueDownlink({
        devEui: plan.device.devEui,
        fPort: plan.fPort,
        bytes: plan.bytes,
        confirmed: true,
        ref: command.id,
      });
      await this.transition(command.id, 'queued');
    } catch (error) {
      // Withdrawn: the command was cancelled or expired meanwhile, and already says so.
      if (error instanceof DownlinkNotSent && error.reason === 'withdrawn') return;
      this.log(`commande ${command.id} non transmise : ${(error as Error).message}`);
      await this.transition(command.id, 'failed', notSentDetail(error));
    }
  }

  /**
   * Re-sends what was journaled but never reached the network server (hub stopped in between).
   * Not awaited one by one: a class A device holds its downlink until it next speaks, and the hub
   * must not wait for every device before it serves consoles.
   */
  async resume(): Promise<void> {
    for (const record of [...this.state.commands.values()]) {
      if (record.command.state !== 'requested') continue;
      const asset = this.state.assets.get(record.command.assetId);
      if (!asset) continue;
      let plan: PlannedCommand;
      try {
        plan = planCommand(asset, { type: record.command.type, ...record.command.params } as DeviceCommandRequest);
      } catch {
        await this.transition(record.command.id, 'failed', 'La commande n’est plus applicable à cet équipement.');
        continue;
      }
      this.enqueue(record, plan).catch((error: Error) => this.log(`commande ${record.command.id} : ${error.message}`));
    }
  }

  onReport(report: DownlinkReport): void {
    const detail = report.outcome === 'failed' ? `Refusée par le réseau ou l’appareil : ${report.reason ?? 'sans motif'}.` : undefined;
    const state: CommandState = report.outcome === 'sent' ? 'sent' : report.outcome === 'acked' ? 'delivered' : 'failed';
    void this.transition(report.ref, state, detail).catch((error: Error) => this.log(`rapport de liaison descendante : ${error.message}`));
  }

  /** Read-back: the device reported values; a command whose effect they show is confirmed. */
  onObservations(device: DeviceRecord, _observations: readonly Observation[], at: string, changes: ChangeSet): void {
    const asset = this.state.assets.get(device.assetId);
    for (const record of this.state.commands.values()) {
      if (record.devEui !== device.devEui) continue;
      if (record.command.state === 'sent' || record.command.state === 'delivered') {
        if (asset && isConfirmedBy(record.command.params, record.command.type, asset.asset.metrics)) {
          this.move(record, 'confirmed', at, changes);
          continue;
        }
      }
      // The device listened: its next window moved.
      if (this.withNextListen(record)) changes.command(record);
    }
  }

  /** Commands the device never confirmed in time expire; they are never sent late by us. */
  sweepExpired(nowMs: number, changes: ChangeSet): void {
    const at = new Date(nowMs).toISOString();
    for (const record of [...this.state.commands.values()]) {
      if (record.expiresAt > nowMs) continue;
      const minutes = Math.round(this.ttlMs / 60000);
      this.move(record, 'expired', at, changes, `Aucune confirmation de l’appareil en ${minutes} min : la commande n’a pas pu être vérifiée.`);
    }
  }

  private transition(id: string, state: CommandState, detail?: string): Promise<void> {
    return this.writer.submit((changes) => {
      const record = this.state.commands.get(id);
      if (record) this.move(record, state, new Date().toISOString(), changes, detail);
    });
  }

  private move(record: CommandRecord, state: CommandState, at: string, changes: ChangeSet, detail?: string): void {
    const { command } = record;
    if (isCommandFinal(command.state) || RANK[state] < RANK[command.state] || state === command.state) return;
    command.state = state;
    command.updatedAt = at;
    command.history = [...command.history, { state, at }];
    if (detail) command.detail = detail;
    if (isCommandFinal(state)) {
      this.state.commands.delete(command.id);
      delete command.nextListenAt;
      // A downlink still waiting in the hub or in the source for its device must never go out late.
      if (state === 'expired' || state === 'cancelled') {
        clearTimeout(this.settling.get(command.id));
        this.settling.delete(command.id);
        this.source?.withdrawDownlink?.(command.id);
      }
    } else {
      this.withNextListen(record);
    }
    changes.command(record);
    if (isCommandFinal(state)) for (const listener of this.settledListeners) listener(record, changes);
  }

  /** When the class A device should next open its receive windows, from its uplink period. */
  private withNextListen(record: CommandRecord): boolean {
    const device = record.devEui ? this.state.devices.get(record.devEui) : undefined;
    if (!device) return false;
    const base = device.lastUplinkAt ?? Date.now();
    const periodMs = Math.max(1, device.uplinkPeriodS) * 1000;
    let next = base + periodMs;
    if (next < Date.now()) next += Math.ceil((Date.now() - next) / periodMs) * periodMs;
    const iso = new Date(next).toISOString();
    if (record.command.nextListenAt === iso) return false;
    record.command.nextListenAt = iso;
    return true;
  }
}

/** Why a downlink never reached the network server, for the operator. */
function notSentDetail(error: unknown): string {
  if (error instanceof DownlinkNotSent) {
    switch (error.reason) {
      case 'timeout':
        return 'L’appareil ne s’est pas manifesté : la commande n’a pas pu être remise au serveur réseau.';
      case 'stopped':
        return 'Le hub s’est arrêté avant que l’appareil ne se manifeste : renvoyez la commande.';
      case 'overflow':
        return 'Trop de commandes en attente pour cet appareil : les plus anciennes ont été abandonnées.';
      case 'withdrawn':
        return 'Commande retirée avant son envoi.';
    }
  }
  return 'Le serveur réseau n’a pas accepté la commande : réessayez plus tard.';
}
