import type { StyleSpecification } from 'maplibre-gl';
import type { OutlineCollection } from './geo-outlines';

/** Basemap palette: a dark navy sea of communes, outlines just bright enough to read borders. */
export const BASEMAP = {
  background: '#070b14',
  communeFill: '#0f1828',
  communeFillOutOfScope: '#0a0f19',
  communeFillInScope: '#172742',
  scopeLine: '#7fa6e0',
  communeLine: '#2a3b58',
  departementLine: '#5d7cae',
} as const;

const EMPTY: OutlineCollection = { type: 'FeatureCollection', features: [] };

/**
 * An offline style: no tiles, no sprite, no glyphs URL (nothing to fetch). maplibre-gl draws the
 * commune names with the workstation's own fonts (TinySDF) when a style declares no glyphs, so the
 * labels work offline; the tooltips and the panel name communes too.
 */
export function offlineStyle(attribution: string): StyleSpecification {
  return {
    version: 8,
    name: 'Beffroi hors ligne',
    sources: {
      communes: { type: 'geojson', data: EMPTY, attribution, promoteId: 'code' },
      departements: { type: 'geojson', data: EMPTY },
      'commune-labels': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP.background } },
      {
        id: 'commune-fill',
        type: 'fill',
        source: 'communes',
        paint: {
          // An elected official's own commune stands out; the rest of the territory recedes.
          'fill-color': ['match', ['get', 'scope'], 'in', BASEMAP.communeFillInScope, 'out', BASEMAP.communeFillOutOfScope, BASEMAP.communeFill],
          'fill-opacity': 1,
        },
      },
      {
        id: 'commune-hover',
        type: 'fill',
        source: 'communes',
        paint: { 'fill-color': '#1d2c47', 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
      },
      {
        id: 'commune-line',
        type: 'line',
        source: 'communes',
        paint: { 'line-color': BASEMAP.communeLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 13, 1.5] },
      },
      {
        id: 'commune-scope-line',
        type: 'line',
        source: 'communes',
        filter: ['==', ['get', 'scope'], 'in'],
        paint: { 'line-color': BASEMAP.scopeLine, 'line-width': 2 },
      },
      {
        id: 'commune-label',
        type: 'symbol',
        source: 'commune-labels',
        minzoom: 10.5,
        layout: {
          'text-field': ['get', 'nom'],
          'text-font': ['sans-serif'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 10.5, 11, 14, 14],
          'text-max-width': 8,
          'text-padding': 6,
        },
        paint: {
          'text-color': ['match', ['get', 'scope'], 'in', '#d3def2', 'out', '#4f5f7a', '#8496b5'],
          'text-halo-color': BASEMAP.background,
          'text-halo-width': 1.2,
        },
      },
      {
        id: 'departement-line',
        type: 'line',
        source: 'departements',
        paint: { 'line-color': BASEMAP.departementLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 13, 3] },
      },
    ],
  };
}
