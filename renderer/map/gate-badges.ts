import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Asset } from '../../shared';
import type { AssetBuffers } from '../state';

export type GatePosition = 'open' | 'closed' | 'unknown';

/** Open reads as « passage », green; closed as a dark plug; unknown (no reading yet) is not drawn. */
const BADGE_RGBA: Record<Exclude<GatePosition, 'unknown'>, [number, number, number, number]> = {
  open: [46, 204, 113, 255],
  closed: [30, 36, 44, 255],
};

interface Badge {
  asset: Asset;
  position: Exclude<GatePosition, 'unknown'>;
}

/** The position a gate's contact last reported (`metrics.gateOpen`). */
export function gatePosition(asset: Asset): GatePosition {
  const open = asset.metrics.gateOpen;
  return typeof open === 'boolean' ? (open ? 'open' : 'closed') : 'unknown';
}

/**
 * A badge in the middle of each gate's icon that says where the gate is: someone who opens a
 * cemetery gate sees it turn green on the map once the contact confirms it. Gates are few (one
 * per cemetery), so the badges are rebuilt whole when any gate moves. `drawn` keeps what the
 * last layer shows, per gate, for tests (`window.__beffroiDebug.gatePosition`).
 */
export function gateBadges(buffers: AssetBuffers, drawn: Map<string, GatePosition>): Layer {
  drawn.clear();
  const range = buffers.ranges.gate;
  const badges: Badge[] = [];
  for (let i = range.start; i < range.start + range.count; i++) {
    const asset = buffers.records.at(i)!;
    const position = gatePosition(asset);
    drawn.set(asset.id, position);
    if (position !== 'unknown') badges.push({ asset, position });
  }
  return new ScatterplotLayer<Badge>({
    id: 'gate-positions',
    data: badges,
    getPosition: (b) => [b.asset.lon, b.asset.lat],
    radiusUnits: 'pixels',
    getRadius: 4,
    getFillColor: (b) => BADGE_RGBA[b.position],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    getLineColor: [255, 255, 255, 230],
    pickable: false,
  });
}
