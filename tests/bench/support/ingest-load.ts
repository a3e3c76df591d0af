/**
 * What the ingest benchmarks (hub-ingest, overload) share: a Mosquitto of their own, as a
 * command post's field broker, in its own process (its CPU and memory are its own, reported
 * apart from the hub's), and a network server publishing ChirpStack `event/up` uplinks for the
 * territory's radio devices at a fixed rate, frame counters increasing by one per device (so the
 * hub's own frame-counter gap count says whether anything was lost on the way).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../../electron/hub/simulator/chirpstack-events';
import type { DeviceSeed, TerritorySeed } from '../../../electron/hub/territory/types';

export interface BenchBroker {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Mosquitto set to hold a backlog rather than drop it: by default it sends a session 20 QoS 1
 * messages at a time, queues at most 1,000 more and silently drops the rest. Here 10,000 in flight
 * (above the hub's intake cap, so that cap is what governs, and acknowledging after commit does
 * not throttle to 20 per transaction) and no queue limit unless `queueMiB` (Mosquitto 2.0.11
 * then drops far below that figure: seen dropping most of a 10,000/s flow with 200 MiB), so the
 * broker holds the whole backlog in its memory, ~0.6 KiB per uplink. Whatever it drops shows as
 * frame-counter gaps in the hub's journal, never as an acknowledged uplink.
 */
export async function startBenchMosquitto(queueMiB = 0): Promise<BenchBroker> {
  const dir = mkdtempSync(join(tmpdir(), 'beffroi-bench-mosquitto-'));
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(config, [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'max_queued_messages 0', ...(queueMiB > 0 ? [`max_queued_bytes ${queueMiB * 2 ** 20}`] : []), 'max_inflight_messages 10000', 'sys_interval 5', 'log_dest none', ''].join('\n'));
  const child: ChildProcess = spawn('/usr/sbin/mosquitto', ['-c', config], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
  return {
    url: `mqtt://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Plausible readings per model, varied so the rules do real work (and raise the odd alarm). */
function readings(model: string, i: number): Record<string, unknown> | undefined {
  const wave = (i * 7919) % 100;
  switch (model) {
    case 'milesight-am307':
      return { battery: 90, temperature: 19 + (wave % 40) / 10, humidity: 40 + (wave % 20), co2: 500 + wave * 12 };
    case 'milesight-wt101':
      return { battery: 80, temperature: 18 + (wave % 30) / 10, target_temperature: 19, valve_opening: wave };
    case 'mclimate-vicki':
      return { targetTemperatureFloat: 19, sensorTemperature: 18 + (wave % 30) / 10, relativeHumidity: 45, motorRange: 540, valveOpenness: wave, batteryVoltage: 3.3 };
    case 'milesight-em310-udl':
      return { battery: 85, distance: 200 + wave * 15 };
    case 'milesight-ws558':
      return { voltage: 231.5, active_power: 800 + wave * 10, power_factor: 95, power_consumption: 1000 + i, total_current: 3500, switch_1: 'on' };
    case 'dragino-lt22222-l':
      return { DI1_status: wave % 2 ? 'H' : 'L' };
    default:
      return undefined;
  }
}

/** The radio devices the bench feeds (those it has readings for). */
export function radioDevices(territory: TerritorySeed): DeviceSeed[] {
  return territory.devices.filter((d) => readings(d.model, 0) && territory.assets.some((a) => a.id === d.assetId));
}

/** Publishes awaiting the broker's PUBACK, at most (mqtt.js message ids are 16-bit). */
const MAX_AWAITING = 20_000;

interface Fed {
  devEui: string;
  topic: string;
  /** Ten payload variants per device (readings vary); fCnt and ids change per message. */
  events: ReturnType<typeof uplinkEvent>[];
  fCnt: number;
}

/**
 * A network server's uplinks at a fixed offered rate: every 50 ms, what the rate asks for so far,
 * published QoS 1 round-robin over the devices. The broker acknowledges on receipt, whatever
 * the subscriber does, so the offered rate does not bend to the hub (as in the field). If the
 * publisher itself falls behind (the machine is busy), `published` says what was really offered.
 */
export class UplinkStream {
  private readonly fed: Fed[];
  private next = 0;
  published = 0;
  /** Of those, acknowledged by the broker (PUBACK): what the field really handed over. */
  accepted = 0;
  private failed = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    territory: TerritorySeed,
    private readonly client: MqttClient,
  ) {
    const assets = new Map(territory.assets.map((a) => [a.id, a]));
    this.fed = radioDevices(territory).map((device) => {
      const info = deviceInfoFor(territory.name, device, assets.get(device.assetId)!);
      const codec = getCodec(device.model)!;
      const events = Array.from({ length: 10 }, (_, i) => {
        const { fPort, bytes } = codec.encodeUplink!(readings(device.model, i)!);
        const reception = { gatewayId: device.gatewayId ?? '0016c001f0000001', rssi: -100, snr: 5, dr: 5, frequency: 868_100_000, uplinkId: i };
        return uplinkEvent({ info, deduplicationId: '', time: '', devAddr: '01020304', fCnt: 0, fPort, bytes, reception });
      });
      return { devEui: device.devEui, topic: topicOf(info, 'up'), events, fCnt: 0 };
    });
  }

  get devices(): number {
    return this.fed.length;
  }

  /** Frame counter each device reached (the last one published). */
  lastFCnts(): Map<string, number> {
    return new Map(this.fed.map((f) => [f.devEui, f.fCnt]));
  }

  /** Publishes at `perSecond` until `stop()`; a new call changes the rate. */
  run(perSecond: number): void {
    this.stop();
    const started = performance.now();
    let sent = 0;
    this.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
      // Catching up after a stall of the publisher's own process is capped at one second's worth,
      // and so are the publishes awaiting the broker's PUBACK: beyond 65,535 mqtt.js would reuse
      // message ids still in flight. What could not be published is not counted as offered.
      const awaiting = this.published - this.accepted - this.failed;
      const count = Math.max(0, Math.min(due - sent, perSecond, MAX_AWAITING - awaiting));
      for (let i = 0; i < count; i++) void this.publishOne();
      sent += Math.min(due - sent, perSecond);
    }, 50);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Publishes `count` uplinks as fast as the broker takes them (warm-up). */
  async burst(count: number): Promise<void> {
    for (let i = 0; i < count; i += 500) {
      await Promise.all(Array.from({ length: Math.min(500, count - i) }, () => this.publishOne()));
    }
  }

  private publishOne(): Promise<unknown> {
    const fed = this.fed[this.next]!;
    this.next = (this.next + 1) % this.fed.length;
    fed.fCnt += 1;
    const event = fed.events[fed.fCnt % fed.events.length]!;
    event.fCnt = fed.fCnt;
    event.deduplicationId = `bench-${fed.devEui}-${fed.fCnt}`;
    event.time = new Date().toISOString();
    this.published += 1;
    return this.client.publishAsync(fed.topic, JSON.stringify(event), { qos: 1 }).then(
      () => void (this.accepted += 1),
      () => void (this.failed += 1),
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `--name value` pairs of the command line. */
export function benchArgs(): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
  return args;
}
