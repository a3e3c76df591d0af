/**
 * Benchmark: a 100k-asset snapshot (the `finistere` demo, ~97k assets) from its bytes to the
 * first draw, in a real Chromium, ours against the libraries one would otherwise use.
 *
 *   npm run bench -- map-snapshot [--rounds 3]
 *
 * M1  main-thread CPU (DevTools Protocol TaskDuration delta, thread time; ScriptDuration is printed
 *     but not compared: it leaves out what runs inside the driver's Runtime.evaluate, such as the
 *     peers' JSON.parse and addSource, so it would flatter them) from
 *     the snapshot's bytes in the page to the first frame drawing every asset:
 *       ours      the binary frame a real hub sends (`subscribe {snapshot: "columns"}`) through the
 *                 product's decodeSnapshotFrame → ConsoleStore → AssetMap (deck.gl layers),
 *                 bundled from the product sources;
 *       maplibre  the same assets as GeoJSON text → JSON.parse → addSource + circle layer → idle;
 *       leaflet   the same GeoJSON → JSON.parse → L.geoJSON of canvas circleMarkers → drawn.
 * M3  memory the assets cost: JS heap (Runtime.getHeapUsage usedSize) plus ArrayBuffer backing
 *     stores (its backingStorageSize), after a forced GC, drawn page less the same page with its
 *     empty map; main thread only (maplibre's worker is not counted: that favours the peer).
 * E1  the real console build served by a real hub with the finistère demo: navigation → login
 *     as operateur → map drawn with every asset → the asset search answering a query; split into
 *     network+hub, decode, store, first draw, UI. Peer: the maplibre page's cold start to render.
 *
 * WebGL runs on SwiftShader here: figures are main-thread CPU, never frames per second; E1 is
 * wall time and includes SwiftShader's rasterisation of the first frame.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { REPO_ROOT, startBenchHub } from './support/bench-hub';
import { MainThreadMeter, launchChromium, metricsDelta } from './support/console-meter';
import { browserInfo, machineInfo } from './support/machine';
import { buildPages, fetchSnapshot, servePages, writeInputs } from './support/map-snapshot-pages';
import { report } from './support/verdict';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const ROUNDS = Number(args.get('rounds') ?? 3);
const USER = 'operateur';
const PASSWORD = 'beffroi';
const VIEWPORT = { width: 1280, height: 800 };
const PAGES = ['ours', 'maplibre', 'leaflet'] as const;
type PageName = (typeof PAGES)[number];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fr = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PageRound {
  taskMs: number;
  scriptMs: number;
  drawn: number;
  heapMiB: number;
  buffersMiB: number;
  /** Heap + buffers after the load less before the input was fetched: the memory the assets cost. */
  forAssetsMiB: number;
}

async function memoryMiB(cdp: CDPSession): Promise<{ heapMiB: number; buffersMiB: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return { heapMiB: usage.usedSize / 2 ** 20, buffersMiB: (usage.backingStorageSize ?? Number.NaN) / 2 ** 20 };
}

async function measurePage(browser: Browser, base: string, name: PageName): Promise<PageRound> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
    await page.goto(`${base}/${name}.html`);
    await page.waitForFunction('window.__snapshotBench !== undefined');
    await page.evaluate('window.__snapshotBench.load()');
    await sleep(1000);
    const meter = await MainThreadMeter.attach(page);
    const cdp = await context.newCDPSession(page);
    const empty = await memoryMiB(cdp);
    await page.evaluate('window.__snapshotBench.fetchInput()');
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await meter.read();
    const drawn = Number(await page.evaluate('window.__snapshotBench.run()'));
    const after = await meter.read();
    const delta = metricsDelta(before, after);
    await sleep(1000);
    const loaded = await memoryMiB(cdp);
    const forAssetsMiB = loaded.heapMiB + loaded.buffersMiB - (empty.heapMiB + empty.buffersMiB);
    return { taskMs: delta.TaskDuration, scriptMs: delta.ScriptDuration, drawn, ...loaded, forAssetsMiB };
  } finally {
    await context.close();
  }
}

interface ColdStart {
  navToInteractiveMs: number;
  submitToInteractiveMs: number;
  split: Record<string, number>;
}

/** The real console, cold, against the real hub: from navigation and from the login submit. */
async function consoleColdStart(browser: Browser, hubUrl: string): Promise<ColdStart> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR' });
  try {
    // Notes the first animation frame after which the map draws every asset.
    await context.addInitScript(`(() => {
      const look = () => {
        const d = window.__beffroiDebug;
        if (d && d.assetsTotal > 0 && d.assetsDrawn === d.assetsTotal) { window.__firstDrawAt = performance.now(); return; }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    })()`);
    const page = await context.newPage();
    await page.goto(hubUrl);
    await page.getByLabel('Identifiant').fill(USER);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    const submitAt = Number(await page.evaluate('performance.now()'));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const firstDrawAt = await pollNumber(page, 'window.__firstDrawAt', 180_000);
    // Interactive: the UI answers input — a search over the 97k assets shows its results.
    await page.getByTestId('asset-search').fill('quimper');
    await page.getByTestId('search-result').first().waitFor({ timeout: 60_000 });
    const interactiveAt = Number(await page.evaluate('performance.now()'));
    const marks = new Map(
      (await page.evaluate(`performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])`)) as [string, number][],
    );
    const received = marks.get('beffroi.snapshot.received') ?? Number.NaN;
    const decoded = marks.get('beffroi.snapshot.decoded') ?? Number.NaN;
    const stored = marks.get('beffroi.snapshot.stored') ?? Number.NaN;
    return {
      navToInteractiveMs: interactiveAt,
      submitToInteractiveMs: interactiveAt - submitAt,
      split: {
        'page chargée et formulaire rempli': submitAt,
        'réseau + hub (login, subscribe, trame reçue)': received - submitAt,
        'décodage de la trame': decoded - received,
        'store (attente de la frame comprise)': stored - decoded,
        'premier dessin de tous les équipements': firstDrawAt - stored,
        "l'interface répond (recherche)": interactiveAt - firstDrawAt,
      },
    };
  } finally {
    await context.close();
  }
}

