/**
 * Benchmark: an alarm flood of ~10,000 alarms in 60 s, through a real hub into a real Chromium
 * console, on the `finistere` demo (3,900 cabinets, 2,000 bins, 999 buildings, 400 cameras). The alarms come
 * the real way: the bench publishes ChirpStack v4 uplinks and camera statuses to its own MQTT
 * broker (power overruns on every cabinet, full bins, cameras offline, classroom CO2, low
 * batteries), the hub decodes them, runs its rules and journals the alarms, the console lists them.
 *
 * Measured while the flood lands: the console's main-thread long tasks (> 50 ms), its main-thread
 * CPU (DevTools Protocol, thread time), input-to-paint in the alarm list (a click on the list's
 * « Non acquittées » / « Toutes » filter every few seconds, read with the Event Timing API and by
 * hand: click → the frame after), and the hub's CPU per alarm (/proc, user + system).
 *
 *   npm run bench -- alarm-flood [--seconds 60] [--clicks-every 3]
 *
 * WebGL runs on SwiftShader here (the map is on screen beside the list): figures are for this
 * machine, printed with it. No threshold: figures for people and for the record.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectAsync } from 'mqtt';
import { z } from 'zod';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import { REPO_ROOT, startBenchHub } from './support/bench-hub';
import { MainThreadMeter, consoleCounters, launchChromium, metricsDelta, openConsole } from './support/console-meter';
import { FieldFeed, type Reading } from './support/field-feed';
import { browserInfo, machineInfo, processCpuSeconds } from './support/machine';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const FLOOD_S = Number(args.get('seconds') ?? 60);
const CLICK_EVERY_S = Number(args.get('clicks-every') ?? 3);
const DEMO = 'finistere';
const USER = 'operateur';
const PASSWORD = 'beffroi';
/** Publishing ticks: the flood is spread evenly over its minute, not sent in one burst. */
const TICK_MS = 250;
/** The flood is over once the console's alarm count has not moved for this long. */
const SETTLED_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The flood's uplinks in order: each raises one alarm. An asset raises two in turn (a full bin
 * then its battery low; a building's CO2 then its battery): the first clears when the second
 * holds, and stays on the list, cleared but unacknowledged. No tripped feeder: its street lamps'
 * status changes would measure the map, not the alarm list (map-update does that).
 */
function floodPlan(territory: ReturnType<typeof generateTerritory>): { assetId: string; reading: Reading }[] {
  const withModel = (model: string) => [...new Set(territory.devices.filter((d) => d.model === model).map((d) => d.assetId))];
  const kindOf = new Map(territory.assets.map((a) => [a.id, a.kind]));
  const cabinets = withModel('milesight-ws558');
  const bins = withModel('milesight-em310-udl');
  const buildings = withModel('milesight-am307');
  const cameras = territory.assets.filter((a) => a.kind === 'camera').map((a) => a.id);
  const step = (ids: readonly string[], reading: Reading) => ids.map((assetId) => ({ assetId, reading }));
  if (bins.some((id) => kindOf.get(id) !== 'waste-container')) throw new Error('un capteur de remplissage hors d’un conteneur : le plan du banc est à revoir');
  return [
    ...step(cabinets, 'cabinet-overrun'),
    ...step(bins, 'bin-full'),
    ...step(cameras, 'camera-offline'),
    ...step(buildings, 'co2-high'),
    ...step(bins, 'battery-low'),
    ...step(buildings, 'battery-low'),
  ];
}

/** Devices the flood leaves alone, heard regularly so none goes silent (20 s is the shortest period). */
const QUIET_MODELS: ReadonlySet<string> = new Set(['mclimate-vicki', 'milesight-wt101', 'dragino-lt22222-l']);
const QUIET_BEAT_MS = 15_000;

