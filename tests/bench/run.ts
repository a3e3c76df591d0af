/**
 * `npm run bench -- <name> [options]`: runs one benchmark of this folder, or all of them.
 *   hub-ingest   uplinks/s through broker → decode → rules → journal → 10 consoles
 *   overload     H2: 10,000 uplinks/s offered for 30 min: memory flat, backpressure in /api/health, nothing acked lost
 *   map-update   main-thread cost of 1,000 status changes on the finistere map, in Chromium
 *   alarm-flood  ~10,000 alarms in 60 s: console long tasks, input-to-paint in the list, hub CPU per alarm
 *   journal-writes  journal rows/s through the hub's Writer vs sqlite3 row at a time (autocommit, one transaction)
 *   alarm-latency  sensor event → on the operator's screen during a 5,000 uplinks/s burst (p95, p99)
 *   fan-out      hub CPU per event delivered to 50 consoles of mixed scopes, against a naive per-console send
 *   stalled-console  a console that stops reading: hub memory until it is cut, its resync, the others' latency
 *   map-snapshot 100k-asset snapshot → first draw (main-thread CPU, memory) vs maplibre GeoJSON and Leaflet; console cold start
 *   map-peers    1,000 status changes over 100k points: our map vs deck.gl new array vs maplibre updateData, and a bare WebGL floor
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [name, ...rest] = process.argv.slice(2);
const all = ['hub-ingest', 'map-update', 'alarm-flood', 'journal-writes', 'alarm-latency', 'fan-out', 'stalled-console', 'overload', 'map-snapshot', 'map-peers'];
const chosen = name && !name.startsWith('--') ? [name] : all;
let failed = false;
for (const bench of chosen) {
  const file = fileURLToPath(new URL(`./${bench}.ts`, import.meta.url));
  if (!existsSync(file)) {
    console.error(`Benchmark inconnu : ${bench} (disponibles : ${all.join(', ')})`);
    process.exit(2);
  }
  console.log(`\n=== ${bench} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest.filter((a) => a !== bench)], { stdio: 'inherit' });
  console.log(`(${bench} : ${((Date.now() - started) / 1000).toFixed(0)} s en tout)`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
