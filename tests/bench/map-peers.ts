/**
 * Benchmark (issue 8, M2): what 1,000 status changes over ~100k assets cost the main thread to
 * apply and draw, for the product's map code and for the two ways people would otherwise do it,
 * in a real Chromium, on the same points (the `finistere` demo territory), camera, blank basemap,
 * 1280×800 at DPR 1:
 *   ours      the product's AssetBuffers + AssetLayerSet (renderer/, bundled as they are) in a
 *             MapboxOverlay over maplibre, as AssetMap drives them: rows written to its GPU buffers
 *   peer A    deck.gl ScatterplotLayer handed a new data array of objects each update
 *   peer B    maplibre GeoJSON source + circle layer, `updateData` with the 1,000 changed features
 *   floor     not a map: a bare WebGL2 canvas of the same points, the changed colours uploaded in
 *             one call, one draw call. What the browser itself costs to present an updated canvas;
 *             peer ÷ floor is the best ratio any WebGL map could reach here (printed, not a goal)
 * For ours the store's share is printed too (AssetBuffers.update of the round's events, timed in the
 * page): even a map costing no more than the floor could not beat peer ÷ (store + floor) in script.
 * Per round: CDP Performance.getMetrics ScriptDuration and TaskDuration (main-thread time) from
 * before the changes until the map has drawn them; median over the rounds. Then 1,000 changes/s
 * stream into ours for `--seconds` (60 by default) while the Long Tasks API watches.
 *
 *   npm run bench -- map-peers [--rounds 9] [--warmup 2] [--changes 1000] [--seconds 60]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build } from 'vite';
import { generateTerritory } from '../../electron/hub/territory';
import type { SnapshotMessage } from '../../shared/protocol/messages';
import { encodeSnapshotFrame } from '../../shared/protocol/snapshot-frame';
import { MainThreadMeter, launchChromium, metricsDelta } from './support/console-meter';
import { browserInfo, machineInfo } from './support/machine';
import { report } from './support/verdict';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const ROUNDS = Number(args.get('rounds') ?? 9);
const WARMUP = Number(args.get('warmup') ?? 2);
const CHANGES = Number(args.get('changes') ?? 1000);
const SECONDS = Number(args.get('seconds') ?? 60);
const DEMO = 'finistere';
const VIEWPORT = { width: 1280, height: 800 };
const PAGE_DIR = fileURLToPath(new URL('./map-peers/', import.meta.url));

type ModeName = 'ours' | 'deck' | 'maplibre' | 'floor';
const MODES: Record<ModeName, string> = {
  ours: 'nous (AssetLayerSet, écritures par lignes)',
  deck: 'pair A (deck.gl, nouveau tableau de données)',
  maplibre: 'pair B (maplibre, updateData)',
  floor: 'plancher (canvas WebGL2 nu, un envoi, un dessin ; pas une carte)',
};

interface ModeResult {
  script: number[];
  task: number[];
  /** Ours only: of each round, the ms the store spent applying the events (AssetBuffers.update). */
  store?: number[];
  /** Ours only: the same path with no change (layers pushed, one frame drawn): the fixed cost. */
  empty?: { script: number[]; task: number[] };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The page (product sources and peers) built by vite, plus the fixture, in a temporary folder. */
