/**
 * Benchmark: uplinks per second through the hub's whole real path — MQTT broker → source →
 * decode (vendor codecs) → rules → journal (SQLite file, WAL, batched transactions) → broadcast to
 * 10 subscribed WebSocket consoles. The hub runs as its own process (`npm run hub`'s command), the
 * consoles in another, the broker and the publisher here.
 *
 *   npm run bench -- hub-ingest [--uplinks 60000] [--consoles 10]
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { getCodec } from '../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import { hubCommand, waitForHubHealth } from '../../scripts/lib/hub-process.mjs';
import { machineInfo, processCpuSeconds, processRssMiB } from './support/machine';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const UPLINKS = Number(args.get('uplinks') ?? 60_000);
const CONSOLES = Number(args.get('consoles') ?? 10);
const WARMUP = 3_000;
const ROOT = new URL('../../', import.meta.url).pathname;

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

/** ChirpStack `event/up` messages for the territory's radio devices, frame counters increasing. */
function buildUplinks(count: number, fCntBase: number) {
  const territory = generateTerritory('essonne');
  const assets = new Map(territory.assets.map((a) => [a.id, a]));
  const radios = territory.devices.filter((d) => readings(d.model, 0));
  const messages: { topic: string; payload: string }[] = [];
  for (let i = 0; i < count; i++) {
    const device = radios[i % radios.length]!;
    const info = deviceInfoFor(territory.name, device, assets.get(device.assetId)!);
    const { fPort, bytes } = getCodec(device.model)!.encodeUplink!(readings(device.model, i)!);
    const fCnt = fCntBase + Math.floor(i / radios.length);
    const event = uplinkEvent({
      info,
      deduplicationId: `bench-${i}`,
      time: new Date().toISOString(),
      devAddr: '01020304',
      fCnt,
      fPort,
      bytes,
      reception: { gatewayId: '0016c001f0000001', rssi: -100, snr: 5, dr: 5, frequency: 868_100_000, uplinkId: i },
    });
    messages.push({ topic: topicOf(info, 'up'), payload: JSON.stringify(event) });
  }
  return { messages, devices: radios.length };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function health(url: string): Promise<{ seq: number; ingest: { queued: number; uplinksTotal: number } }> {
  return (await (await fetch(`${url}/api/health`)).json()) as never;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const broker = await startEmbeddedBroker();
  const dataDir = mkdtempSync(join(tmpdir(), 'beffroi-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { command, args: hubArgs } = hubCommand(ROOT);
  const hub = spawn(command, hubArgs, {
    cwd: ROOT,
    env: { ...process.env, BEFFROI_PORT: String(port), BEFFROI_DATA_DIR: dataDir, BEFFROI_DEMO: 'essonne', BEFFROI_SIMULATOR: 'off', BEFFROI_MQTT_URL: broker.url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let consoles!: ReturnType<typeof fork>;
  const ask = <T>(question: string) =>
    new Promise<T>((resolve) => {
      consoles.once('message', (m) => resolve(m as T));
      consoles.send({ ask: question });
    });
  try {
    await waitForHubHealth(url, { signal: AbortSignal.timeout(120_000) });
    consoles = fork(join(ROOT, 'tests/bench/support/consoles.ts'), [url, String(CONSOLES)], { execArgv: ['--import', 'tsx'] });
    await new Promise((resolve) => consoles.once('message', resolve));
    const publisher = await connectAsync(broker.url, { clientId: 'bench-publisher' });
    const warmup = buildUplinks(WARMUP, 1);
    const run = buildUplinks(UPLINKS, 1000);

    const publishAll = async (messages: { topic: string; payload: string }[]) => {
      for (let i = 0; i < messages.length; i += 500) {
        await Promise.all(messages.slice(i, i + 500).map((m) => publisher.publishAsync(m.topic, m.payload, { qos: 1 })));
      }
    };
    const drained = async (target: number) => {
      for (;;) {
        const h = await health(url);
        if (h.ingest.uplinksTotal >= target && h.ingest.queued === 0) {
          const stats = await ask<{ seqs: number[] }>('stats');
          if (Math.min(...stats.seqs) >= h.seq) return h;
        }
        await sleep(20);
      }
    };

    await publishAll(warmup.messages);
    const before = await drained(WARMUP);
    const statsBefore = await ask<{ events: number; frames: number }>('stats');
    const cpuBefore = processCpuSeconds(hub.pid!);
    const started = performance.now();
    let peakRss = 0;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, processRssMiB(hub.pid!))), 200);
    await publishAll(run.messages);
    const after = await drained(WARMUP + UPLINKS);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(rssTimer);
    const cpu = processCpuSeconds(hub.pid!) - cpuBefore;
    const statsAfter = await ask<{ events: number; frames: number }>('stats');

    const journalEvents = after.seq - before.seq;
    console.log(JSON.stringify({ benchmark: 'hub-ingest', machine: await machineInfo() }, null, 1));
    console.log(`
Hub ingest — broker → decode → rules → journal (SQLite WAL) → ${CONSOLES} consoles
  uplinks published          ${UPLINKS} over ${run.devices} devices (QoS 1), after a warm-up of ${WARMUP}
  run length                 ${seconds.toFixed(2)} s (first publish → every console has the last event)
  uplinks/s end to end       ${(UPLINKS / seconds).toFixed(0)}
  journal events written     ${journalEvents} (${(journalEvents / seconds).toFixed(0)}/s; several uplinks of one device in a batch make one event)
  events delivered           ${statsAfter.events - statsBefore.events} to ${CONSOLES} consoles in ${statsAfter.frames - statsBefore.frames} frames
  hub CPU                    ${cpu.toFixed(2)} s = ${((cpu / seconds) * 100).toFixed(0)} % of one core (2 cores = 200 %)
  hub peak resident memory   ${peakRss.toFixed(0)} MiB`);
    await publisher.endAsync();
  } finally {
    consoles?.send({ ask: 'exit' });
    hub.kill('SIGTERM');
    await new Promise((resolve) => hub.once('exit', resolve));
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
