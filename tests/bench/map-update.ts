/**
 * Benchmark: what 1,000 asset status changes cost the console's main thread on the `finistere`
 * demo (~97k assets, 90k street lamps), in a real Chromium. The changes come the real way: the
 * bench publishes ChirpStack v4 uplinks to its own MQTT broker (tripped feeders, power overruns,
 * full bins), a real hub process decodes them, runs its rules and journals the status changes,
 * and the console receives, applies and draws them. Measured around each update: the DevTools
 * Protocol's main-thread figures (thread time) and the renderer's own apply time per frame.
 *
 *   npm run bench -- map-update [--rounds 10] [--warmup 2] [--changes 1000]
 *
 * WebGL runs on SwiftShader here: rasterising a frame is slow whatever the library, in the GPU
 * process. The figures are main-thread CPU, never frames per second.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectAsync } from 'mqtt';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import type { TerritorySeed } from '../../electron/hub/territory/types';
import { REPO_ROOT, startBenchHub } from './support/bench-hub';
import { type ChangePlan, planChanges, probeCabinet } from './support/change-plan';
import { FrameWatch, MainThreadMeter, type Metrics, beyondIdle, consoleCounters, launchChromium, metricsDelta, openConsole, perMs } from './support/console-meter';
import { FieldFeed } from './support/field-feed';
import { InStep } from './support/in-step';
import { browserInfo, machineInfo } from './support/machine';
import { type Round, printRounds } from './support/report';
import { Witness, total } from './support/witness';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const ROUNDS = Number(args.get('rounds') ?? 10);
const WARMUP = Number(args.get('warmup') ?? 2);
const CHANGES = Number(args.get('changes') ?? 1000);
const DEMO = 'finistere';
const USER = 'operateur';
const PASSWORD = 'beffroi';
/** The shortest demo uplink period is 20 s (thermostats), silent after 3 missed: beat well before. */
const BEAT_EVERY_MS = 20_000;
/** Length of each idle window measured before and after the rounds. */
const IDLE_MS = 3_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the rounds work with once everything runs. */
interface Bench {
  feed: FieldFeed;
  witness: Witness;
  step: InStep;
  page: Page;
  meter: MainThreadMeter;
  plan: ChangePlan;
  lastBeatMs: number;
}

/** Does this hub turn a tripped feeder into a cabinet fault with its lamps offline? By how much? */
async function probeFeederRule(territory: TerritorySeed, feed: FieldFeed, witness: Witness, step: InStep): Promise<{ cabinet: string; changes: Map<string, number> }> {
  const cabinet = probeCabinet(territory);
  await step.caughtUp();
  witness.takeChanges();
  await feed.report([cabinet], 'feeder-tripped');
  await step.caughtUp();
  const changes = witness.takeChanges();
  await feed.report([cabinet], 'normal');
  await step.caughtUp();
  witness.takeChanges();
  return { cabinet, changes };
}

/** One update: publish the plan's uplinks (or their reverse), measure until applied and drawn. */
async function runRound(bench: Bench, direction: Round['direction']): Promise<Round> {
  const { feed, witness, step, page, meter, plan } = bench;
  if (performance.now() - bench.lastBeatMs > BEAT_EVERY_MS) {
    bench.lastBeatMs = performance.now();
    await feed.beatAll();
  }
  await step.quiet();
  const unexpected = total(witness.takeChanges());
  if (unexpected > 0) console.log(`  (attention : ${unexpected} changements d'état hors mesure avant ce tour)`);
  await sleep(300); // the last frame of what came before is drawn before the window opens

  await FrameWatch.start(page);
  const before = await meter.read();
  const t0 = performance.now();
  for (const change of plan.steps) await feed.report(change.assetIds, direction === 'pose' ? change.reading : 'normal');
  let seq = await step.drained();
  // The witness sees the hub's broadcast: wait for every change it must carry.
  while (witness.pendingChanges() < plan.total && performance.now() - t0 < 30_000) await sleep(50);
  seq = Math.max(seq, witness.seq);
  const frames = await FrameWatch.stop(page, seq);
  const after = await meter.read();
  const wallMs = performance.now() - t0;
  const statusChanges = total(witness.takeChanges());

  // What the update leaves running once drawn (the new alarm rows' arrival flash), to its end.
  const tailStarted = performance.now();
  await step.quiet();
  const tail = { wallMs: performance.now() - tailStarted, main: metricsDelta(after, await meter.read()) };
  // The operator acknowledges: each round of one direction starts from the same alarm list.
  await witness.acknowledgeAll();
  const main = metricsDelta(before, after);
  return { direction, wallMs, main, net: main, frames, statusChanges, tail, tailNet: tail.main };
}

