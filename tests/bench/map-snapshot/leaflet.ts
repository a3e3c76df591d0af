/**
 * PEER B: Leaflet 1.9 as its documentation says for many points: `preferCanvas`, the same assets
 * as GeoJSON, `JSON.parse`, `L.geoJSON` with a `circleMarker` per point coloured by status; done
 * once the canvas has drawn them (Leaflet redraws on the next animation frame).
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { fetchJson, whenFrame } from './page-contract';

const COLOURS: Record<string, string> = { ok: '#2eb664', warning: '#f5a623', alarm: '#ff3b3b', stale: '#9689be', offline: '#686f7c', maintenance: '#408cff' };
let map: L.Map;
let text = '';

window.__snapshotBench = {
  async load() {
    const [west, south, east, north] = await fetchJson<[number, number, number, number]>('./bounds.json');
    map = L.map('map', { preferCanvas: true }).fitBounds([
      [south, west],
      [north, east],
    ]);
  },
  async fetchInput() {
    text = await (await fetch('./assets.geojson')).text();
  },
  async run() {
    const data = JSON.parse(text) as GeoJSON.FeatureCollection;
    text = '';
    const layer = L.geoJSON(data, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 3, stroke: false, fillOpacity: 1, fillColor: COLOURS[String(feature.properties?.status)] ?? '#408cff' }),
    }).addTo(map);
    let frames = 0;
    await whenFrame(() => ++frames >= 2);
    return layer.getLayers().length;
  },
};
