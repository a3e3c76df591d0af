/**
 * The map-peers benchmark page (built by vite from the product sources, see ../map-peers.ts). One
 * mode per page, from the query string, all over the same blank maplibre map at the same camera:
 *   ours     the product's AssetBuffers + AssetLayerSet in a MapboxOverlay, fed as AssetMap does
 *   deck     deck.gl ScatterplotLayer handed a new array of point objects on every update
 *   maplibre a GeoJSON source with a circle layer, `updateData` with the changed features
 *   floor    not a map: a bare WebGL2 canvas of the same points, one draw call, the changed span
 *            of colours uploaded in one call. The least any WebGL map can spend on an update in
 *            this browser: peer ÷ floor is the best ratio any design could reach.
 * The driver calls `window.__peers.prepare(n, count)` then `round()` (apply round n's changes,
 * resolve once drawn) and
 * `window.__peers.stream(seconds, perSecond)` (changes at that rate, long tasks observed).
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import { Map as MaplibreMap, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ASSET_STATUSES, type Asset, type AssetKind, type AssetStatus } from '../../../shared';
import { AssetLayerSet } from '../../../renderer/map/asset-layers';
import { createIconAtlas } from '../../../renderer/map/icon-atlas';
import type { Viewport } from '../../../renderer/map/lamp-layers';
import { AssetBuffers, STATUS_RGB } from '../../../renderer/state';
import { decodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';

setWorkerUrl(workerUrl);

interface FixturePoint {
  id: string;
  kind: AssetKind;
  category?: string;
  lon: number;
  lat: number;
}
interface Change {
  at: number;
  status: AssetStatus;
}
interface Mode {
  apply(changes: Change[]): void;
  /** Resolves once the map has drawn what was applied. */
  drawn(): Promise<void>;
  /** Ours only: ms spent applying the events to the store (AssetBuffers.update), summed. */
  storeMs?: () => number;
}

const BLANK: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#0d1b2a' } }] };
const RGBA = Object.fromEntries(ASSET_STATUSES.map((s) => [s, [...STATUS_RGB[s], 255]])) as Record<AssetStatus, [number, number, number, number]>;

/** Seeded, so every mode gets the same changes round after round. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function main(): Promise<void> {
  const mode = new URLSearchParams(location.search).get('mode') ?? 'ours';
  const points = (await (await fetch('./fixture.json')).json()) as FixturePoint[];
  const statuses: AssetStatus[] = points.map(() => 'ok');
  const map = new MaplibreMap({ container: 'map', style: BLANK, center: [-4.1, 48.25], zoom: 8.6, fadeDuration: 0, attributionControl: false });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  const viewport = (): Viewport => {
    const b = map.getBounds();
    return { zoom: map.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  };

  /** `count` changes from random `draw`: an asset picked at random takes another status. */
  const changesFrom = (draw: () => number, count: number): Change[] => {
    const changes: Change[] = [];
    for (let i = 0; i < count; i++) {
      const at = Math.floor(draw() * points.length);
      const others = ASSET_STATUSES.filter((s) => s !== statuses[at]);
      const status = others[Math.floor(draw() * others.length)]!;
      statuses[at] = status;
      changes.push({ at, status });
    }
    return changes;
  };

  const impl = await (mode === 'ours'
    ? ours(points, map, viewport)
    : mode === 'deck'
      ? deckArray(points, map)
      : mode === 'floor'
        ? bareWebGl(points, map)
        : maplibreUpdate(points, map));
  await impl.drawn();

  let prepared: Change[] = [];
  let storeAtRoundStart = 0;
  const stream = { longTasks: 0, maxLongTaskMs: 0, changes: 0 };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      stream.longTasks += 1;
      stream.maxLongTaskMs = Math.max(stream.maxLongTaskMs, task.duration);
    }
  }).observe({ type: 'longtask' });

  Object.assign(window, {
    __peers: {
      ready: true,
      held: points.length,
      /** Draws round n's changes ahead, outside what is measured. */
      prepare(n: number, count: number): void {
        prepared = changesFrom(random(1000 + n), count);
        storeAtRoundStart = impl.storeMs?.() ?? 0;
      },
      /** Of the last round, the ms the store took to apply the events (ours; 0 for the others). */
      storeMs(): number {
        return (impl.storeMs?.() ?? 0) - storeAtRoundStart;
      },
      async round(): Promise<void> {
        impl.apply(prepared);
        await impl.drawn();
      },
      /** `perSecond` changes a second, delivered as the hub does (a batch every 100 ms), for `seconds`. */
      async stream(seconds: number, perSecond: number): Promise<typeof stream> {
        const draw = random(7);
        stream.longTasks = 0;
        stream.maxLongTaskMs = 0;
        stream.changes = 0;
        const perBatch = perSecond / 10;
        const started = performance.now();
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            const due = Math.min(seconds * perSecond, Math.round(((performance.now() - started) / 1000) * perSecond));
            if (due > stream.changes) {
              const count = Math.min(due - stream.changes, perBatch * 5);
              impl.apply(changesFrom(draw, count));
              stream.changes += count;
            }
            if (performance.now() - started >= seconds * 1000) {
              clearInterval(timer);
              resolve();
            }
          }, 100);
        });
        await impl.drawn();
        return { ...stream };
      },
    },
  });
}

