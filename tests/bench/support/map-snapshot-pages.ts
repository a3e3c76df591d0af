/**
 * The pages of `map-snapshot`: built by vite from tests/bench/map-snapshot (ours from the product
 * sources, the two peers), the inputs fetched from a real hub and written beside them, all served
 * by a small static server on 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import WebSocket from 'ws';
import type { SnapshotMessage } from '../../../shared/protocol/messages';
import { SNAPSHOT_FRAME_VERSION, encodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';
import { REPO_ROOT } from './bench-hub';

export const PAGES_DIR = join(REPO_ROOT, 'dist', 'bench-map-snapshot');

export function buildPages(): void {
  const built = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(REPO_ROOT, 'tests/bench/map-snapshot/vite.config.ts')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('la construction des pages du banc a échoué');
}

/** What the hub sends `username` on `subscribe`, as raw bytes: a JSON text, or the binary frame. */
export async function fetchSnapshot(hubUrl: string, username: string, password: string, format: 'json' | 'columns'): Promise<Buffer> {
  const socket = new WebSocket(hubUrl.replace(/^http/, 'ws') + '/ws', { maxPayload: 512 * 1024 * 1024 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  try {
    const next = () => new Promise<{ data: Buffer; binary: boolean }>((resolve) => socket.once('message', (data: Buffer, binary) => resolve({ data, binary })));
    socket.send(JSON.stringify({ op: 'login', id: 1, username, password }));
    await next();
    socket.send(JSON.stringify({ op: 'subscribe', id: 2, snapshot: format, ...(format === 'columns' ? { frameVersion: SNAPSHOT_FRAME_VERSION } : {}) }));
    for (;;) {
      const { data, binary } = await next();
      if (binary || data.subarray(0, 40).toString().includes('"op":"snapshot"')) return data;
    }
  } finally {
    socket.close();
  }
}

/** Writes the pages' inputs: the binary frame, an empty one of the same head, GeoJSON, bounds. */
export function writeInputs(frame: Buffer, json: Buffer): { assets: number; frameBytes: number; geojsonBytes: number; jsonBytes: number } {
  const snapshot = JSON.parse(json.toString('utf8')) as SnapshotMessage;
  writeFileSync(join(PAGES_DIR, 'snapshot.bin'), frame);
  writeFileSync(join(PAGES_DIR, 'empty.bin'), encodeSnapshotFrame({ ...snapshot, assets: [] }));
  // The straightforward GeoJSON of the same assets: a point each, its record as the properties.
  const features = snapshot.assets.map(({ lon, lat, ...properties }) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties }));
  const geojson = JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(join(PAGES_DIR, 'assets.geojson'), geojson);
  writeFileSync(join(PAGES_DIR, 'bounds.json'), JSON.stringify(snapshot.territory.bounds));
  return { assets: snapshot.assets.length, frameBytes: frame.length, geojsonBytes: Buffer.byteLength(geojson), jsonBytes: json.length };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json', '.bin': 'application/octet-stream', '.png': 'image/png', '.svg': 'image/svg+xml' };

export async function servePages(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(PAGES_DIR, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