/** In the page: long tasks, Event Timing entries of clicks, and click → next frame by hand. */
async function watchPage(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const w = { longTasks: [], events: [], clicks: [] };
    new PerformanceObserver((list) => { for (const t of list.getEntries()) w.longTasks.push(t.duration); }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'click') w.events.push({ duration: e.duration, delay: e.processingStart - e.startTime, processing: e.processingEnd - e.processingStart });
    }).observe({ type: 'event', durationThreshold: 16 });
    // The click's handlers (React renders the filtered list synchronously), then the frame that
    // shows it: its rAF runs before the paint, a task queued from it runs after.
    document.addEventListener('click', (event) => {
      const t0 = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => w.clicks.push(performance.now() - t0), 0));
    }, true);
    window.__flood = w;
  })()`);
}

const PageFigures = z.object({
  longTasks: z.array(z.number()),
  events: z.array(z.object({ duration: z.number(), delay: z.number(), processing: z.number() })),
  clicks: z.array(z.number()),
});

function spread(values: readonly number[]): string {
  if (values.length === 0) return 'aucune';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `min ${sorted[0]!.toFixed(0)} · médiane ${at(0.5).toFixed(0)} · p90 ${at(0.9).toFixed(0)} · max ${sorted[sorted.length - 1]!.toFixed(0)} ms (${values.length})`;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('Console : construction si elle est périmée (node scripts/build.mjs --if-stale renderer)…');
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale', 'renderer'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('la construction de la console a échoué');

  const territory = generateTerritory(DEMO);
  const plan = floodPlan(territory);
  const broker = await startEmbeddedBroker();
  const cleanups: Array<() => unknown> = [() => broker.stop()];
  try {
    const hub = await startBenchHub({ demo: DEMO, brokerUrl: broker.url });
    cleanups.push(() => hub.stop());
    const publisher = await connectAsync(broker.url, { clientId: 'bench-alarm-flood' });
    cleanups.push(() => publisher.endAsync());
    const feed = new FieldFeed(territory, publisher);
    await feed.beatAll();
    console.log(`Hub prêt en ${hub.startS.toFixed(1)} s ; ${feed.deviceCount} appareils entendus.`);

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await openConsole(browser, hub.url, USER, PASSWORD);
    // Heard again just before the flood: no device goes silent during it (the shortest period is 20 s).
    await feed.beatAll();
    await sleep(3_000);
    const meter = await MainThreadMeter.attach(page);
    await watchPage(page);
    // The same clicks on the quiet console first: what a click costs here before any flood (the
    // map's frames on SwiftShader included), to read the flood's figures against.
    for (let i = 0; i < 6; i++) {
      await (i % 2 === 0 ? page.getByTestId('alarm-filter-pending') : page.getByRole('button', { name: 'Toutes', exact: true })).click();
      await sleep(1_000);
    }
    const quiet = PageFigures.parse(await page.evaluate('(() => { const w = window.__flood; const copy = JSON.parse(JSON.stringify(w)); w.longTasks.length = 0; w.events.length = 0; w.clicks.length = 0; return copy; })()'));
    const alarmsBefore = (await consoleCounters(page)).alarmsActive;
    const mainBefore = await meter.read();
    const hubCpuBefore = processCpuSeconds(hub.pid);
    const publishedBefore = feed.published;
    console.log(`Avalanche : ${plan.length} alarmes en ${FLOOD_S} s (${alarmsBefore} actives avant)…`);

    const keepAlive = setInterval(() => void feed.beatModels(QUIET_MODELS).catch((e: Error) => console.error(`battement : ${e.message}`)), QUIET_BEAT_MS);
    cleanups.push(() => clearInterval(keepAlive));
    const t0 = performance.now();
    const clicks: Promise<void>[] = [];
    const ticks = Math.round((FLOOD_S * 1000) / TICK_MS);
    let sent = 0;
    let nextClickMs = CLICK_EVERY_S * 1000;
    let pending = true;
    for (let tick = 1; tick <= ticks; tick++) {
      const upTo = Math.round((plan.length * tick) / ticks);
      const slice = plan.slice(sent, upTo);
      sent = upTo;
      for (const reading of new Set(slice.map((s) => s.reading))) {
        await feed.report(slice.filter((s) => s.reading === reading).map((s) => s.assetId), reading);
      }
      const elapsedMs = performance.now() - t0;
      if (elapsedMs >= nextClickMs) {
        nextClickMs += CLICK_EVERY_S * 1000;
        // The operator narrows the list to what waits for acknowledgement, then back. A real
        // click (trusted input), not awaited: the flood goes on while the page handles it; no
        // waiting for the button to stand still (its count changes every frame).
        const target = pending ? page.getByTestId('alarm-filter-pending') : page.getByRole('button', { name: 'Toutes', exact: true });
        clicks.push(target.click({ force: true, timeout: 20_000 }).catch((e: Error) => console.error(`clic : ${e.message}`)));
        pending = !pending;
      }
      const waitMs = tick * TICK_MS - (performance.now() - t0);
      if (waitMs > 0) await sleep(waitMs);
    }
    const publishedS = (performance.now() - t0) / 1000;
    await Promise.all(clicks);

    // Until the console's count stops moving: the hub and the page have taken everything.
    let last = -1;
    let stillSince = performance.now();
    for (;;) {
      const { alarmsActive } = await consoleCounters(page);
      if (alarmsActive !== last) {
        last = alarmsActive;
        stillSince = performance.now();
      } else if (performance.now() - stillSince > SETTLED_MS) break;
      await sleep(500);
    }
    const landedS = (performance.now() - t0 - SETTLED_MS) / 1000;
    const hubCpuS = processCpuSeconds(hub.pid) - hubCpuBefore;
    const main = metricsDelta(mainBefore, await meter.read());
    const figures = PageFigures.parse(await page.evaluate('window.__flood'));
    const alarmsRaised = last - alarmsBefore;
    const uplinks = feed.published - publishedBefore;
    const rows = await page.getByTestId('alarm-row').count();

    console.log(JSON.stringify({ benchmark: 'alarm-flood', machine: { ...(await machineInfo()), ...(await browserInfo(browser, page)) } }, null, 1));
    console.log(`
