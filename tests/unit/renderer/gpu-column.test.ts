import type { Device } from '@luma.gl/core';
import { describe, expect, it } from 'vitest';
import { GpuColumn } from '../../../renderer/map/gpu-column';
import { PointSlots } from '../../../renderer/map/point-slots';

/**
 * A device that keeps what is written to its buffers in memory, to check which bytes a flush
 * writes where (the real WebGL path is checked in Chromium by tests/e2e/map-uploads.spec.ts).
 */
function memoryDevice() {
  const writes: Array<{ byteOffset: number; bytes: number }> = [];
  const memory: Uint8Array[] = [];
  const device = {
    type: 'memory',
    createBuffer({ data }: { data: ArrayBufferView }) {
      const copy = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
      memory.push(copy);
      return {
        write(view: ArrayBufferView, byteOffset: number) {
          writes.push({ byteOffset, bytes: view.byteLength });
          copy.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), byteOffset);
        },
        destroy() {},
      };
    },
  } as unknown as Device;
  return { device, writes, memory };
}

describe('GPU column', () => {
  it('writes only the changed rows, nearby ones together, and keeps the GPU copy equal to the CPU one', () => {
    const { device, writes, memory } = memoryDevice();
    const colours = new Uint8Array(1000 * 4);
    const column = new GpuColumn(colours, 4, { type: 'unorm8', normalized: true });
    column.attach(device);
    for (const row of [500, 10, 11, 13, 900]) {
      colours.set([1, 2, 3, 4], row * 4);
      column.markDirty(row);
    }
    expect(column.flush()).toBe((1 + 4 + 1) * 4);
    // Rows 10, 11 and 13 in one write (12 rewritten unchanged); 500 and 900 alone.
    expect(writes).toEqual([
      { byteOffset: 40, bytes: 16 },
      { byteOffset: 2000, bytes: 4 },
      { byteOffset: 3600, bytes: 4 },
    ]);
    expect(memory[0]).toEqual(colours);
    expect(column.flush()).toBe(0);
  });

  it('hands deck.gl the typed array before the device exists, the buffer after', () => {
    const column = new GpuColumn(new Uint8Array(8), 4, { type: 'unorm8', normalized: true });
    expect(Object.keys(column.attribute('instanceColors', 'getColor'))).toEqual(['getColor']);
    column.attach(memoryDevice().device);
    expect(Object.keys(column.attribute('instanceColors', 'getColor'))).toEqual(['instanceColors']);
  });
});

describe('point slots', () => {
  it('fill a freed slot with the last point, writing only those rows', () => {
    const positions = new Float64Array([-4.5, 48.4, -4.1, 48.2, -3.6, 47.9]);
    const colours = new Uint8Array([1, 1, 1, 255, 2, 2, 2, 255, 3, 3, 3, 255]);
    const slots = new PointSlots(3, [-4, 48], true);
    const { device, writes } = memoryDevice();
    slots.attach(device);
    slots.set(0, positions, colours);
    slots.set(1, positions, colours);
    slots.set(2, positions, colours);
    slots.flush();
    writes.length = 0;

    expect(slots.delete(0)).toBe(true);
    expect(slots.count).toBe(2);
    expect([...slots.indexes.subarray(0, 2)]).toEqual([2, 1]);
    expect(slots.lonLat(0)[0]).toBeCloseTo(-3.6, 6);
    expect(slots.lonLat(0)[1]).toBeCloseTo(47.9, 6);
    expect([...slots.colours!.values.subarray(0, 4)]).toEqual([3, 3, 3, 255]);
    slots.flush();
    // Slot 0's position (12 bytes) and colour (4 bytes): nothing else.
    expect(writes).toEqual([
      { byteOffset: 0, bytes: 12 },
      { byteOffset: 0, bytes: 4 },
    ]);
    expect(slots.delete(0)).toBe(false);
  });
});