/**
 * The product: AssetBuffers from the binary snapshot frame (as the console gets them), rewritten
 * in place by events carrying whole assets, then what AssetMap.onAssetsChange and pushLayers do.
 */
async function ours(points: FixturePoint[], map: MaplibreMap, viewport: () => Viewport): Promise<Mode> {
  // What an event brings: the asset whole (here without its metrics, which the map does not read).
  const assets = points.map((p) => ({ ...p, status: 'ok', metrics: {} }) as unknown as Asset);
  const snapshot = decodeSnapshotFrame(new Uint8Array(await (await fetch('./snapshot.bin')).arrayBuffer()));
  const buffers = AssetBuffers.fromFrame(snapshot);
  const layerSet = new AssetLayerSet(createIconAtlas());
  layerSet.setLayout(buffers);
  let frames = 0;
  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    onAfterRender: () => (frames += 1),
    onDeviceInitialized: (device) => {
      layerSet.attach(device);
      overlay.setProps({ layers: layerSet.layers(viewport()) });
    },
  });
  map.addControl(overlay);
  overlay.setProps({ layers: layerSet.layers(viewport()) });
  // The store flushes once per animation frame: events queued meanwhile are applied together.
  let pending: Asset[] = [];
  let storeMs = 0;
  let frame: number | null = null;
  /** deck.gl's frame count by which what was flushed is drawn. */
  let drawTarget = 0;
  const flush = () => {
    frame = null;
    drawTarget = frames + 1;
    const kinds = new Set<AssetKind>();
    const indexes: number[] = [];
    const started = performance.now();
    for (const event of pending) {
      const index = buffers.indexOf(event.id)!;
      const { statusChanged } = buffers.update(index, event);
      if (statusChanged) {
        kinds.add(event.kind);
        indexes.push(index);
      }
    }
    storeMs += performance.now() - started;
    pending = [];
    layerSet.coloursChanged(kinds, indexes);
    overlay.setProps({ layers: layerSet.layers(viewport()) });
  };
  const drawnAfter = async () => {
    while (!layerSet.onGpu) await nextFrame();
    while (frame !== null || frames < drawTarget) await nextFrame();
  };
  return {
    apply(changes) {
      // Each change arrives as the hub sends it: an event carrying the asset whole.
      for (const { at, status } of changes) pending.push({ ...assets[at]!, status });
      frame ??= requestAnimationFrame(flush);
    },
    drawn: drawnAfter,
    storeMs: () => storeMs,
  };
}

/** Peer A: deck.gl's everyday way, a new array of objects (the changed ones replaced) each update. */
async function deckArray(points: FixturePoint[], map: MaplibreMap): Promise<Mode> {
  type Point = { position: [number, number]; color: [number, number, number, number] };
  let data: Point[] = points.map((p) => ({ position: [p.lon, p.lat], color: RGBA.ok }));
  let frames = 0;
  const layer = () =>
    new ScatterplotLayer<Point>({ id: 'points', data, getPosition: (d) => d.position, getFillColor: (d) => d.color, radiusUnits: 'pixels', getRadius: 2.5, pickable: true });
  const overlay = new MapboxOverlay({ interleaved: false, layers: [layer()], onAfterRender: () => (frames += 1) });
  map.addControl(overlay);
  return {
    apply(changes) {
      data = data.slice();
      for (const { at, status } of changes) data[at] = { position: data[at]!.position, color: RGBA[status] };
      overlay.setProps({ layers: [layer()] });
    },
    async drawn() {
      const target = frames + 1;
      while (frames < target) await nextFrame();
    },
  };
}