async function buildPage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'map-peers-'));
  await build({ root: PAGE_DIR, configFile: false, base: './', logLevel: 'warn', build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  const territory = generateTerritory(DEMO);
  const fixture = territory.assets.map((a) => ({ id: a.id, kind: a.kind, category: a.category, lon: a.lon, lat: a.lat }));
  writeFileSync(join(out, 'fixture.json'), JSON.stringify(fixture));
  // Ours starts as the console does: from the binary snapshot frame the hub would send.
  const updatedAt = new Date().toISOString();
  const assets = territory.assets.map(({ id, kind, category, name, commune, lon, lat, parentId }) => ({
    id,
    kind,
    ...(category ? { category } : {}),
    name,
    commune,
    lon,
    lat,
    ...(parentId ? { parentId } : {}),
    status: 'ok' as const,
    metrics: {},
    updatedAt,
  }));
  const west = Math.min(...assets.map((a) => a.lon));
  const east = Math.max(...assets.map((a) => a.lon));
  const south = Math.min(...assets.map((a) => a.lat));
  const north = Math.max(...assets.map((a) => a.lat));
  const snapshot: SnapshotMessage = {
    op: 'snapshot',
    seq: 1,
    territory: { name: DEMO, label: 'Finistère', departements: ['29'], bounds: [west, south, east, north], communes: territory.communes },
    assets,
    alarms: [],
    commands: [],
  };
  writeFileSync(join(out, 'snapshot.bin'), encodeSnapshotFrame(snapshot, deflateRawSync));
  return out;
}

const TYPES: Record<string, string> = { '.bin': 'application/octet-stream', '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const path = pathname === '/' ? '/index.html' : pathname;
    readFile(join(dir, path)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

async function openMode(browser: Browser, url: string, mode: ModeName): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [${mode}] ${error.message}`));
  await page.goto(`${url}?mode=${mode}`);
  await page.waitForFunction('window.__peers?.ready === true', undefined, { timeout: 300_000, polling: 500 });
  return page;
}

async function measureMode(browser: Browser, url: string, mode: ModeName): Promise<ModeResult & { held: number }> {
  const page = await openMode(browser, url, mode);
  const meter = await MainThreadMeter.attach(page);
  const result: ModeResult = { script: [], task: [] };
  for (let n = 0; n < WARMUP + ROUNDS; n++) {
    await page.evaluate(`window.__peers.prepare(${n}, ${CHANGES})`);
    await page.waitForTimeout(300); // what came before is drawn and settled
    const before = await meter.read();
    await page.evaluate('window.__peers.round()');
    const delta = metricsDelta(before, await meter.read());
    if (n < WARMUP) continue;
    result.script.push(delta.ScriptDuration);
    result.task.push(delta.TaskDuration);
    const storeMs = mode === 'ours' ? Number(await page.evaluate('window.__peers.storeMs()')) : 0;
    if (mode === 'ours') (result.store ??= []).push(storeMs);
    console.log(`  ${mode} tour ${n - WARMUP + 1}/${ROUNDS} : script ${delta.ScriptDuration.toFixed(1)} ms, tâches ${delta.TaskDuration.toFixed(1)} ms${mode === 'ours' ? ` (dont store ${storeMs.toFixed(2)} ms)` : ''}`);
  }
  if (mode === 'ours') {
    result.empty = { script: [], task: [] };
    for (let n = 0; n < ROUNDS; n++) {
      await page.evaluate(`window.__peers.prepare(${n}, 0)`);
      await page.waitForTimeout(300);
      const before = await meter.read();
      await page.evaluate('window.__peers.round()');
      const delta = metricsDelta(before, await meter.read());
      result.empty.script.push(delta.ScriptDuration);
      result.empty.task.push(delta.TaskDuration);
    }
  }
  const held = Number(await page.evaluate('window.__peers.held'));
  if (mode === 'ours') await page.screenshot({ path: join(tmpdir(), 'map-peers-ours.png') });
  await page.context().close();
  return { ...result, held };
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log('Page de mesure : construction par vite depuis les sources du produit…');
  const dir = await buildPage();
  const { server, url } = await serve(dir);
  const browser = await launchChromium();
  try {
    const results = {} as Record<ModeName, ModeResult & { held: number }>;
    for (const mode of Object.keys(MODES) as ModeName[]) {
      console.log(`${MODES[mode]} :`);
      results[mode] = await measureMode(browser, url, mode);
    }

    console.log(`Flux : ${CHANGES} changements/s pendant ${SECONDS} s dans notre carte…`);
    const page = await openMode(browser, url, 'ours');
    const meter = await MainThreadMeter.attach(page);
    const before = await meter.read();
    const stream = (await page.evaluate(`window.__peers.stream(${SECONDS}, ${CHANGES})`)) as { longTasks: number; maxLongTaskMs: number; changes: number };
    const streamMain = metricsDelta(before, await meter.read());
    const machine = { ...(await machineInfo()), ...(await browserInfo(browser, page)) };
    await page.context().close();
    console.log(`  ${stream.changes} changements ; ${stream.longTasks} tâches longues (max ${stream.maxLongTaskMs.toFixed(0)} ms) ; fil principal ${(streamMain.TaskDuration / SECONDS).toFixed(1)} ms de tâches par seconde`);

    const figures = Object.fromEntries(
      (Object.keys(MODES) as ModeName[]).map((m) => [m, { scriptMs: median(results[m].script), taskMs: median(results[m].task), rounds: results[m], assets: results[m].held }]),
    ) as unknown as Record<ModeName, { scriptMs: number; taskMs: number }>;
    console.log(`\n${results.ours.held} points ; ${CHANGES} changements par tour ; médiane de ${ROUNDS} tours (après ${WARMUP} d'échauffement) :`);
    for (const m of Object.keys(MODES) as ModeName[]) console.log(`  ${MODES[m]} : script ${figures[m].scriptMs.toFixed(2)} ms, tâches ${figures[m].taskMs.toFixed(2)} ms`);
    const empty = { scriptMs: median(results.ours.empty!.script), taskMs: median(results.ours.empty!.task) };
    console.log(`  (notre même chemin sans aucun changement — couches repoussées, une image dessinée : script ${empty.scriptMs.toFixed(2)} ms, tâches ${empty.taskMs.toFixed(2)} ms ; c'est le plancher de toute mise à jour)`);
    // The store's share: what applying the events costs before any map sees them. With it, even a
    // map that cost no more than the bare canvas could not do better than peer ÷ (store + floor).
    const storeMs = median(results.ours.store!);
    console.log(`  (dont, pour nous, le store seul — ${CHANGES} événements appliqués à AssetBuffers : ${storeMs.toFixed(2)} ms de script)`);
    // The best any design could reach against each peer: the peer over the bare canvas.
    const reachable = (['deck', 'maplibre'] as const).flatMap((peer) =>
      (['scriptMs', 'taskMs'] as const).map((metric) => ({ peer, metric, ratio: figures[peer][metric] / figures.floor[metric] })),
    );
    const withStore = (['deck', 'maplibre'] as const).map((peer) => ({ peer, ratio: figures[peer].scriptMs / (storeMs + figures.floor.scriptMs) }));
    console.log('  Au mieux atteignable ici (pair ÷ plancher) :');
    for (const r of reachable) console.log(`    ${r.peer} ${r.metric === 'scriptMs' ? 'script' : 'tâches'} : ${r.ratio.toFixed(1)}×`);
    console.log('  Au mieux atteignable en script avec notre store (pair ÷ (store + plancher)) :');
    for (const r of withStore) console.log(`    ${r.peer} : ${r.ratio.toFixed(1)}×`);

    const what = `${CHANGES} changements sur ${results.ours.held} points, appliqués et dessinés`;
    const compare = (metric: 'scriptMs' | 'taskMs', label: string, peer: 'deck' | 'maplibre', goalRatio: number) => ({
      id: 'M2',
      what: `${what} (${label})`,
      unit: 'ms',
      ours: figures.ours[metric],
      peer: figures[peer][metric],
      peerName: peer === 'deck' ? 'deck.gl nouveau tableau' : 'maplibre updateData',
      better: 'lower' as const,
      goalRatio,
    });
    report('map-peers', {
      machine,
      runSeconds: (performance.now() - started) / 1000,
      demo: DEMO,
      changes: CHANGES,
      rounds: ROUNDS,
      figures,
      oursEmptyUpdate: empty,
      oursStoreMs: storeMs,
      reachableAtBest: reachable,
      reachableWithOurStore: withStore,
      stream: { seconds: SECONDS, perSecond: CHANGES, ...stream, mainThreadTaskMsPerS: streamMain.TaskDuration / SECONDS },
      comparisons: [
        compare('scriptMs', 'script', 'deck', 50),
        compare('taskMs', 'tâches', 'deck', 50),
        compare('scriptMs', 'script', 'maplibre', 20),
        compare('taskMs', 'tâches', 'maplibre', 20),
      ],
      absolutes: [{ id: 'M2', what: `plus longue tâche pendant ${SECONDS} s à ${CHANGES} changements/s`, unit: 'ms', value: stream.maxLongTaskMs, better: 'lower', goal: 50 }],
    });
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
