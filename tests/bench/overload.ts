/**
 * Benchmark H2: the field offers 10,000 uplinks/s for 30 minutes, more than the hub can journal.
 * The hub must stay up with a flat resident memory (≤ 1 GB), show its backpressure in
 * `/api/health` (intake paused, uplinks in flight at the cap) and lose nothing it acknowledged:
 * at the end it is killed (SIGKILL) and its SQLite journal must hold every uplink it acknowledged
 * to the broker, without a frame-counter gap. The excess waits at the broker (Mosquitto, its own
 * process, set to hold a backlog: see ingest-load.ts), whose memory is reported apart.
 *
 *   npm run bench -- overload [--minutes 30] [--rate 10000] [--consoles 10] [--broker-queue-mib 0]
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { Database } from '../../electron/hub/store/db';
import { generateTerritory } from '../../electron/hub/territory';
import type { HealthResponse } from '../../shared/protocol/messages';
import { REPO_ROOT, startBenchHub } from './support/bench-hub';
import { UplinkStream, benchArgs, radioDevices, sleep, startBenchMosquitto } from './support/ingest-load';
import { machineInfo, processCpuSeconds, processRssMiB } from './support/machine';
import { report } from './support/verdict';

const args = benchArgs();
const MINUTES = Number(args.get('minutes') ?? 30);
const RATE = Number(args.get('rate') ?? 10_000);
const CONSOLES = Number(args.get('consoles') ?? 10);
/** Bytes Mosquitto may queue for the hub before dropping; 0: no limit (about 0.6 KiB per held uplink, ~6 GiB after 30 min at 10,000/s against ~5,000/s taken; the machine has 23 GiB). */
const BROKER_QUEUE_MIB = Number(args.get('broker-queue-mib') ?? 0);
const SAMPLE_S = 10;
/** Memory is compared between the first and the last five minutes (a third of a shorter run). */
const WINDOW_S = Math.min(300, (MINUTES * 60) / 3);

