/**
 * PEER A: what a competent developer writes with maplibre-gl alone: the same assets as a GeoJSON
 * FeatureCollection (each asset's record as the feature's properties), `JSON.parse`, one GeoJSON
 * source, one circle layer coloured by status, done when the map is idle (source loaded, drawn).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { fetchJson, whenFrame } from './page-contract';

// The setup maplibre 6 asks of a bundled app: where its worker is.
setWorkerUrl(workerUrl);
let map: MaplibreMap;
let text = '';

window.__snapshotBench = {
  async load() {
    const bounds = await fetchJson<[number, number, number, number]>('./bounds.json');
    map = new MaplibreMap({
      container: 'map',
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0b1020' } }] },
      bounds,
    });
    Object.assign(window, { __map: map });
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
  },
  async fetchInput() {
    text = await (await fetch('./assets.geojson')).text();
  },
  async run() {
    const data = JSON.parse(text) as GeoJSON.FeatureCollection;
    text = '';
    map.addSource('assets', { type: 'geojson', data });
    map.addLayer({
      id: 'assets',
      type: 'circle',
      source: 'assets',
      paint: {
        'circle-radius': 3,
        'circle-color': ['match', ['get', 'status'], 'ok', '#2eb664', 'warning', '#f5a623', 'alarm', '#ff3b3b', 'stale', '#9689be', 'offline', '#686f7c', '#408cff'],
      },
    });
    // Polled each frame rather than awaiting 'idle', which may have fired before the last check.
    await whenFrame(() => map.isSourceLoaded('assets') && map.areTilesLoaded() && map.loaded());
    let frames = 0;
    await whenFrame(() => ++frames >= 2);
    return data.features.length;
  },
};

// `?cold`: the peer's cold start for E1, from navigation to the first render of every point.
if (location.search.includes('cold')) {
  void window.__snapshotBench
    .load()
    .then(() => window.__snapshotBench.fetchInput())
    .then(() => window.__snapshotBench.run())
    .then(() => Object.assign(window, { __coldDoneAt: performance.now() }));
}
