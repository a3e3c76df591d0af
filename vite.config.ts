import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the console (renderer only). `base: './'` keeps every asset URL relative so the same build
 * is served by the hub over http and loaded by Electron over its custom `app://` protocol.
 */
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const hubPort = process.env.BEFFROI_PORT || '8417';
const hubHttp = `http://127.0.0.1:${hubPort}`;

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    // maplibre-gl and deck.gl are large by nature; splitting them further buys nothing offline.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    port: 5173,
    strictPort: false,
    // The basemap outlines live in resources/, outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/ws': { target: hubHttp, ws: true },
      '/api': { target: hubHttp },
    },
  },
});