interface Sample {
  atS: number;
  rssMiB: number;
  brokerRssMiB: number;
  /** Broker CPU over the last interval, % of one core. */
  brokerCpuPercent: number;
  accepted: number;
  ingest: HealthResponse['ingest'] | undefined;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Least-squares slope of RSS over time, in MiB per minute. */
function slopePerMinute(samples: readonly Sample[]): number {
  const xs = samples.map((s) => s.atS / 60);
  const ys = samples.map((s) => s.rssMiB);
  const mx = mean(xs);
  const my = mean(ys);
  const num = xs.reduce((n, x, i) => n + (x - mx) * (ys[i]! - my), 0);
  const den = xs.reduce((n, x) => n + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** What the journal holds for the fed devices: frame counters reached, gaps the hub counted. */
async function journalOf(dataDir: string, devEuis: readonly string[]): Promise<{ fCnt: Map<string, number>; lost: number }> {
  const db = await Database.open(join(dataDir, 'beffroi.sqlite'));
  try {
    const fCnt = new Map<string, number>();
    let lost = 0;
    for (const devEui of devEuis) {
      const row = await db.get<{ last_fcnt: number | null; uplinks_lost: number }>('SELECT last_fcnt, uplinks_lost FROM devices WHERE dev_eui = ?', [devEui]);
      fCnt.set(devEui, row?.last_fcnt ?? 0);
      lost += row?.uplinks_lost ?? 0;
    }
    return { fCnt, lost };
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = await machineInfo();
  const territory = generateTerritory('essonne');
  const devEuis = radioDevices(territory).map((d) => d.devEui);
  const broker = await startBenchMosquitto(BROKER_QUEUE_MIB);
  const hub = await startBenchHub({ demo: 'essonne', brokerUrl: broker.url });
  const consoles = fork(join(REPO_ROOT, 'tests/bench/support/consoles.ts'), [hub.url, String(CONSOLES)], { execArgv: ['--import', 'tsx'] });
  const samples: Sample[] = [];
  let hubKilled = false;
  try {
    await new Promise((resolve) => consoles.once('message', resolve));
    const before = await journalOf(hub.dataDir, devEuis);
    const publisher = await connectAsync(broker.url, { clientId: 'bench-overload-network-server' });
    // What Mosquitto dropped beyond its queue limit (its $SYS counter, every 5 s).
    let brokerDropped = 0;
    await publisher.subscribeAsync('$SYS/broker/publish/messages/dropped');
    publisher.on('message', (topic, payload) => {
      if (topic === '$SYS/broker/publish/messages/dropped') brokerDropped = Number(payload.toString());
    });
    const stream = new UplinkStream(territory, publisher);
    const cpuBefore = processCpuSeconds(hub.pid);
    const runStarted = performance.now();
    console.log(`Surcharge : ${RATE} liaisons/s offertes pendant ${MINUTES} min sur ${stream.devices} capteurs, ${CONSOLES} consoles ; un relevé toutes les ${SAMPLE_S} s`);
    stream.run(RATE);
    let brokerCpu = processCpuSeconds(broker.pid);
    let sampledAt = performance.now();
    while (performance.now() - runStarted < MINUTES * 60_000) {
      await sleep(SAMPLE_S * 1000);
      const ingest = await hub.health().then((h) => h.ingest, () => undefined);
      const cpuNow = processCpuSeconds(broker.pid);
      const brokerCpuPercent = ((cpuNow - brokerCpu) / ((performance.now() - sampledAt) / 1000)) * 100;
      brokerCpu = cpuNow;
      sampledAt = performance.now();
      const sample = { atS: (performance.now() - runStarted) / 1000, rssMiB: processRssMiB(hub.pid), brokerRssMiB: processRssMiB(broker.pid), brokerCpuPercent, accepted: stream.accepted, ingest };
      samples.push(sample);
      console.log(
        `  ${sample.atS.toFixed(0).padStart(5)} s  hub ${sample.rssMiB.toFixed(0)} Mio  courtier ${sample.brokerRssMiB.toFixed(0)} Mio ${brokerCpuPercent.toFixed(0)} % CPU  publiées ${stream.published}, reçues par le courtier ${stream.accepted}  ` +
          (ingest ? `prises ${ingest.uplinksTotal}  acquittées ${ingest.acknowledged}  en vol ${ingest.inFlight}/${ingest.maxInFlight}  file ${ingest.queued}  ${ingest.paused ? 'EN PAUSE' : 'lecture'}  pauses ${ingest.pauses} (${ingest.pausedS} s)  doublons ${ingest.duplicates ?? '?'}  reconnexions ${ingest.reconnections ?? '?'}` : 'HUB MUET'),
      );
    }
    stream.stop();
    const seconds = (performance.now() - runStarted) / 1000;
    const cpu = processCpuSeconds(hub.pid) - cpuBefore;
    const last = await hub.health().then((h) => h.ingest, () => undefined);
    // Killed without a goodbye: what it acknowledged before must already be in the journal.
    process.kill(hub.pid, 'SIGKILL');
    hubKilled = true;
    while (existsSync(`/proc/${hub.pid}`) && !readFileSync(`/proc/${hub.pid}/stat`, 'utf8').includes(') Z')) await sleep(50);
    const after = await journalOf(hub.dataDir, devEuis);
    // Frame counters reached, less the gaps the hub counted (uplinks it never received: dropped
    // by the broker beyond its queue limit), is what the journal holds of what the hub received.
    const gaps = after.lost - before.lost;
    const journaled = devEuis.reduce((n, d) => n + after.fCnt.get(d)! - before.fCnt.get(d)!, 0) - gaps;
    const acknowledged = last?.acknowledged ?? 0;
    // An uplink the broker redelivers after a reconnection that the hub had already journaled is
    // recognised by its frame counter, acknowledged again and not journaled again: one PUBACK more
    // than the journal holds, lost nothing. The hub counts them (health `duplicates`).
    const duplicates = last?.duplicates ?? 0;
    const reconnections = last?.reconnections ?? 0;
    const ackedLost = Math.max(0, acknowledged - duplicates - journaled);

    const stayedUp = samples.every((s) => s.ingest !== undefined) && last !== undefined;
    const first = samples.filter((s) => s.atS <= WINDOW_S);
    const lastWindow = samples.filter((s) => s.atS >= seconds - WINDOW_S);
    const firstMean = mean(first.map((s) => s.rssMiB));
    const lastMean = mean(lastWindow.map((s) => s.rssMiB));
    const peak = Math.max(...samples.map((s) => s.rssMiB));
    const slope = slopePerMinute(samples.filter((s) => s.atS >= WINDOW_S));
    const pausedSeen = samples.filter((s) => s.ingest?.paused).length;
    const backlog = stream.accepted - (last?.uplinksTotal ?? 0);

    console.log(JSON.stringify({ benchmark: 'overload', machine }, null, 1));
    const brokerLines = hub.brokerLines();
    if (reconnections > 0) console.log(`Le hub sur ses courtiers (${reconnections} reconnexions) :\n${brokerLines.map((l) => `  ${l}`).join('\n')}`);
    console.log(`
Surcharge — ${RATE}/s offertes, ${(seconds / 60).toFixed(1)} min, courtier Mosquitto (processus à part)
  liaisons offertes            ${stream.published} (${(stream.published / seconds).toFixed(0)}/s publiées ; ${stream.accepted} acquittées par le courtier, ${(stream.accepted / seconds).toFixed(0)}/s)
  prises par le hub            ${last?.uplinksTotal ?? '?'} (${((last?.uplinksTotal ?? 0) / seconds).toFixed(0)}/s) ; acquittées ${acknowledged}
  gardées par le courtier      ${backlog - brokerDropped} à la fin (mémoire du courtier ${samples.at(-1)?.brokerRssMiB.toFixed(0)} Mio) ; jetées au-delà de sa file de ${BROKER_QUEUE_MIB} Mio : ${brokerDropped}
  contre-pression visible      ${pausedSeen}/${samples.length} relevés « en pause » ; ${last?.pauses ?? 0} pauses, ${last?.pausedS ?? 0} s en tout
  hub : mémoire résidente      5 premières min ${firstMean.toFixed(0)} Mio, 5 dernières ${lastMean.toFixed(0)} Mio, pic ${peak.toFixed(0)} Mio, pente ${slope.toFixed(2)} Mio/min (après la 1re fenêtre)
  hub : CPU                    ${((cpu / seconds) * 100).toFixed(0)} % d'un cœur
  après SIGKILL                journal : ${journaled} liaisons reçues (compteurs de trame, moins ${gaps} trous = jetées par le courtier avant le hub) ; acquittées ${acknowledged}, dont ${duplicates} doublons reconnus (liaison déjà au journal, redélivrée par le courtier ; ${reconnections} reconnexions) → perdues après acquittement ${ackedLost}`);

    report('overload', {
      machine,
      runSeconds: (performance.now() - started) / 1000,
      minutes: MINUTES,
      rate: RATE,
      broker: `mosquitto (max_inflight_messages 10000, max_queued_bytes ${BROKER_QUEUE_MIB} MiB)`,
      brokerDropped,
      journaled,
      gaps,
      acknowledged,
      duplicates,
      reconnections,
      brokerLines,
      samples,
      absolutes: [
        { id: 'H2', what: 'hub resté en service (tous les relevés /api/health répondus)', unit: '', value: stayedUp ? 1 : 0, better: 'higher', goal: 1 },
        { id: 'H2', what: 'mémoire résidente du hub, pic', unit: 'Mio', value: peak, better: 'lower', goal: 1024 },
        { id: 'H2', what: 'mémoire plate : dernières − premières minutes', unit: 'Mio', value: lastMean - firstMean, better: 'lower', goal: Math.max(32, firstMean * 0.1) },
        { id: 'H2', what: 'contre-pression visible dans /api/health (relevés « en pause »)', unit: '', value: pausedSeen, better: 'higher', goal: 1 },
        { id: 'H2', what: 'liaisons acquittées absentes du journal', unit: '', value: ackedLost, better: 'lower', goal: 0 },
      ],
    });
    await publisher.endAsync(true);
  } finally {
    consoles.send({ ask: 'exit' });
    if (!hubKilled) process.kill(hub.pid, 'SIGKILL');
    await hub.stop();
    await broker.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
