import { lightsOn } from '../solar';
import type { Rng } from '../../territory/random';

/**
 * A lighting cabinet with its WS558 controller: an astronomical clock switches its feeder lines
 * on after sunset and off before sunrise; the meter reads about lamps × lamp watts (plus driver
 * losses) while lit. Faults come from outside (`CabinetFault`): an overrun of the contracted power
 * (an illegal tap, a short to earth), or a tripped feeder line that leaves a street dark.
 */
export interface Cabinet {
  lon: number;
  lat: number;
  lampCount: number;
  lampPowerW: number;
  contractedPowerW: number;
  /** Feeder lines used on the controller (switch_1 … switch_n). */
  lines: number;
  energyWh: number;
  /** Lines forced by an operator's command, until the clock's next switching. */
  forced?: { on: boolean; untilMs: number };
  /** Overrun factor drawn once per fault, so a faulty cabinet reads steadily. */
  overrunFactor: number;
  atMs: number;
}

export type CabinetFault = 'overrun' | 'feeder';

/** Drivers and ballasts draw a little more than the lamps' rating. */
const LOSS_FACTOR = 1.06;
const STEP_MS = 10 * 60_000;

export function createCabinet(settings: Record<string, number | string | boolean>, lon: number, lat: number, startMs: number, rng: Rng): Cabinet {
  const lampCount = Number(settings.lampCount ?? 20);
  const lampPowerW = Number(settings.lampPowerW ?? 70);
  return {
    lon,
    lat,
    lampCount,
    lampPowerW,
    contractedPowerW: Number(settings.contractedPowerW ?? lampCount * lampPowerW * 1.5),
    lines: lampCount > 40 ? 4 : lampCount > 15 ? 3 : 2,
    energyWh: Math.round(rng.between(2_000_000, 40_000_000)),
    overrunFactor: rng.between(1.15, 1.45),
    atMs: startMs,
  };
}

export function isLit(cabinet: Cabinet, utcMs: number): boolean {
  if (cabinet.forced && utcMs < cabinet.forced.untilMs) return cabinet.forced.on;
  return lightsOn(utcMs, cabinet.lon, cabinet.lat);
}

/** Active power in W at an instant, given the fault the cabinet suffers (if any). */
export function cabinetPowerW(cabinet: Cabinet, utcMs: number, fault: CabinetFault | undefined): number {
  if (!isLit(cabinet, utcMs)) return 0;
  const nominal = cabinet.lampCount * cabinet.lampPowerW * LOSS_FACTOR;
  if (fault === 'overrun') return Math.max(nominal, cabinet.contractedPowerW) * cabinet.overrunFactor;
  if (fault === 'feeder') return (nominal * (cabinet.lines - 1)) / cabinet.lines;
  return nominal;
}

/** Integrates the meter up to scenario time `toMs`. */
export function advanceCabinet(cabinet: Cabinet, toMs: number, fault: CabinetFault | undefined): void {
  while (cabinet.atMs < toMs) {
    const stepMs = Math.min(STEP_MS, toMs - cabinet.atMs);
    cabinet.energyWh += (cabinetPowerW(cabinet, cabinet.atMs + stepMs, fault) * stepMs) / 3_600_000;
    cabinet.atMs += stepMs;
  }
}

/** Line states as the controller reports them; a tripped feeder is the last line. */
export function lineStates(cabinet: Cabinet, utcMs: number, fault: CabinetFault | undefined): Record<string, 'on' | 'off'> {
  const lit = isLit(cabinet, utcMs);
  const states: Record<string, 'on' | 'off'> = {};
  for (let line = 1; line <= cabinet.lines; line++) {
    states[`switch_${line}`] = lit && !(fault === 'feeder' && line === cabinet.lines) ? 'on' : 'off';
  }
  return states;
}

/** An operator's switching holds until the clock would switch anyway (next dusk or dawn). */
export function forceLines(cabinet: Cabinet, on: boolean, fromMs: number): void {
  let untilMs = fromMs + STEP_MS;
  const clockState = lightsOn(fromMs, cabinet.lon, cabinet.lat);
  while (untilMs < fromMs + 86_400_000 && lightsOn(untilMs, cabinet.lon, cabinet.lat) === clockState) untilMs += STEP_MS;
  cabinet.forced = { on, untilMs };
}
