import { defineConfig } from 'vite';

/**
 * Builds the Electron entry points into `dist/electron/<name>.cjs`, one entry per run
 * (`vite build -c vite.electron.config.ts --mode main|preload`): a sandboxed preload can only
 * `require('electron')`, so each bundle must be self-contained, with no shared chunk.
 * `scripts/build.mjs` runs them all; `electron` itself stays external (it is the runtime).
 */
const ENTRIES: Readonly<Record<string, string>> = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
};

export default defineConfig(({ mode }) => {
  const entry = ENTRIES[mode];
  if (entry === undefined) throw new Error(`--mode must be one of ${Object.keys(ENTRIES).join(', ')} (got "${mode}")`);
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
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: `${mode}.cjs` },
      },
    },
    ssr: { noExternal: true, external: ['electron'], target: 'node' },
  };
});
