import { connectAsync } from 'mqtt';
import type { AssetSeed, TerritorySeed } from '../territory/types';
import { getCodec } from '../codecs/registry';
import { createRng } from '../territory/random';
import { distanceSquaredM2 } from '../territory/geometry';
import { territoryPlan } from '../territory/plan';
import { createScenarioClock, parisInstant, parisTime, DAY_MS } from './clock';
import { createSchoolCalendar, type SchoolCalendar } from './calendar';
import { Scheduler } from './scheduler';
import { Incidents } from './incidents';
import { createDevices, type SimDevice } from './devices';
import { isLit, type Cabinet, type CabinetFault } from './behaviour/lighting';
import { gateOpen, type Gate } from './behaviour/gates';
import { NetworkServer, type RadioDevice, type VideoDevice } from './network-server';
import { deviceInfoFor } from './chirpstack-events';

export interface SimulatorOptions {
  territory: TerritorySeed;
  /** The field broker, e.g. `mqtt://127.0.0.1:1883`. */
  brokerUrl: string;
  /** Scenario seconds per real second: 60 plays a day in 24 minutes. Uplink periods stay real. */
  speed?: number;
  /** Seed of every random draw (same seed, same day). */
  seed?: string | number;
  /** Scenario time at start; default the next school day at 06:30 in Paris (dawn, rounds, classes). */
  startAt?: Date;
  /** Random incidents (outages, faults); off for tests that trigger their own. Default on. */
  incidents?: boolean;
  /** Where incidents and problems are told (default: silent). */
  log?: (message: string) => void;
}

/** An incident started on demand (a trainer's exercise, a test); `durationS` 0 ends one. */
export type IncidentRequest =
  | { kind: 'gateway-outage'; gatewayId: string; durationS: number }
  | { kind: 'cabinet-fault'; cabinetId: string; fault: CabinetFault; durationS: number }
  | { kind: 'camera-offline'; cameraId: string; durationS: number }
  | { kind: 'intrusion'; gateId: string; durationS: number };

export interface RunningSimulator {
  stop(): Promise<void>;
  trigger(incident: IncidentRequest): void;
  /** Current scenario time. */
  scenarioNow(): Date;
  /** Uplinks and downlinks carried so far. */
  stats(): { uplinks: number; downlinks: number; joins: number };
}

/** First uplinks spread over this window (or the device's period, if shorter) so the map fills fast. */
const FIRST_UPLINK_WINDOW_S = 15;
/** Real devices drift: ±2 % on every period keeps a territory from beating in step. */
const PERIOD_JITTER = 0.02;

