// Whether a build's outputs are older than its inputs, by modification time (like make).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtimeMs(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0; // an input that does not exist changes nothing
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}

function oldestMtimeMs(paths) {
  let oldest = Infinity;
  for (const path of paths) {
    try {
      oldest = Math.min(oldest, statSync(path).mtimeMs);
    } catch {
      return -Infinity; // a missing output: stale
    }
  }
  return oldest;
}

/** True when an output is missing or any input file changed after the oldest output. */
export function isStale(inputs, outputs) {
  const newestInput = Math.max(0, ...inputs.map(newestMtimeMs));
  return oldestMtimeMs(outputs) < newestInput;
}
