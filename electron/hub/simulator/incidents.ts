import type { Rng } from '../territory/random';
import type { CabinetFault } from './behaviour/lighting';

/**
 * The things that go wrong on a territory, rolled at random (seeded) in real time so that the
 * operators see a few events a minute whatever the scenario speed: a gateway outage that silences
 * every device behind it, a cabinet drawing more than its contracted power, a tripped feeder line,
 * a camera dropping off the video network, now and then a cemetery gate forced open at night (an
 * intrusion, the demo's critical alarm). Each lasts a few real minutes, then clears.
 */
export interface IncidentTargets {
  /** Gateways worth failing: the least loaded, so an outage silences a cluster, not a town. */
  gatewayIds: readonly string[];
  cabinetIds: readonly string[];
  cameraIds: readonly string[];
  /** Only a lit cabinet shows an electrical fault. */
  isLit(cabinetId: string): boolean;
  /** Cemetery gates; only one closed by its hours (at night) can be forced open. */
  gateIds?: readonly string[];
  isGateClosed?(gateId: string, wallMs: number): boolean;
}

export interface IncidentHooks {
  schedule(atWallMs: number, run: () => void): void;
  /** A camera went offline or came back: the video management system says so at once. */
  cameraChanged(cameraId: string): void;
  log(message: string): void;
}

const MINUTE_MS = 60_000;
/** Mean real time between two incidents: about 1.5 a minute across the territory. */
const MEAN_INTERVAL_MS = 40_000;
const FIRST_AFTER_MS = 20_000;

type Kind = 'gateway' | CabinetFault | 'camera' | 'intrusion';
const KINDS: { kind: Kind; weight: number; durationMin: [number, number] }[] = [
  // A gateway outage silences tens of devices at once: rare (about every quarter of an hour).
  { kind: 'gateway', weight: 0.05, durationMin: [3, 6] },
  { kind: 'overrun', weight: 0.35, durationMin: [4, 10] },
  { kind: 'feeder', weight: 0.35, durationMin: [5, 12] },
  // A camera every three minutes or so: more often, its outages crowd every other alarm out of the list.
  { kind: 'camera', weight: 0.21, durationMin: [1, 5] },
  // A forced gate: rare, and only at night when a gate is closed (about every 25 minutes then).
  { kind: 'intrusion', weight: 0.04, durationMin: [2, 5] },
];

export class Incidents {
  private readonly gatewaysDown = new Map<string, number>();
  private readonly cabinetFaults = new Map<string, { fault: CabinetFault; untilMs: number }>();
  private readonly camerasOffline = new Map<string, number>();
  private readonly gatesForced = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly targets: IncidentTargets,
    private readonly hooks: IncidentHooks,
  ) {}

  gatewayDown(gatewayId: string | undefined, wallMs: number): boolean {
    return gatewayId !== undefined && (this.gatewaysDown.get(gatewayId) ?? 0) > wallMs;
  }

  cabinetFault(cabinetId: string, wallMs: number): CabinetFault | undefined {
    const fault = this.cabinetFaults.get(cabinetId);
    return fault && fault.untilMs > wallMs ? fault.fault : undefined;
  }

  cameraOffline(cameraId: string, wallMs: number): boolean {
    return (this.camerasOffline.get(cameraId) ?? 0) > wallMs;
  }

  /** Someone forced the gate: its position contact reads open whatever its motor was told. */
  gateForced(gateId: string, wallMs: number): boolean {
    return (this.gatesForced.get(gateId) ?? 0) > wallMs;
  }

  beginIntrusion(gateId: string, untilMs: number): void {
    this.gatesForced.set(gateId, untilMs);
  }

  /**
   * Rolls incidents forever, one every `MEAN_INTERVAL_MS` on average; the first comes soon after
   * start (`FIRST_AFTER_MS`) so that a demo shows one within its first minute.
   */
  start(wallMs: number, first = true): void {
    const next = first ? wallMs + FIRST_AFTER_MS : wallMs + -Math.log(1 - this.rng.next()) * MEAN_INTERVAL_MS;
    this.hooks.schedule(next, () => {
      this.roll(next);
      this.start(next, false);
    });
  }

  /** Silences every device behind a gateway until `untilMs` (a past time ends the outage). */
  beginGatewayOutage(gatewayId: string, untilMs: number): void {
    this.gatewaysDown.set(gatewayId, untilMs);
  }

  beginCabinetFault(cabinetId: string, fault: CabinetFault, untilMs: number): void {
    this.cabinetFaults.set(cabinetId, { fault, untilMs });
  }

  /** Takes a camera off the video network; the VMS reports it now and again when it is back. */
  beginCameraOutage(cameraId: string, untilMs: number): void {
    this.camerasOffline.set(cameraId, untilMs);
    this.hooks.cameraChanged(cameraId);
    this.hooks.schedule(untilMs, () => this.hooks.cameraChanged(cameraId));
  }

  private roll(wallMs: number): void {
    let draw = this.rng.next();
    const entry = KINDS.find((k) => (draw -= k.weight) < 0) ?? KINDS[KINDS.length - 1];
    if (!entry) return;
    const untilMs = wallMs + this.rng.between(entry.durationMin[0], entry.durationMin[1]) * MINUTE_MS;
    const minutes = Math.round((untilMs - wallMs) / MINUTE_MS);
    switch (entry.kind) {
      case 'gateway': {
        if ([...this.gatewaysDown.values()].some((until) => until > wallMs)) return; // one outage at a time
        const id = this.pick(this.targets.gatewayIds);
        if (!id) return;
        this.beginGatewayOutage(id, untilMs);
        this.hooks.log(`panne de la passerelle ${id} pendant ${minutes} min`);
        return;
      }
      case 'overrun':
      case 'feeder': {
        const lit = this.targets.cabinetIds.filter((id) => this.targets.isLit(id) && !this.cabinetFault(id, wallMs));
        const id = this.pick(lit);
        if (!id) return;
        this.beginCabinetFault(id, entry.kind, untilMs);
        this.hooks.log(`${entry.kind === 'overrun' ? 'dépassement de puissance' : 'départ en défaut'} sur ${id} pendant ${minutes} min`);
        return;
      }
      case 'camera': {
        const id = this.pick(this.targets.cameraIds.filter((c) => !this.cameraOffline(c, wallMs)));
        if (!id) return;
        this.beginCameraOutage(id, untilMs);
        this.hooks.log(`caméra ${id} hors ligne pendant ${minutes} min`);
        return;
      }
      case 'intrusion': {
        const closed = (this.targets.gateIds ?? []).filter((g) => this.targets.isGateClosed?.(g, wallMs) && !this.gateForced(g, wallMs));
        const id = this.pick(closed);
        if (!id) return;
        this.beginIntrusion(id, untilMs);
        this.hooks.log(`intrusion : portail ${id} forcé pendant ${minutes} min`);
        return;
      }
    }
  }

  private pick(ids: readonly string[]): string | undefined {
    return ids.length === 0 ? undefined : this.rng.pick(ids);
  }
}