Avalanche d'alarmes — démo ${DEMO}, console 1280 × 800 (carte et liste à l'écran)
  publiées                              ${uplinks} liaisons montantes en ${publishedS.toFixed(1)} s
  alarmes levées (vues par la console)  ${alarmsRaised} ; ${last} actives à la fin, ${rows} lignes dans le DOM (liste fenêtrée)
  arrivées complètes après              ${landedS.toFixed(1)} s
Console, fil principal pendant l'avalanche
  CPU (ThreadTime)                      ${main.ThreadTime.toFixed(0)} ms, dont script ${main.ScriptDuration.toFixed(0)}, mise en page ${main.LayoutDuration.toFixed(0)}, styles ${main.RecalcStyleDuration.toFixed(0)}
  tâches longues (> 50 ms)              ${figures.longTasks.length}, ${figures.longTasks.reduce((n, d) => n + d, 0).toFixed(0)} ms en tout ; ${spread(figures.longTasks)}
  clic sur un filtre → image suivante   ${spread(figures.clicks)}
    au calme, avant l'avalanche         ${spread(quiet.clicks)}
  Event Timing (clics ≥ 16 ms)          ${spread(figures.events.map((e) => e.duration))}
    attente avant traitement            ${spread(figures.events.map((e) => e.delay))}
    traitement (rendu de la liste)      ${spread(figures.events.map((e) => e.processing))}
    au calme, avant l'avalanche         ${spread(quiet.events.map((e) => e.duration))} ; traitement ${spread(quiet.events.map((e) => e.processing))}
Hub
  CPU (user + système)                  ${hubCpuS.toFixed(1)} s, soit ${((hubCpuS * 1000) / Math.max(1, alarmsRaised)).toFixed(2)} ms par alarme (${((hubCpuS * 1000) / Math.max(1, uplinks)).toFixed(2)} ms par liaison montante)
Banc entier ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