async function peerColdStart(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/maplibre.html?cold`);
    return await pollNumber(page, 'window.__coldDoneAt', 180_000);
  } finally {
    await context.close();
  }
}

async function pollNumber(page: Page, expression: string, timeoutMs: number): Promise<number> {
  for (const giveUp = Date.now() + timeoutMs; ; await sleep(50)) {
    const value: unknown = await page.evaluate(expression);
    if (typeof value === 'number') return value;
    if (Date.now() > giveUp) throw new Error(`${expression} absent après ${timeoutMs / 1000} s`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale', 'renderer'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('la construction de la console a échoué');
  buildPages();
  const broker = await startEmbeddedBroker();
  const hub = await startBenchHub({ demo: 'finistere', brokerUrl: broker.url });
  const browser = await launchChromium();
  const pages = await servePages();
  try {
    const frame = await fetchSnapshot(hub.url, USER, PASSWORD, 'columns');
    const json = await fetchSnapshot(hub.url, USER, PASSWORD, 'json');
    const inputs = writeInputs(frame, json);
    console.log(`${fr(inputs.assets)} équipements : trame binaire ${fr(inputs.frameBytes / 2 ** 20)} Mio, instantané JSON ${fr(inputs.jsonBytes / 2 ** 20)} Mio, GeoJSON ${fr(inputs.geojsonBytes / 2 ** 20)} Mio`);

    const rounds: Record<PageName, PageRound[]> = { ours: [], maplibre: [], leaflet: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of PAGES) {
        const result = await measurePage(browser, pages.url, name);
        rounds[name].push(result);
        console.log(`tour ${round} ${name.padEnd(8)} : tâches ${fr(result.taskMs)} ms, script ${fr(result.scriptMs)} ms, ${fr(result.drawn)} dessinés, tas ${fr(result.heapMiB)} Mio + tampons ${fr(result.buffersMiB)} Mio, dont ${fr(result.forAssetsMiB)} Mio pour les équipements`);
      }
    }
    const figure = (name: PageName, key: keyof PageRound) => median(rounds[name].map((r) => r[key]));

    const cold = await consoleColdStart(browser, hub.url);
    const peerCold = await peerColdStart(browser, pages.url);
    console.log(`E1 console : navigation → interactive ${fr(cold.navToInteractiveMs)} ms, soumission → interactive ${fr(cold.submitToInteractiveMs)} ms`);
    for (const [step, ms] of Object.entries(cold.split)) console.log(`   ${step} : ${fr(ms)} ms`);
    console.log(`E1 pair maplibre GeoJSON : navigation → premier rendu ${fr(peerCold)} ms`);

    const probe = await browser.newPage();
    const machine = { ...(await machineInfo()), ...(await browserInfo(browser, probe)) };
    await probe.close();
    report('map-snapshot', {
      machine,
      runSeconds: (performance.now() - started) / 1000,
      inputs,
      rounds,
      coldStart: { ...cold, peerMaplibreMs: peerCold },
      comparisons: [
        { id: 'M1', what: 'instantané 100k → premier dessin, tâches du fil principal', unit: 'ms', ours: figure('ours', 'taskMs'), peer: figure('maplibre', 'taskMs'), peerName: 'maplibre GeoJSON + circle', better: 'lower', goalRatio: 10 },
        { id: 'M1', what: 'instantané 100k → premier dessin, tâches du fil principal', unit: 'ms', ours: figure('ours', 'taskMs'), peer: figure('leaflet', 'taskMs'), peerName: 'Leaflet canvas circleMarkers', better: 'lower', goalRatio: 10 },
        { id: 'M3', what: 'mémoire pour 100k équipements (tas JS + tampons, après − avant)', unit: 'Mio', ours: figure('ours', 'forAssetsMiB'), peer: figure('maplibre', 'forAssetsMiB'), peerName: 'maplibre GeoJSON', better: 'lower', goalRatio: 5 },
      ],
      absolutes: [{ id: 'E1', what: 'démarrage à froid de la console, navigation → interactive (finistère)', unit: 'ms', value: cold.navToInteractiveMs, better: 'lower', goal: 3000 }],
    });
  } finally {
    await pages.close();
    await browser.close();
    await hub.stop();
    await broker.stop();
  }
}

await main();
