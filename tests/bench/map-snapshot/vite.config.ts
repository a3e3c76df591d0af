import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The three pages of `map-snapshot` (ours, maplibre GeoJSON peer, Leaflet canvas peer), built once per run. */
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: `${repoRoot}dist/bench-map-snapshot`,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    rollupOptions: { input: { ours: `${here}ours.html`, maplibre: `${here}maplibre.html`, leaflet: `${here}leaflet.html` } },
  },
});
