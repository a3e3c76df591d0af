/**
 * Benchmark A1: sensor event → visible on the operator's screen, during a burst of 5,000 uplinks/s.
 * A real hub (its own process) on the `finistere` demo (97k assets), its own MQTT broker, a real
 * console in real Chromium logged in as « operateur ». The publisher sends every device's ordinary
 * readings (ChirpStack v4 uplinks encoded by each model's codec, camera statuses) at the burst's
 * rate, and among them, twice a second, a probe: one waste container's uplink that turns its
 * status over (full → alarm raised, emptied → ok), whose publish time is kept.
 *
 * The broker is a Mosquitto of its own process, as a network server's field broker and as in the
 * H1 bench (`--broker aedes`: the hub's embedded broker instead, run in this process, where its
 * CPU competes with the publisher and the broadcast watch and adds to their lag).
 *
 * Per probe: publish → the hub's broadcast reaches a WebSocket console in this process → the
 * browser console's store applies it → the first animation frame after (a frame with the change
 * has been presented). The page's times come from `window.__beffroiDebug.watchStatuses` /
 * `takeStatusRecords` (renderer/app/status-probe.ts). Every time is `Date.now()`, in Node and in
 * the page: one wall clock, one machine.
 *
 *   npm run bench -- alarm-latency [--seconds 60] [--rate 5000] [--probes-per-second 2] [--broker mosquitto|aedes]
 *
 * Absolute goal (no peer: the goal is SCADA practice, not a ratio): p95 ≤ 1 s, p99 ≤ 2 s. A probe
 * never seen counts as infinitely late. WebGL runs on SwiftShader here: a frame of the map costs
 * what it costs on this machine, printed with it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type MqttClient, connectAsync } from 'mqtt';
import { z } from 'zod';
import type { HealthResponse } from '../../shared/protocol/messages';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import { BroadcastWatch, type Probe, matchSightings, percentiles } from './support/alarm-latency-probes';
import { REPO_ROOT, startBenchHub } from './support/bench-hub';
import { consoleCounters, launchChromium, openConsole } from './support/console-meter';
import { startBenchMosquitto } from './support/ingest-load';
import { FieldFeed } from './support/field-feed';
import { browserInfo, machineBusySeconds, machineInfo, processCpuSeconds } from './support/machine';
import { report } from './support/verdict';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const BURST_S = Number(args.get('seconds') ?? 60);
const RATE = Number(args.get('rate') ?? 5_000);
const PROBES_PER_S = Number(args.get('probes-per-second') ?? 2);
const BROKER = args.get('broker') ?? 'mosquitto';
if (BROKER !== 'mosquitto' && BROKER !== 'aedes') throw new Error(`--broker ${BROKER} : mosquitto ou aedes`);
const DEMO = 'finistere';
const USER = 'operateur';
const PASSWORD = 'beffroi';
const TICK_MS = 100;
/** Containers taking turns as probes: each is probed every 20 s at 2 probes/s, long after its last. */
const PROBE_ASSETS = 40;
/** After the burst: how long probes still in flight may take before they count as never seen. */
const LATE_LIMIT_MS = 30_000;
/** After the last publish: how long the hub may take to empty its queue before the bench goes on. */
const DRAIN_LIMIT_S = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'jamais');

/**
 * The feed's MQTT client: live to the broker, or recording what the feed would publish, to send
 * it later with the time of sending (the « time » of ChirpStack's event and its reception).
 */
class BurstRecorder {
  private recording = false;
  private readonly recorded: { topic: string; parts: string[] }[] = [];
  sent = 0;
  readonly client: MqttClient;

  constructor(private readonly publisher: MqttClient) {
    this.client = {
      publishAsync: (topic: string, payload: string, options: { qos: 0 | 1 | 2 }) => {
        if (!this.recording) return publisher.publishAsync(topic, payload, options);
        const time = /"time":"([^"]+)"/.exec(payload)?.[1];
        this.recorded.push({ topic, parts: time ? payload.split(time) : [payload] });
        return Promise.resolve(undefined);
      },
    } as unknown as MqttClient;
  }

  get recordedCount(): number {
    return this.recorded.length;
  }

  async record<T>(work: () => Promise<T>): Promise<{ result: T; recorded: number }> {
    this.recording = true;
    try {
      const result = await work();
      return { result, recorded: this.recorded.length };
    } finally {
      this.recording = false;
    }
  }

  /** Publishes recorded messages [from, to) now, QoS 1, stamped with the current time. */
  async send(from: number, to: number): Promise<void> {
    const now = new Date().toISOString();
    const sending: Promise<unknown>[] = [];
    for (let i = from; i < to; i++) {
      const { topic, parts } = this.recorded[i]!;
      sending.push(this.publisher.publishAsync(topic, parts.join(now), { qos: 1 }));
    }
    this.sent += to - from;
    await Promise.all(sending);
  }
}

