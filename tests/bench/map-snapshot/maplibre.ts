/**
 * PEER A: what a competent developer writes with maplibre-gl alone: the same assets as a GeoJSON
 * FeatureCollection (each asset's record as the feature's properties), `JSON.parse`, one GeoJSON
 * source, one circle layer coloured by status, done when the map is idle (source loaded, drawn).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MaplibreMap } from 'maplibre-gl';
import { fetchJson } from './page-contract';

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
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
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
    await new Promise<void>((resolve) => {
      const check = () => (map.isSourceLoaded('assets') && map.loaded() ? resolve() : map.once('idle', check));
      map.once('idle', check);
    });
    return data.features.length;
  },
};

// `?cold`: the peer's cold start for E1, from navigation to the first render of every point.
if (location.search.includes('cold')) {
  void window.__snapshotBench
    .load()
    .then(() => window.__snapshotBench.run())
    .then(() => Object.assign(window, { __coldDoneAt: performance.now() }));
}