/**
 * An idle console is not free (deck.gl's loop and Chromium's frames run on): the same watch over
 * a quiet console gives what a window costs per ms of wall time, to subtract from the rounds.
 */
async function idleWindow(bench: Bench, ms: number): Promise<{ wallMs: number; main: Metrics }> {
  await bench.step.quiet();
  await sleep(300);
  await FrameWatch.start(bench.page);
  const before = await bench.meter.read();
  const t0 = performance.now();
  await sleep(ms);
  await FrameWatch.stop(bench.page, 0);
  const main = metricsDelta(before, await bench.meter.read());
  return { wallMs: performance.now() - t0, main };
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('Console : construction si elle est périmée (node scripts/build.mjs --if-stale renderer)…');
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale', 'renderer'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('la construction de la console a échoué');

  const territory = generateTerritory(DEMO);
  const broker = await startEmbeddedBroker();
  const cleanups: Array<() => unknown> = [() => broker.stop()];
  try {
    const hub = await startBenchHub({ demo: DEMO, brokerUrl: broker.url });
    cleanups.push(() => hub.stop());
    const publisher = await connectAsync(broker.url, { clientId: 'bench-map-update' });
    cleanups.push(() => publisher.endAsync());
    const feed = new FieldFeed(territory, publisher);
    // The witness starts from the seeded state: every asset ok, no reading yet (state/seed.ts).
    const witness = await Witness.open(hub.url, USER, PASSWORD, (await hub.health()).seq, new Map(territory.assets.map((a) => [a.id, 'ok'])));
    cleanups.push(() => witness.close());
    const step = new InStep(hub, feed, witness);

    // Every device heard at once, then every ~20 s until the rounds start, so that none goes silent.
    let lastBeatMs = performance.now();
    await feed.beatAll();
    await step.drained();
    const keepAlive = setInterval(() => {
      lastBeatMs = performance.now();
      feed.beatAll().catch((error: Error) => console.error(`battement : ${error.message}`));
    }, BEAT_EVERY_MS);
    cleanups.push(() => clearInterval(keepAlive));
    console.log(`Hub prêt en ${hub.startS.toFixed(1)} s ; ${feed.deviceCount} appareils entendus.`);

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const loadStarted = performance.now();
    const page = await openConsole(browser, hub.url, USER, PASSWORD);
    const loadS = (performance.now() - loadStarted) / 1000;
    step.page = page;
    console.log(`Console ouverte et carte dessinée en ${loadS.toFixed(1)} s.`);

    const probe = await probeFeederRule(territory, feed, witness, step);
    const feederTrips = (probe.changes.get('street-lamp') ?? 0) > 0;
    const plan = planChanges(territory, CHANGES, feederTrips, new Set([probe.cabinet]));
    clearInterval(keepAlive);
    const bench: Bench = { feed, witness, step, page, meter: await MainThreadMeter.attach(page), plan, lastBeatMs };

    // Rounds alternate: faults set (« pose »), then restored (« retour »).
    for (let i = 0; i < WARMUP; i++) await runRound(bench, i % 2 === 0 ? 'pose' : 'retour');
    const idleBefore = await idleWindow(bench, IDLE_MS);
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const round = await runRound(bench, (WARMUP + i) % 2 === 0 ? 'pose' : 'retour');
      rounds.push(round);
      console.log(
        `  tour ${i + 1}/${ROUNDS} (${round.direction}) : ${round.statusChanges} changements, ${round.main.ThreadTime.toFixed(0)} ms de CPU du fil principal en ${round.wallMs.toFixed(0)} ms, application ${round.frames.applyMs.toFixed(1)} ms`,
      );
    }
    const idleAfter = await idleWindow(bench, IDLE_MS);
    const idlePerMs = perMs([idleBefore, idleAfter]);
    for (const round of rounds) {
      round.net = beyondIdle(round.main, idlePerMs, round.wallMs);
      round.tailNet = beyondIdle(round.tail.main, idlePerMs, round.tail.wallMs);
    }
    const stray = total(witness.takeChanges());
    if (stray > 0) console.log(`  (attention : ${stray} changements d'état hors mesure après les tours)`);

    const counters = await consoleCounters(page);
    printRounds({
      machine: { ...(await machineInfo()), ...(await browserInfo(browser, page)) },
      demo: DEMO,
      assetsDrawn: counters.assetsDrawn,
      assetsTotal: counters.assetsTotal,
      instancesDrawn: counters.instancesDrawn,
      plan,
      feederTrips,
      probed: total(probe.changes),
      rounds,
      idle: [idleBefore, idleAfter],
      unfed: [...feed.unfed],
      loadS,
      hubStartS: hub.startS,
      runS: (performance.now() - started) / 1000,
    });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
