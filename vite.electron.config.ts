import { defineConfig, type UserConfig } from 'vite';

/**
 * Builds the desktop app's Node-side bundles, one entry per run
 * (`vite build -c vite.electron.config.ts --mode main|preload|hub`); `scripts/build.mjs` runs them.
 *
 * - `main`, `preload` → `dist/electron/<name>.cjs`: self-contained CommonJS. A sandboxed preload can
 *   only `require('electron')`, so nothing may be left to `require` but `electron` (the runtime).
 * - `hub` → `dist/hub/cli.mjs`: the hub for the packaged app's utility process. ESM, because the hub
 *   finds its files from `import.meta.url`; its npm dependencies stay external (electron-builder
 *   ships them, rebuilding sqlite3 for Electron).
 */
function electronEntry(name: 'main' | 'preload', entry: string): UserConfig {
  return {
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir: 'dist/electron',
      emptyOutDir: false,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rolldownOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
    },
    ssr: { noExternal: true, external: ['electron'], target: 'node' },
  };
}

function hubBundle(): UserConfig {
  return {
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: 'electron/hub/cli.ts',
      outDir: 'dist/hub',
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'cli.mjs' } },
    },
    ssr: { target: 'node' },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return electronEntry('main', 'electron/main/main.ts');
  if (mode === 'preload') return electronEntry('preload', 'electron/preload/preload.ts');
  if (mode === 'hub') return hubBundle();
  throw new Error(`--mode must be main, preload or hub (got "${mode}")`);
});
