import { describe, expect, it } from 'vitest';
import { LampLayers } from '../../../renderer/map/lamp-layers';
import { AssetBuffers } from '../../../renderer/state';
import { asset } from './fixtures';

/** 3,000 lamps west (Brest) and 3,000 east (Quimperlé), a few of them not ok. */
function twoTowns(): AssetBuffers {
  const lamps = Array.from({ length: 6000 }, (_, i) => {
    const west = i % 2 === 0;
    return asset({
      id: `lamp-${i}`,
      kind: 'street-lamp',
      lon: (west ? -4.48 : -3.55) + (i % 50) * 0.0004,
      lat: (west ? 48.39 : 47.87) + ((i / 50) | 0) * 0.0002,
      status: i % 1000 === 0 ? 'offline' : 'ok',
    });
  });
  return AssetBuffers.fromAssets(lamps);
}

describe('street lamp layers', () => {
  it('draws only the lamps that are not ok at territory zoom', () => {
    const lamps = new LampLayers();
    const buffers = twoTowns();
    lamps.setLayout(buffers);
    const { layers, drawn } = lamps.layers({ zoom: 9, bounds: [-5.2, 47.6, -3.3, 48.8] });
    expect(layers).toHaveLength(1);
    expect(drawn).toBe(6);
    const picked = lamps.globalIndex(layers[0]!.id, 0)!;
    expect(buffers.records.at(picked)!.status).toBe('offline');
  });

  it('from street zoom on, hands deck.gl only the chunks in view', () => {
    const lamps = new LampLayers();
    const buffers = twoTowns();
    lamps.setLayout(buffers);
    const brest = lamps.layers({ zoom: 14, bounds: [-4.5, 48.38, -4.45, 48.42] });
    // 3,000 lamps in view, in chunks of 2,048: two chunks at most, the east-only one left out.
    expect(brest.drawn).toBeGreaterThanOrEqual(3000);
    expect(brest.drawn).toBeLessThanOrEqual(4096);
    expect(lamps.layers({ zoom: 14, bounds: [0, 0, 1, 1] }).drawn).toBe(0);
  });

  it('picks up a lamp going offline in the territory view after its colours change', () => {
    const lamps = new LampLayers();
    const buffers = twoTowns();
    lamps.setLayout(buffers);
    const index = buffers.fits(asset({ id: 'lamp-1', kind: 'street-lamp' }))!;
    buffers.update(index, { ...buffers.records.at(index)!, status: 'alarm' });
    lamps.coloursChanged();
    expect(lamps.layers({ zoom: 9, bounds: [-5.2, 47.6, -3.3, 48.8] }).drawn).toBe(7);
  });

  it('hands over again only the chunks of the lamps that changed, and keeps the anomalies in step', () => {
    const lamps = new LampLayers();
    const buffers = twoTowns();
    lamps.setLayout(buffers);
    const before = lamps.chunkColourVersions();
    const territory = { zoom: 9, bounds: [-5.2, 47.6, -3.3, 48.8] as [number, number, number, number] };
    const set = (id: string, status: 'ok' | 'alarm' | 'warning') => {
      const index = buffers.indexOf(id)!;
      buffers.update(index, { ...buffers.records.at(index)!, status });
      return index;
    };

    const goneBad = set('lamp-1', 'alarm');
    lamps.coloursChanged([goneBad]);
    const after = lamps.chunkColourVersions();
    const touched = after.flatMap((v, i) => (v !== before[i] ? [i] : []));
    expect(touched).toHaveLength(1);
    expect(lamps.layers(territory).drawn).toBe(7);

    // Back to ok: it leaves the anomaly layer; an offline lamp turning warning stays in it.
    const offline = buffers.records.toArray().findIndex((r) => r.status === 'offline');
    lamps.coloursChanged([set('lamp-1', 'ok'), set(buffers.ids[offline]!, 'warning')]);
    const { layers, drawn } = lamps.layers(territory);
    expect(drawn).toBe(6);
    const shown = Array.from({ length: drawn }, (_, i) => buffers.records.at(lamps.globalIndex(layers[0]!.id, i)!)!.status);
    expect(shown.sort()).toEqual(['offline', 'offline', 'offline', 'offline', 'offline', 'warning']);
  });

  it('gives the same anomalies incrementally as by a full rescan', () => {
    const incremental = new LampLayers();
    const buffers = twoTowns();
    incremental.setLayout(buffers);
    const changed: number[] = [];
    for (let i = 0; i < 6000; i += 7) {
      const index = buffers.indexOf(`lamp-${i}`)!;
      buffers.update(index, { ...buffers.records.at(index)!, status: i % 3 === 0 ? 'ok' : 'offline' });
      changed.push(index);
    }
    incremental.coloursChanged(changed);
    const rescanned = new LampLayers();
    rescanned.setLayout(buffers);
    const territory = { zoom: 9, bounds: [-5.2, 47.6, -3.3, 48.8] as [number, number, number, number] };
    const indexesOf = (lamps: LampLayers) => {
      const { layers, drawn } = lamps.layers(territory);
      return Array.from({ length: drawn }, (_, i) => lamps.globalIndex(layers[0]!.id, i)!).sort((a, b) => a - b);
    };
    expect(indexesOf(incremental)).toEqual(indexesOf(rescanned));
  });
});