/** Peer B: maplibre's own way, a GeoJSON source with feature ids, `updateData` with what changed. */
async function maplibreUpdate(points: FixturePoint[], map: MaplibreMap): Promise<Mode> {
  map.addSource('points', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: points.map((p, i) => ({ type: 'Feature', id: i, properties: { status: 'ok' }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })),
    },
  });
  const colour = ['match', ['get', 'status'], ...ASSET_STATUSES.flatMap((s) => [s, `rgb(${STATUS_RGB[s].join(',')})`]), '#888'];
  map.addLayer({ id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 2.5, 'circle-color': colour as never } });
  const source = map.getSource<GeoJSONSource>('points')!;
  let updating: Promise<void> = Promise.resolve();
  return {
    apply(changes) {
      updating = source.updateData({ update: changes.map(({ at, status }) => ({ id: at, addOrUpdateProperties: [{ key: 'status', value: status }] })) });
    },
    async drawn() {
      await updating;
      // Idle: the worker's new tiles are in and drawn, nothing left to load.
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    },
  };
}

/**
 * The floor: a WebGL2 canvas over the same (idle) map, the points as GL_POINTS at the fixed
 * camera, colours as bytes. An update writes the changed colours, uploads the span from the first
 * to the last changed point in one call and draws once on the next animation frame: nothing a map
 * needs beyond that (camera, layers, picking, icons). Draws the same pixels as the peers only
 * roughly; it is there for its main-thread cost, not its looks.
 */
async function bareWebGl(points: FixturePoint[], map: MaplibreMap): Promise<Mode> {
  const canvas = document.createElement('canvas');
  const { width, height } = map.getCanvas();
  Object.assign(canvas, { width, height });
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  map.getContainer().appendChild(canvas);
  const gl = canvas.getContext('webgl2', { antialias: false, premultipliedAlpha: true })!;
  const program = linkProgram(
    gl,
    `#version 300 es
    in vec2 position; in vec4 colour; out vec4 vColour;
    void main() { gl_Position = vec4(position, 0.0, 1.0); gl_PointSize = 5.0; vColour = colour; }`,
    `#version 300 es
    precision mediump float; in vec4 vColour; out vec4 fragColour;
    void main() { fragColour = vColour; }`,
  );
  // Clip space at the fixed camera, computed once on the CPU (the camera never moves here).
  const clip = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    const { x, y } = map.project([p.lon, p.lat]);
    clip[i * 2] = (x / width) * 2 - 1;
    clip[i * 2 + 1] = 1 - (y / height) * 2;
  });
  const colours = new Uint8Array(points.length * 4);
  for (let i = 0; i < points.length; i++) colours.set(RGBA.ok, i * 4);
  const vertexArray = gl.createVertexArray();
  gl.bindVertexArray(vertexArray);
  const attribute = (name: string, data: ArrayBufferView, size: number, type: number, normalized: boolean) => {
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
    const location = gl.getAttribLocation(program, name);
    gl.enableVertexAttribArray(location);
    gl.vertexAttribPointer(location, size, type, normalized, 0, 0);
    return buffer;
  };
  attribute('position', clip, 2, gl.FLOAT, false);
  const colourBuffer = attribute('colour', colours, 4, gl.UNSIGNED_BYTE, true);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);

  const draw = () => {
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.useProgram(program);
    gl.bindVertexArray(vertexArray);
    gl.drawArrays(gl.POINTS, 0, points.length);
    gl.bindVertexArray(null);
  };
  let first = Infinity;
  let last = -1;
  let frame: number | null = null;
  const flush = () => {
    frame = null;
    if (last >= 0) {
      gl.bindBuffer(gl.ARRAY_BUFFER, colourBuffer);
      gl.bufferSubData(gl.ARRAY_BUFFER, first * 4, colours, first * 4, (last - first + 1) * 4);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      first = Infinity;
      last = -1;
    }
    draw();
  };
  draw();
  return {
    apply(changes) {
      for (const { at, status } of changes) {
        colours.set(RGBA[status], at * 4);
        if (at < first) first = at;
        if (at > last) last = at;
      }
      frame ??= requestAnimationFrame(flush);
    },
    async drawn() {
      // The flush was asked for first, so it has run (and drawn) when this frame's wait resolves.
      while (frame !== null) await nextFrame();
    },
  };
}

function linkProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram()!;
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader');
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'link');
  return program;
}

void main();
