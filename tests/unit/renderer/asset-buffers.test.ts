import { describe, expect, it } from 'vitest';
import { AssetBuffers, STATUS_RGB } from '../../../renderer/state';
import { asset } from './fixtures';

function rgbaAt(buffers: AssetBuffers, id: string): number[] {
  const i = buffers.indexOf(id)!;
  return [...buffers.colours.subarray(i * 4, i * 4 + 4)];
}

describe('AssetBuffers', () => {
  const assets = [
    asset({ id: 'cam-1', kind: 'camera', lon: 2.1, lat: 48.5 }),
    asset({ id: 'cab-1', kind: 'lighting-cabinet', status: 'alarm' }),
    asset({ id: 'cam-2', kind: 'camera', status: 'offline' }),
    asset({ id: 'bin-1', kind: 'waste-container', status: 'warning' }),
    asset({ id: 'cab-2', kind: 'lighting-cabinet' }),
  ];

  it('groups each kind into one contiguous range, keeping order within a kind', () => {
    const buffers = AssetBuffers.fromAssets(assets);
    expect(buffers.ranges['lighting-cabinet']).toEqual({ kind: 'lighting-cabinet', start: 0, count: 2 });
    expect(buffers.ranges['waste-container']).toMatchObject({ start: 2, count: 1 });
    expect(buffers.ranges.camera).toMatchObject({ start: 3, count: 2 });
    expect(buffers.ranges.gate.count).toBe(0);
    expect(buffers.ids).toEqual(['cab-1', 'cab-2', 'bin-1', 'cam-1', 'cam-2']);
  });

  it('holds lon/lat, status colour and the record at the same index', () => {
    const buffers = AssetBuffers.fromAssets(assets);
    const i = buffers.indexOf('cam-1')!;
    expect([buffers.positions[i * 2], buffers.positions[i * 2 + 1]]).toEqual([2.1, 48.5]);
    expect(rgbaAt(buffers, 'cab-1')).toEqual([...STATUS_RGB.alarm, 255]);
    expect(rgbaAt(buffers, 'cam-2')).toEqual([...STATUS_RGB.offline, 255]);
    expect(buffers.records.at(i)!.id).toBe('cam-1');
  });

  it('rewrites the colour in place when the status changes, and says so', () => {
    const buffers = AssetBuffers.fromAssets(assets);
    const coloursBefore = buffers.colours;
    const i = buffers.fits(asset({ id: 'bin-1', kind: 'waste-container', status: 'alarm' }))!;
    const result = buffers.update(i, asset({ id: 'bin-1', kind: 'waste-container', status: 'alarm' }));
    expect(result).toEqual({ statusChanged: true, moved: false });
    expect(buffers.colours).toBe(coloursBefore);
    expect(rgbaAt(buffers, 'bin-1')).toEqual([...STATUS_RGB.alarm, 255]);
    expect(buffers.get('bin-1')!.status).toBe('alarm');
  });

  it('reports a metrics-only update as no redraw', () => {
    const buffers = AssetBuffers.fromAssets(assets);
    const updated = asset({ id: 'cab-2', metrics: { powerW: 1200 } });
    expect(buffers.update(buffers.fits(updated)!, updated)).toEqual({ statusChanged: false, moved: false });
  });

  it('refuses to fit an unknown id or a changed kind (the layout must be rebuilt)', () => {
    const buffers = AssetBuffers.fromAssets(assets);
    expect(buffers.fits(asset({ id: 'new-1' }))).toBeUndefined();
    expect(buffers.fits(asset({ id: 'cab-1', kind: 'gate' }))).toBeUndefined();
  });
});
