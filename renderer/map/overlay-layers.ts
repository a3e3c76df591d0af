import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Asset } from '../../shared';
import type { AssetBuffers } from '../state';

// Markers drawn over the asset layers: the group a group command will act on, drifting assets, the selected asset.

/** A cyan ring on each asset of the group a group command will act on; none for an empty group. */
export function groupHighlight(buffers: AssetBuffers, ids: ReadonlySet<string>): Layer | null {
  if (ids.size === 0) return null;
  const assets = [...ids].map((id) => buffers.get(id)).filter((asset) => asset !== undefined);
  return new ScatterplotLayer({
    id: 'group-selection',
    data: assets,
    getPosition: (a: Asset) => [a.lon, a.lat],
    radiusUnits: 'pixels',
    getRadius: 11,
    filled: true,
    getFillColor: [0, 200, 255, 60],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: [0, 200, 255, 240],
    pickable: false,
  });
}

/** An amber dashed-looking ring on each asset whose device does not report what it was asked. */
export function driftMarkers(assets: Asset[]): Layer {
  return new ScatterplotLayer({
    id: 'drift-markers',
    data: assets,
    getPosition: (a: Asset) => [a.lon, a.lat],
    radiusUnits: 'pixels',
    getRadius: 13,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2.5,
    getLineColor: [245, 166, 35, 240],
    pickable: false,
  });
}

/** A white ring around the selected asset. */
export function selectionRing(asset: Asset): Layer {
  return new ScatterplotLayer({
    id: 'selection',
    data: [asset],
    getPosition: (a: Asset) => [a.lon, a.lat],
    radiusUnits: 'pixels',
    getRadius: 20,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    getLineColor: [255, 255, 255, 235],
    pickable: false,
  });
}
