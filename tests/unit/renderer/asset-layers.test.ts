import { describe, expect, it } from 'vitest';
import { AssetLayerSet } from '../../../renderer/map/asset-layers';
import type { IconAtlas } from '../../../renderer/map/icon-atlas';
import { AssetBuffers } from '../../../renderer/state';
import { asset } from './fixtures';

/** The atlas is a canvas, which Node has not; the halos and lamps never read it. */
const NO_ATLAS = { canvas: null, mapping: {} } as unknown as IconAtlas;

function territory(): AssetBuffers {
  const cabinets = Array.from({ length: 50 }, (_, i) => asset({ id: `cab-${i}`, lon: 2 + i * 0.01, lat: 48.5, status: i < 3 ? 'alarm' : 'ok' }));
  const lamps = Array.from({ length: 500 }, (_, i) => asset({ id: `lamp-${i}`, kind: 'street-lamp', lon: 2 + i * 0.001, lat: 48.6, status: i < 10 ? 'alarm' : 'ok' }));
  return AssetBuffers.fromAssets([...cabinets, ...lamps]);
}

function haloLons(layers: AssetLayerSet): number[] {
  const positions = layers.alarmHaloPositions();
  return Array.from({ length: positions.length / 2 }, (_, i) => Math.round(positions[i * 2]! * 100) / 100).sort((a, b) => a - b);
}

describe('alarm halos', () => {
  it('ring every asset in alarm but the street lamps', () => {
    const layers = new AssetLayerSet(NO_ATLAS);
    layers.setLayout(territory());
    expect(haloLons(layers)).toEqual([2, 2.01, 2.02]);
  });

  it('follow the assets that changed, as a full rescan would', () => {
    const buffers = territory();
    const layers = new AssetLayerSet(NO_ATLAS);
    layers.setLayout(buffers);
    const set = (id: string, status: 'ok' | 'alarm') => {
      const index = buffers.indexOf(id)!;
      buffers.update(index, { ...buffers.records.at(index)!, status });
      return index;
    };
    const changed = [set('cab-0', 'ok'), set('cab-10', 'alarm'), set('cab-11', 'alarm'), set('lamp-100', 'alarm')];
    layers.coloursChanged(['lighting-cabinet', 'street-lamp'], changed);
    expect(haloLons(layers)).toEqual([2.01, 2.02, 2.1, 2.11]);

    const rescanned = new AssetLayerSet(NO_ATLAS);
    rescanned.setLayout(buffers);
    expect(haloLons(layers)).toEqual(haloLons(rescanned));
  });
});
