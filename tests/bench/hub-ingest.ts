/**
 * Benchmark H1: uplinks per second through the hub's whole real path — MQTT broker (Mosquitto,
 * its own process) → source → decode (vendor codecs) → rules → journal (SQLite file, WAL, batched
 * transactions, acknowledged to the broker after commit) → broadcast to 10 subscribed WebSocket
 * consoles — and the same for a naive peer (support/naive-hub.ts), fed by the same publisher:
 *   1. at a fixed 1,000 uplinks/s: the process's CPU (goal ≤ 50 % of 2 cores);
 *   2. offered more than the goal (6,000/s by default) for `--minutes`: the rate it sustains,
 *      uplinks committed per second (goal ≥ 5,000/s for 10 minutes).
 * Each side gets its own fresh broker; hub, peer, consoles, broker and publisher are separate
 * processes, so each CPU figure is the process's own.
 *
 *   npm run bench -- hub-ingest [--minutes 10] [--rate 6000] [--cpu-seconds 120] [--consoles 10]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { generateTerritory } from '../../electron/hub/territory';
import { REPO_ROOT, startBenchHub } from './support/bench-hub';
import { UplinkStream, benchArgs, sleep, startBenchMosquitto } from './support/ingest-load';
import { machineInfo, processCpuSeconds, processRssMiB } from './support/machine';
import { report } from './support/verdict';

const args = benchArgs();
const MINUTES = Number(args.get('minutes') ?? 10);
const OFFERED = Number(args.get('rate') ?? 6_000);
const CPU_RATE = 1_000;
const CPU_SECONDS = Number(args.get('cpu-seconds') ?? 120);
const CONSOLES = Number(args.get('consoles') ?? 10);
const WARMUP = 3_000;

/** A pipeline under test: the hub or the naive peer, as the bench sees it. */
interface Pipeline {
  name: string;
  pid: number;
  url: string;
  /** Uplinks committed to its database so far. */
  committed(): Promise<number>;
  /** The last sequence number it sent its consoles. */
  seq(): Promise<number>;
  stop(): Promise<void>;
}

interface Result {
  cpuPercentOfOneCore: number;
  cpuPhaseRate: number;
  sustainedRate: number;
  sustainedSeconds: number;
  sustainedCpuPercent: number;
  peakRssMiB: number;
  brokerCpuPercent: number;
  eventsDelivered: number;
  framesDelivered: number;
  consoleLagSeq: number;
  minuteRates: number[];
}

function ask<T>(child: ChildProcess, question: string): Promise<T> {
  return new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send({ ask: question });
  });
}

async function ours(brokerUrl: string): Promise<Pipeline> {
  const hub = await startBenchHub({ demo: 'essonne', brokerUrl });
  return {
    name: 'Beffroi',
    pid: hub.pid,
    url: hub.url,
    committed: async () => (await hub.health()).ingest.acknowledged,
    seq: async () => (await hub.health()).seq,
    stop: () => hub.stop(),
  };
}