/**
 * Plays a demo territory as both its devices and its LoRaWAN network server (ChirpStack v4 on
 * MQTT), plus the video management system's camera status. The hub sees nothing but MQTT, exactly
 * as with a real network: `application/<app>/device/<devEui>/event/up|txack|ack|log` and
 * `beffroi/video/<cameraId>/status`; it commands through `…/command/down`.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const { territory, brokerUrl, speed = 60 } = options;
  const seed = String(options.seed ?? `beffroi:${territory.name}`);
  const log = options.log ?? (() => undefined);
  const calendar = createSchoolCalendar(territoryPlan(territory.name).holidayZone);
  const startMs = options.startAt?.getTime() ?? defaultStart(calendar, Date.now());
  const clock = createScenarioClock(startMs, speed);
  const rng = createRng(`${seed}:network`);
  const scheduler = new Scheduler((error) => log(`erreur du simulateur : ${error instanceof Error ? error.message : String(error)}`));

  const client = await connectAsync(brokerUrl, {
    clientId: `beffroi-simulateur-${Math.floor(rng.next() * 0xffffff).toString(16)}`,
    reconnectPeriod: 1_000,
  });

  const cabinets = new Map<string, Cabinet>();
  const gates = new Map<string, Gate>();
  const assets = new Map(territory.assets.map((a) => [a.id, a]));
  const devicesPerGateway = new Map<string, number>();
  for (const d of territory.devices) if (d.gatewayId) devicesPerGateway.set(d.gatewayId, (devicesPerGateway.get(d.gatewayId) ?? 0) + 1);
  const incidents = new Incidents(
    createRng(`${seed}:incidents`),
    {
      gatewayIds: leastLoaded(devicesPerGateway),
      cabinetIds: territory.assets.filter((a) => a.kind === 'lighting-cabinet').map((a) => a.id),
      cameraIds: territory.assets.filter((a) => a.kind === 'camera').map((a) => a.id),
      isLit: (id) => {
        const cabinet = cabinets.get(id);
        return cabinet !== undefined && isLit(cabinet, clock.now());
      },
      gateIds: territory.assets.filter((a) => a.kind === 'gate').map((a) => a.id),
      isGateClosed: (id, wallMs) => {
        const gate = gates.get(id);
        return gate !== undefined && !gateOpen(gate, wallMs);
      },
    },
    {
      schedule: (at, run) => scheduler.schedule(at, run),
      cameraChanged: (cameraId) => {
        const video = videoByAsset.get(cameraId);
        if (video) server.cameraStatus(video, Date.now());
      },
      log,
    },
  );
  const devices = createDevices(territory.devices, assets, { seed, startMs, calendar, incidents, cabinets, gates });

  const radios = new Map<string, RadioDevice>();
  const videoByAsset = new Map<string, VideoDevice>();
  const gateways = new Map(territory.gateways.map((g) => [g.id, g]));
  for (const device of devices) {
    const radio = radioFor(device, territory, gateways, seed);
    if (radio) radios.set(device.seed.devEui, radio);
    else if (device.seed.model === 'vms-camera') videoByAsset.set(device.asset.id, { kind: 'video', device });
  }
  const server = new NetworkServer(client, radios, clock, incidents, rng, log);

  client.on('message', (topic, payload) => server.handleCommand(topic, payload));
  await client.subscribeAsync('application/+/device/+/command/down', { qos: 1 });

  const now = Date.now();
  const every = (periodS: number, firstAtMs: number, run: (wallMs: number) => void): void => {
    const tick = (dueMs: number) => () => {
      try {
        run(Date.now());
      } catch (error) {
        // One device's bad frame must not silence it for good: report and keep its rhythm.
        log(`erreur du simulateur : ${error instanceof Error ? error.message : String(error)}`);
      }
      const periodMs = periodS * 1_000 * (1 + (rng.next() * 2 - 1) * PERIOD_JITTER);
      const next = Math.max(dueMs + periodMs, Date.now() - periodMs);
      scheduler.schedule(next, tick(next));
    };
    scheduler.schedule(firstAtMs, tick(firstAtMs));
  };
  const firstAt = (periodS: number) => now + rng.next() * Math.min(periodS, FIRST_UPLINK_WINDOW_S) * 1_000;
  for (const radio of radios.values()) {
    const period = radio.device.seed.uplinkPeriodS;
    const first = firstAt(period);
    // Each device joins the network as it powers up, just before its first uplink.
    scheduler.schedule(first, () => server.join(radio, Date.now() - 1));
    every(period, first, (wallMs) => server.uplink(radio, wallMs));
  }
  for (const video of videoByAsset.values()) {
    const period = video.device.seed.uplinkPeriodS;
    every(period, firstAt(period), (wallMs) => server.cameraStatus(video, wallMs));
  }
  if (options.incidents !== false) incidents.start(now);
  log(`simulateur démarré : ${radios.size} appareils LoRaWAN, ${videoByAsset.size} caméras, vitesse ×${speed}, scénario au ${new Date(startMs).toISOString()}`);

  return {
    async stop() {
      scheduler.stop();
      await client.endAsync();
    },
    trigger(incident) {
      const untilMs = Date.now() + incident.durationS * 1_000;
      if (incident.kind === 'gateway-outage') incidents.beginGatewayOutage(incident.gatewayId, untilMs);
      else if (incident.kind === 'cabinet-fault') incidents.beginCabinetFault(incident.cabinetId, incident.fault, untilMs);
      else if (incident.kind === 'intrusion') incidents.beginIntrusion(incident.gateId, untilMs);
      else incidents.beginCameraOutage(incident.cameraId, untilMs);
    },
    scenarioNow: () => new Date(clock.now()),
    stats: () => ({ uplinks: server.uplinks, downlinks: server.downlinks, joins: server.joins }),
  };
}

/** The next school day (today included) at 06:30 in Paris: the day starts with something to see. */
export function defaultStart(calendar: SchoolCalendar, nowMs: number): number {
  for (let day = 0; day < 120; day++) {
    const local = parisTime(nowMs + day * DAY_MS);
    if (calendar.isSchoolDay(local.date, local.weekday)) return parisInstant(local.date, 6.5);
  }
  return nowMs;
}

/** Gateways whose outage silences a cluster, not half a town: the least loaded third. */
function leastLoaded(devicesPerGateway: Map<string, number>): string[] {
  const sorted = [...devicesPerGateway.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 3))).map(([id]) => id);
}

function radioFor(device: SimDevice, territory: TerritorySeed, gateways: Map<string, TerritorySeed['gateways'][number]>, seed: string): RadioDevice | undefined {
  const codec = getCodec(device.seed.model);
  const gateway = device.seed.gatewayId ? gateways.get(device.seed.gatewayId) : undefined;
  if (!codec?.encodeUplink || !gateway) return undefined;
  const rng = createRng(`${seed}:radio:${device.seed.devEui}`);
  const asset: AssetSeed = device.asset;
  return {
    kind: 'lorawan',
    device,
    codec,
    info: deviceInfoFor(territory.name, device.seed, asset),
    devAddr: `01${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`,
    gatewayId: gateway.id,
    gatewayLocation: { lon: gateway.lon, lat: gateway.lat },
    distanceM: Math.sqrt(distanceSquaredM2([asset.lon, asset.lat], [gateway.lon, gateway.lat])),
    // Before its join at start: the join restarts it at 0 (see NetworkServer.join).
    fCnt: rng.int(100, 60_000),
    fCntDown: rng.int(0, 200),
    queue: [],
  };
}
