import type { AssetSeed, DeviceSeed } from '../territory/types';
import { MODELS } from '../territory/network';
import { createRng, type Rng } from '../territory/random';
import type { SchoolCalendar } from './calendar';
import { parisTime } from './clock';
import type { Incidents } from './incidents';
import { advanceBin, binDistanceMm, createBin } from './behaviour/bins';
import { advanceCabinet, cabinetPowerW, createCabinet, forceLines, lineStates, type Cabinet } from './behaviour/lighting';
import { advanceRoom, buildingOccupancy, type Occupancy, type Room } from './behaviour/rooms';
import { createGate, forceGate, gateOpen, type Gate } from './behaviour/gates';
import { vickiThermostat, wt101Thermostat } from './thermostats';

/**
 * A simulated device: what it reports now (field values named as its codec's `encodeUplink`
 * expects) and what it does with a downlink. The physics live in `behaviour/`; this file binds
 * each model to the behaviour of the asset it is fitted to.
 */
export interface SimDevice {
  readonly seed: DeviceSeed;
  readonly asset: AssetSeed;
  report(scenarioMs: number, wallMs: number): Record<string, unknown>;
  /** Applies a decoded downlink; false when the device refuses it (value out of its range). */
  apply(applied: Record<string, unknown>, scenarioMs: number, wallMs?: number): boolean;
}

export interface DeviceContext {
  seed: string;
  startMs: number;
  calendar: SchoolCalendar;
  incidents: Incidents;
  /** Cabinets by asset id, for the incidents (only lit cabinets show a fault). */
  cabinets: Map<string, Cabinet>;
  /** Gates by asset id, for the incidents (only a closed gate can be forced open). */
  gates?: Map<string, Gate>;
}

const round = (value: number, step: number): number => Math.round(value / step) * step;
const settingsOf = (asset: AssetSeed) => asset.settings ?? {};
const WARM_UP_MS = 12 * 3_600_000;

export function createDevices(devices: readonly DeviceSeed[], assets: ReadonlyMap<string, AssetSeed>, ctx: DeviceContext): SimDevice[] {
  const rooms = new Map<string, { room: Room; occupancy: Occupancy }>();
  const roomOf = (asset: AssetSeed) => {
    let entry = rooms.get(asset.id);
    if (!entry) {
      entry = createRoom(asset, ctx, createRng(`${ctx.seed}:room:${asset.id}`));
      rooms.set(asset.id, entry);
    }
    return entry;
  };
  return devices.flatMap((seed) => {
    const asset = assets.get(seed.assetId);
    if (!asset) return [];
    const rng = createRng(`${ctx.seed}:${seed.devEui}`);
    // A few batteries near their end, as on any real fleet (the hub warns below 10 %).
    const battery = rng.chance(0.004) ? rng.int(6, 9) : rng.int(55, 100);
    switch (seed.model) {
      case MODELS.airQuality:
        return [airSensor(seed, asset, roomOf(asset), battery, rng)];
      case MODELS.thermostat:
        return [vickiThermostat(seed, asset, roomOf(asset), battery, rng)];
      case MODELS.legacyThermostat:
        return [wt101Thermostat(seed, asset, roomOf(asset), battery)];
      case MODELS.binLevel:
        return [binSensor(seed, asset, ctx, battery, rng)];
      case MODELS.cabinetController:
        return [cabinetController(seed, asset, ctx, rng)];
      case MODELS.gateController:
        return [gateController(seed, asset, ctx)];
      case MODELS.camera:
        return [camera(seed, asset, ctx)];
      default:
        return [];
    }
  });
}

function createRoom(asset: AssetSeed, ctx: DeviceContext, rng: Rng): { room: Room; occupancy: Occupancy } {
  const category = asset.category ?? 'other';
  // Most classrooms stay under 1,000–1,400 ppm; a few badly ventilated ones climb well above.
  const co2LoadPpm = category === 'school'
    ? rng.chance(0.04) ? rng.between(1_300, 1_800) : rng.between(450, 950)
    : rng.between(150, 500);
  const setpointC = category === 'school' ? 19 : rng.pick([19, 20]);
  return {
    room: { co2Ppm: 430, temperatureC: setpointC - 1, humidityPercent: 45, setpointC, co2LoadPpm, atMs: ctx.startMs - WARM_UP_MS },
    occupancy: buildingOccupancy(category, ctx.calendar),
  };
}

