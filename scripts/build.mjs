// Builds what the app runs: the renderer (`vite build`, root vite.config.ts → dist/renderer) and
// the Electron entry points (vite.electron.config.ts → dist/electron/{main,preload}.cjs).
//   node scripts/build.mjs                  build everything
//   node scripts/build.mjs --if-stale       only what is missing or older than its sources
//   node scripts/build.mjs electron         only the Electron entries (or: renderer)
//   node scripts/build.mjs renderer electron hub   also the hub bundle for packaging (dist/hub)
import { cpSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './lib/freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

export const TARGETS = {
  renderer: {
    inputs: [at('renderer'), at('shared'), at('resources'), at('index.html'), at('vite.config.ts'), at('package.json')],
    outputs: [at('dist', 'renderer', 'index.html')],
    async build(vite) {
      if (!existsSync(at('vite.config.ts'))) {
        console.log('build: no vite.config.ts yet, renderer skipped');
        return;
      }
      // No `root` override: vite.config.ts sets its own (renderer/), relative to the package root.
      await vite.build({ configFile: at('vite.config.ts'), logLevel: 'warn' });
    },
  },
  electron: {
    inputs: [at('electron', 'main'), at('electron', 'preload'), at('shared'), at('vite.electron.config.ts')],
    outputs: [at('dist', 'electron', 'main.cjs'), at('dist', 'electron', 'preload.cjs')],
    async build(vite) {
      for (const mode of ['main', 'preload']) {
        await vite.build({ root, configFile: at('vite.electron.config.ts'), mode });
      }
    },
  },
  hub: {
    inputs: [at('electron', 'hub'), at('shared'), at('vite.electron.config.ts')],
    outputs: [at('dist', 'hub', 'cli.mjs')],
    async build(vite) {
      await vite.build({ root, configFile: at('vite.electron.config.ts'), mode: 'hub' });
      // The hub reads its numbered migrations beside itself (new URL('./migrations/', import.meta.url)).
      cpSync(at('electron', 'hub', 'store', 'migrations'), at('dist', 'hub', 'migrations'), { recursive: true });
    },
  },
};

/** What `npm run build`, `npm start` and `npm test` need; the hub bundle is only for packaging. */
export const DEFAULT_TARGETS = ['renderer', 'electron'];

/** Builds the named targets; with `ifStale`, skips those whose outputs are newer than their inputs. */
export async function buildTargets(names = DEFAULT_TARGETS, { ifStale = false } = {}) {
  const vite = await import('vite');
  for (const name of names) {
    const target = TARGETS[name];
    if (!target) throw new Error(`unknown build target "${name}" (known: ${Object.keys(TARGETS).join(', ')})`);
    if (ifStale && !isStale(target.inputs, target.outputs)) continue;
    console.log(`build: ${name}…`);
    await target.build(vite);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => !arg.startsWith('--'));
  try {
    await buildTargets(names.length > 0 ? names : undefined, { ifStale: args.includes('--if-stale') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