async function peer(brokerUrl: string): Promise<Pipeline> {
  const dir = mkdtempSync(join(tmpdir(), 'beffroi-bench-peer-'));
  const child = fork(join(REPO_ROOT, 'tests/bench/support/naive-hub.ts'), [brokerUrl, join(dir, 'peer.sqlite')], { execArgv: ['--import', 'tsx'] });
  const { url } = await new Promise<{ url: string }>((resolve) => child.once('message', (m) => resolve(m as { url: string })));
  const stats = () => ask<{ inserted: number; seq: number }>(child, 'stats');
  return {
    name: 'pair naïf (mqtt.js + sqlite3 ligne à ligne + JSON.stringify par console)',
    pid: child.pid!,
    url,
    committed: async () => (await stats()).inserted,
    seq: async () => (await stats()).seq,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(start: (brokerUrl: string) => Promise<Pipeline>): Promise<Result> {
  const broker = await startBenchMosquitto();
  const pipeline = await start(broker.url);
  const consoles = fork(join(REPO_ROOT, 'tests/bench/support/consoles.ts'), [pipeline.url, String(CONSOLES)], { execArgv: ['--import', 'tsx'] });
  const publisher = await connectAsync(broker.url, { clientId: 'bench-network-server' });
  try {
    await new Promise((resolve) => consoles.once('message', resolve));
    const stream = new UplinkStream(generateTerritory('essonne'), publisher);
    console.log(`\n${pipeline.name} — ${stream.devices} capteurs, ${CONSOLES} consoles`);
    await stream.burst(WARMUP);
    while ((await pipeline.committed()) < WARMUP) await sleep(100);

    // 1. A steady 1,000/s: ten seconds to settle, then the CPU over the window.
    stream.run(CPU_RATE);
    await sleep(10_000);
    const cpu0 = processCpuSeconds(pipeline.pid);
    const committed0 = await pipeline.committed();
    const t0 = performance.now();
    await sleep(CPU_SECONDS * 1000);
    const cpuSeconds = (performance.now() - t0) / 1000;
    const cpuPercentOfOneCore = ((processCpuSeconds(pipeline.pid) - cpu0) / cpuSeconds) * 100;
    const cpuPhaseRate = ((await pipeline.committed()) - committed0) / cpuSeconds;
    console.log(`  à ${CPU_RATE}/s : ${cpuPhaseRate.toFixed(0)}/s enregistrées, CPU ${cpuPercentOfOneCore.toFixed(0)} % d'un cœur sur ${cpuSeconds.toFixed(0)} s`);

    // 2. More than the goal offered for MINUTES: what it commits per second, minute by minute.
    const before = await ask<{ events: number; frames: number }>(consoles, 'stats');
    stream.run(OFFERED);
    const s0 = performance.now();
    const c0 = await pipeline.committed();
    const cpuS0 = processCpuSeconds(pipeline.pid);
    const brokerCpu0 = processCpuSeconds(broker.pid);
    let peakRssMiB = 0;
    const minuteRates: number[] = [];
    let lastMinute = c0;
    while (performance.now() - s0 < MINUTES * 60_000) {
      for (let i = 0; i < 6 && performance.now() - s0 < MINUTES * 60_000; i++) {
        await sleep(10_000);
        peakRssMiB = Math.max(peakRssMiB, processRssMiB(pipeline.pid));
      }
      const now = await pipeline.committed();
      minuteRates.push((now - lastMinute) / 60);
      console.log(`  minute ${minuteRates.length} : ${((now - lastMinute) / 60).toFixed(0)}/s enregistrées, mémoire ${processRssMiB(pipeline.pid).toFixed(0)} Mio`);
      lastMinute = now;
    }
    const sustainedSeconds = (performance.now() - s0) / 1000;
    const sustainedRate = ((await pipeline.committed()) - c0) / sustainedSeconds;
    const sustainedCpuPercent = ((processCpuSeconds(pipeline.pid) - cpuS0) / sustainedSeconds) * 100;
    const brokerCpuPercent = ((processCpuSeconds(broker.pid) - brokerCpu0) / sustainedSeconds) * 100;
    stream.stop();
    const after = await ask<{ events: number; frames: number; seqs: number[] }>(consoles, 'stats');
    const consoleLagSeq = (await pipeline.seq()) - Math.min(...after.seqs);
    return {
      cpuPercentOfOneCore,
      cpuPhaseRate,
      sustainedRate,
      sustainedSeconds,
      sustainedCpuPercent,
      peakRssMiB,
      brokerCpuPercent,
      eventsDelivered: after.events - before.events,
      framesDelivered: after.frames - before.frames,
      consoleLagSeq,
      minuteRates,
    };
  } finally {
    consoles.send({ ask: 'exit' });
    await publisher.endAsync(true);
    await pipeline.stop();
    await broker.stop();
  }
}

function describe(name: string, r: Result): string {
  return `${name}
  à ${CPU_RATE}/s                  CPU ${r.cpuPercentOfOneCore.toFixed(0)} % d'un cœur = ${(r.cpuPercentOfOneCore / 2).toFixed(0)} % des 2 cœurs (${r.cpuPhaseRate.toFixed(0)}/s enregistrées)
  ${OFFERED}/s offertes, ${(r.sustainedSeconds / 60).toFixed(1)} min   ${r.sustainedRate.toFixed(0)}/s enregistrées en moyenne (par minute : ${r.minuteRates.map((x) => x.toFixed(0)).join(', ')})
  CPU pendant ce temps         ${r.sustainedCpuPercent.toFixed(0)} % d'un cœur ; courtier à part ${r.brokerCpuPercent.toFixed(0)} %
  mémoire résidente, pic       ${r.peakRssMiB.toFixed(0)} Mio
  consoles                     ${r.eventsDelivered} événements en ${r.framesDelivered} trames ; retard final ${r.consoleLagSeq} seq`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = await machineInfo();
  const hub = await measure(ours);
  const naive = await measure(peer);
  console.log(JSON.stringify({ benchmark: 'hub-ingest', machine }, null, 1));
  console.log(`\nIngestion — courtier Mosquitto → décodage → règles → journal SQLite (WAL) → ${CONSOLES} consoles\n${describe('Beffroi', hub)}\n${describe('Pair naïf', naive)}`);
  const peerName = 'pair naïf mqtt.js + sqlite3 + JSON.stringify par console';
  report('hub-ingest', {
    machine,
    runSeconds: (performance.now() - started) / 1000,
    minutes: MINUTES,
    offered: OFFERED,
    broker: 'mosquitto, processus à part',
    ours: hub,
    peer: naive,
    comparisons: [
      { id: 'H1', what: `liaisons/s tenues (${OFFERED}/s offertes, ${MINUTES} min)`, unit: '/s', ours: hub.sustainedRate, peer: naive.sustainedRate, peerName, better: 'higher', goalRatio: 1 },
      { id: 'H1', what: `CPU à ${CPU_RATE}/s`, unit: '% d’un cœur', ours: hub.cpuPercentOfOneCore, peer: naive.cpuPercentOfOneCore, peerName, better: 'lower', goalRatio: 1 },
    ],
    absolutes: [
      { id: 'H1', what: `liaisons/s tenues ${MINUTES} min de bout en bout`, unit: '/s', value: hub.sustainedRate, better: 'higher', goal: 5_000 },
      { id: 'H1', what: `CPU du hub à ${CPU_RATE}/s`, unit: '% des 2 cœurs', value: hub.cpuPercentOfOneCore / 2, better: 'lower', goal: 50 },
    ],
  });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