function airSensor(seed: DeviceSeed, asset: AssetSeed, { room, occupancy }: { room: Room; occupancy: Occupancy }, battery: number, rng: Rng): SimDevice {
  const pressureBaseHpa = rng.between(1_005, 1_022);
  return {
    seed,
    asset,
    report(scenarioMs) {
      advanceRoom(room, scenarioMs, occupancy);
      const occupied = occupancy(scenarioMs) > 0;
      const { hour } = parisTime(scenarioMs);
      const daylight = hour >= 7.5 && hour < 19;
      return {
        battery,
        temperature: round(room.temperatureC, 0.1),
        humidity: round(room.humidityPercent, 0.5),
        pir: occupied ? 'trigger' : 'idle',
        light_level: occupied ? 4 : daylight ? 2 : 0,
        co2: Math.round(room.co2Ppm),
        tvoc: round(0.3 + (room.co2Ppm - 420) / 1_200, 0.01),
        pressure: round(pressureBaseHpa + 4 * Math.sin(scenarioMs / 86_400_000), 0.1),
      };
    },
    apply: () => false,
  };
}

function binSensor(seed: DeviceSeed, asset: AssetSeed, ctx: DeviceContext, battery: number, rng: Rng): SimDevice {
  const settings = settingsOf(asset);
  const bin = createBin(String(settings.containerType ?? 'household-bin'), Number(settings.depthMm ?? 1_000), ctx.startMs, rng);
  return {
    seed,
    asset,
    report(scenarioMs) {
      advanceBin(bin, scenarioMs);
      return { battery, distance: binDistanceMm(bin), position: 'normal' };
    },
    apply: () => false,
  };
}

function cabinetController(seed: DeviceSeed, asset: AssetSeed, ctx: DeviceContext, rng: Rng): SimDevice {
  const cabinet = createCabinet(settingsOf(asset), asset.lon, asset.lat, ctx.startMs, rng);
  ctx.cabinets.set(asset.id, cabinet);
  return {
    seed,
    asset,
    report(scenarioMs, wallMs) {
      const fault = ctx.incidents.cabinetFault(asset.id, wallMs);
      advanceCabinet(cabinet, scenarioMs, fault);
      const powerW = Math.round(cabinetPowerW(cabinet, scenarioMs, fault) * rng.between(0.98, 1.02));
      const voltage = round(rng.between(226, 236), 0.1);
      const powerFactor = powerW > 0 ? rng.int(92, 98) : 0;
      return {
        voltage,
        active_power: powerW,
        power_factor: powerFactor,
        power_consumption: Math.round(cabinet.energyWh),
        // The meter's 16-bit register (mA) saturates at 65.5 A, which a large faulty cabinet can pass.
        total_current: powerW > 0 ? Math.min(65_535, Math.round((powerW / (voltage * (powerFactor / 100))) * 1_000)) : 0,
        ...lineStates(cabinet, scenarioMs, fault),
      };
    },
    apply(applied, scenarioMs) {
      const switches = Object.entries(applied).filter(([name]) => name.startsWith('switch_'));
      if (switches.length === 0) return Object.keys(applied).length > 0;
      forceLines(cabinet, switches.some(([, state]) => state === 'on'), scenarioMs);
      return true;
    },
  };
}

/**
 * A cemetery gate keeps its hours by the real clock, not the scenario's: the hub judges an
 * intrusion (open outside its hours) and runs its gate programmes by the real clock too. A forced
 * entry (an incident) shows the position contact open while the motor relay stays off.
 */
function gateController(seed: DeviceSeed, asset: AssetSeed, ctx: DeviceContext): SimDevice {
  const gate = createGate(settingsOf(asset));
  ctx.gates?.set(asset.id, gate);
  return {
    seed,
    asset,
    report(_scenarioMs, wallMs) {
      const open = gateOpen(gate, wallMs);
      const forced = ctx.incidents.gateForced(asset.id, wallMs);
      return { DI1_status: open || forced ? 'H' : 'L', RO1_status: open ? 'ON' : 'OFF' };
    },
    apply(applied, scenarioMs, wallMs = scenarioMs) {
      const relay = applied.RO1_status;
      if (relay !== 'ON' && relay !== 'OFF') return Object.keys(applied).length > 0;
      forceGate(gate, relay === 'ON', wallMs);
      return true;
    },
  };
}

function camera(seed: DeviceSeed, asset: AssetSeed, ctx: DeviceContext): SimDevice {
  return {
    seed,
    asset,
    report(_scenarioMs, wallMs) {
      const online = !ctx.incidents.cameraOffline(asset.id, wallMs);
      return { online, recording: online };
    },
    apply: () => false,
  };
}