const StatusRecords = z.array(z.object({ assetId: z.string(), status: z.string(), appliedAt: z.number(), drawnAt: z.number().nullable() }));

async function main(): Promise<void> {
  const started = performance.now();
  console.log('Console : construction si elle est périmée (node scripts/build.mjs --if-stale renderer)…');
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale', 'renderer'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('la construction de la console a échoué');

  const territory = generateTerritory(DEMO);
  const fed = new Set(territory.devices.map((d) => d.assetId));
  const bins = territory.assets.filter((a) => a.kind === 'waste-container' && fed.has(a.id)).map((a) => a.id);
  const probeAssets = bins.slice(0, PROBE_ASSETS);
  const probeSet = new Set(probeAssets);
  // Everything else with a device reports its ordinary readings, round and round, at the burst's rate.
  const background = [...fed].filter((id) => !probeSet.has(id));

  const broker = BROKER === 'aedes' ? await startEmbeddedBroker() : await startBenchMosquitto();
  const cleanups: Array<() => unknown> = [() => broker.stop()];
  try {
    const hub = await startBenchHub({ demo: DEMO, brokerUrl: broker.url });
    cleanups.push(() => hub.stop());
    const publisher = await connectAsync(broker.url, { clientId: 'bench-alarm-latency' });
    cleanups.push(() => publisher.endAsync());
    const recorder = new BurstRecorder(publisher);
    const feed = new FieldFeed(territory, recorder.client);
    await feed.beatAll();
    console.log(`Hub prêt en ${hub.startS.toFixed(1)} s ; ${feed.deviceCount} appareils entendus.`);

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await openConsole(browser, hub.url, USER, PASSWORD);
    await feed.beatAll();
    await sleep(3_000);
    await page.evaluate(`window.__beffroiDebug.watchStatuses(${JSON.stringify(probeAssets)})`);
    const watch = await BroadcastWatch.open(hub.url, USER, PASSWORD, (await hub.health()).seq, probeAssets);
    cleanups.push(() => watch.close());

    // The burst's ordinary readings are encoded now, by the feed itself (same codecs, frame
    // counters going on), so that during the burst the publisher only sends.
    const perTick = RATE / (1000 / TICK_MS);
    const ticks = Math.round((BURST_S * 1000) / TICK_MS);
    const burst = await recorder.record(async () => {
      let cursor = 0;
      const perTickMessages: number[] = [];
      for (let tick = 0; tick < ticks; tick++) {
        const slice: string[] = [];
        for (let n = Math.round(perTick * (tick + 1)) - Math.round(perTick * tick); n > 0; n--) slice.push(background[cursor++ % background.length]!);
        await feed.report(slice, 'normal');
        perTickMessages.push(recorder.recordedCount);
      }
      return perTickMessages;
    });

    const consoleBefore = await consoleCounters(page);
    const healthBefore = await hub.health();
    const hubCpuBefore = processCpuSeconds(hub.pid);
    const brokerCpuBefore = 'pid' in broker ? processCpuSeconds(broker.pid) : 0;
    const benchCpuBefore = process.cpuUsage();
    const machineBusyBefore = machineBusySeconds();
    const publishedBefore = feed.published;
    const probes: Probe[] = [];
    const inFlight: Promise<void>[] = [];
    const queued: number[] = [];
    const writerLag: HealthResponse['ingest']['writer'][] = [];
    const probeEveryTicks = Math.max(1, Math.round(1000 / TICK_MS / PROBES_PER_S));
    console.log(`Rafale : ${RATE} liaisons montantes/s pendant ${BURST_S} s, ${PROBES_PER_S} sondes/s sur ${PROBE_ASSETS} conteneurs…`);

    // This process runs the broker, the publisher and the broadcast watch: its own lag delays
    // what it reads of the hub's broadcast (and the console's share looks shorter by as much).
    const benchLag = monitorEventLoopDelay({ resolution: 10 });
    benchLag.enable();
    const t0 = performance.now();
    for (let tick = 0; tick < ticks; tick++) {
      const sending = [recorder.send(tick === 0 ? 0 : burst.result[tick - 1]!, burst.result[tick]!)];
      if (tick % probeEveryTicks === 0) {
        const index = tick / probeEveryTicks;
        const assetId = probeAssets[index % probeAssets.length]!;
        // An asset's probes alternate: full (its first), emptied, full…
        const full = Math.floor(index / probeAssets.length) % 2 === 0;
        probes.push({ assetId, expected: full ? 'alarm' : 'ok', publishedAt: Date.now() });
        sending.push(feed.report([assetId], full ? 'bin-full' : 'normal'));
      }
      // The next tick does not wait for these acknowledgements unless it is already late.
      const all = Promise.all(sending).then(() => undefined);
      inFlight.push(all);
      if (tick % 10 === 9)
        void hub.health().then((h) => {
          queued.push(h.ingest.queued);
          writerLag.push(h.ingest.writer);
        });
      const waitMs = (tick + 1) * TICK_MS - (performance.now() - t0);
      if (waitMs > 0) await sleep(waitMs);
      else await all;
    }
    await Promise.all(inFlight);
    const publishS = (performance.now() - t0) / 1000;
    const published = feed.published - publishedBefore + recorder.sent;

    // The hub takes the rest of the burst; the hub's rate counts until its queue is empty.
    let healthAfter = await hub.health();
    while (healthAfter.ingest.queued > 0 || healthAfter.ingest.uplinksTotal - healthBefore.ingest.uplinksTotal < published) {
      if (performance.now() - t0 > (publishS + DRAIN_LIMIT_S) * 1000) break;
      await sleep(100);
      healthAfter = await hub.health();
    }
    const drainedS = (performance.now() - t0) / 1000;
    const consoleAfter = await consoleCounters(page);
    const consoleDelta = {
      framesApplied: consoleAfter.framesApplied - consoleBefore.framesApplied,
      eventsApplied: consoleAfter.eventsApplied - consoleBefore.eventsApplied,
      colourRowsChanged: consoleAfter.colourRowsChanged - consoleBefore.colourRowsChanged,
      framesDrawn: consoleAfter.framesDrawn - consoleBefore.framesDrawn,
    };
    const hubCpuS = processCpuSeconds(hub.pid) - hubCpuBefore;
    const brokerCpuS = 'pid' in broker ? processCpuSeconds(broker.pid) - brokerCpuBefore : undefined;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const benchCpuS = (benchCpu.user + benchCpu.system) / 1e6;
    const machineBusyS = machineBusySeconds() - machineBusyBefore;
    // What is neither the hub, the broker nor this process: Chromium (the console, its GPU process).
    const restCpuS = machineBusyS - hubCpuS - (brokerCpuS ?? 0) - benchCpuS;
    const applied = healthAfter.ingest.uplinksTotal - healthBefore.ingest.uplinksTotal;

    // Probes still on their way get LATE_LIMIT_MS, then count as never seen.
    const records: z.infer<typeof StatusRecords> = [];
    for (const giveUp = Date.now() + LATE_LIMIT_MS; ; await sleep(500)) {
      records.push(...StatusRecords.parse(await page.evaluate('window.__beffroiDebug.takeStatusRecords()')));
      for (const probe of probes) probe.drawnAt = undefined;
      matchSightings(probes, records.map((r) => ({ assetId: r.assetId, status: r.status, at: r.appliedAt, drawnAt: r.drawnAt ?? undefined })), (probe, s) => {
        probe.appliedAt = s.at;
        probe.drawnAt = s.drawnAt;
      });
      if (probes.every((p) => p.drawnAt !== undefined) || Date.now() > giveUp) break;
    }
    matchSightings(probes, watch.seen, (probe, s) => (probe.broadcastAt = s.at));
    benchLag.disable();

    const total = probes.map((p) => (p.drawnAt === undefined ? Number.POSITIVE_INFINITY : p.drawnAt - p.publishedAt));
    const seen = probes.filter((p) => p.drawnAt !== undefined && p.broadcastAt !== undefined);
    const stage = (f: (p: Probe) => number) => percentiles(seen.map(f));
    const line = (label: string, q: ReturnType<typeof percentiles>) =>
      `  ${label.padEnd(44)} p50 ${ms(q.p50)} · p95 ${ms(q.p95)} · p99 ${ms(q.p99)} · max ${ms(q.max)}`;
    const all = percentiles(total);
    const hubStage = stage((p) => p.broadcastAt! - p.publishedAt);
    const consoleStage = stage((p) => p.appliedAt! - p.broadcastAt!);
    const frameStage = stage((p) => p.drawnAt! - p.appliedAt!);
    const machine = { ...(await machineInfo()), ...(await browserInfo(browser, page)) };

    console.log(JSON.stringify({ benchmark: 'alarm-latency', machine }, null, 1));
    console.log(`
Événement capteur → écran de l'opérateur — démo ${DEMO}, console 1280 × 800 (carte et liste à l'écran)
  publiées                  ${published} liaisons montantes en ${publishS.toFixed(1)} s = ${(published / publishS).toFixed(0)}/s (demandé ${RATE}/s)
  prises par le hub         ${applied}${healthAfter.ingest.queued > 0 ? ` (file encore à ${healthAfter.ingest.queued} après ${DRAIN_LIMIT_S} s)` : ''} ; file vide ${drainedS.toFixed(1)} s après le début = ${(applied / drainedS).toFixed(0)}/s ; file max pendant la rafale ${Math.max(0, ...queued)}
  file du hub, chaque s     ${queued.join(' ')}
  attente au rédacteur      plus vieille liaison de chaque lot, max sur 10 s, chaque s : ${writerLag.map((w) => w.waitMaxMs).join(' ')} ms
  transaction SQLite        max sur 10 s, chaque s : ${writerLag.map((w) => w.commitMaxMs).join(' ')} ms ; lots ${(writerLag.at(-1)?.batches ?? 0) - (writerLag[0]?.batches ?? 0)} pendant la rafale
  le hub a suivi            ${Math.max(0, ...queued) < published / publishS ? 'oui' : 'non'} (file max ${Math.max(0, ...queued)} = ${(Math.max(0, ...queued) / (published / publishS)).toFixed(1)} s de rafale au rythme publié)
  hub CPU                   ${hubCpuS.toFixed(1)} s = ${((hubCpuS / drainedS) * 100).toFixed(0)} % d'un cœur (2 cœurs = 200 %)
  banc (éditeur, témoin${BROKER === 'aedes' ? ', courtier' : ''}) ${benchCpuS.toFixed(1)} s ; Chromium et le reste ${restCpuS.toFixed(1)} s ; machine ${machineBusyS.toFixed(1)} s de ${(2 * drainedS).toFixed(1)} s possibles
  console pendant la rafale ${consoleDelta.eventsApplied} événements appliqués en ${consoleDelta.framesApplied} images ; ${consoleDelta.colourRowsChanged} couleurs changées ; carte dessinée ${consoleDelta.framesDrawn} fois
  courtier                  ${BROKER === 'aedes' ? 'aedes, dans le processus du banc' : `Mosquitto, CPU ${brokerCpuS!.toFixed(1)} s = ${((brokerCpuS! / drainedS) * 100).toFixed(0)} % d'un cœur`}
  sondes                    ${probes.length} publiées, ${probes.filter((p) => p.drawnAt !== undefined).length} à l'écran, ${probes.filter((p) => p.drawnAt === undefined).length} jamais vues en ${LATE_LIMIT_MS / 1000} s
${line('publication → image présentée', all)}
 où passe le temps (${seen.length} sondes vues aux trois points)
${line('publication → diffusion reçue (hub)', hubStage)}
${line('diffusion → appliquée par la console', consoleStage)}
${line('appliquée → image suivante', frameStage)}
  retard de la boucle du banc (courtier, éditeur, témoin) p99 ${ms(benchLag.percentile(99) / 1e6)} · max ${ms(benchLag.max / 1e6)} : la diffusion est lue ici avec ce retard
Banc entier ${((performance.now() - started) / 1000).toFixed(0)} s`);

    report('alarm-latency', {
      machine,
      runSeconds: BURST_S,
      absolutes: [
        { id: 'A1', what: 'événement capteur → écran, p95, pendant la rafale', unit: 'ms', value: all.p95, better: 'lower', goal: 1_000 },
        { id: 'A1', what: 'événement capteur → écran, p99, pendant la rafale', unit: 'ms', value: all.p99, better: 'lower', goal: 2_000 },
      ],
      rate: { asked: RATE, published: published / publishS, hubApplied: applied / drainedS, publishS, drainedS, maxQueued: Math.max(0, ...queued) },
      probes: { count: probes.length, unseen: probes.filter((p) => p.drawnAt === undefined).length, total: all, hub: hubStage, console: consoleStage, frame: frameStage },
      hubCpuS,
      broker: BROKER,
      brokerCpuS,
      benchCpuS,
      console: consoleDelta,
      restCpuS,
      machineBusyS,
      queuedEachSecond: queued,
      writerLagEachSecond: writerLag,
      benchLoopLagMs: { p99: benchLag.percentile(99) / 1e6, max: benchLag.max / 1e6 },
    });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
