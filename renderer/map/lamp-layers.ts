import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Device } from '@luma.gl/core';
import { STATUS_CODE, type AssetBuffers } from '../state';
import { GpuColumn } from './gpu-column';
import { PointSlots, boundsOf, originOf } from './point-slots';

/**
 * Street lamps: tens of thousands of points (90,000 in Finistère). Drawing all of them on every
 * frame costs the GPU a vertex pass per lamp whether on screen or not, which a software renderer
 * (and a modest laptop) feels. So:
 * - below LAMP_DETAIL_ZOOM only lamps that are *not* ok are drawn (the operator's business at
 *   territory scale; an ok lamp is already summed up by its cabinet's colour);
 * - from that zoom on, lamps are drawn in spatial chunks and only chunks whose box meets the
 *   viewport are handed to deck.gl.
 * Chunks' colours are zero-copy subarrays of the shared buffers mirrored in GPU buffers (see
 * GpuColumn): a status change writes that lamp's four bytes, and the lamps that are not ok are
 * kept in slots (see PointSlots) lamp by lamp, never by rescanning or repacking all of them.
 */
export const LAMP_DETAIL_ZOOM = 12;
/** Lamps per chunk: small enough to cull usefully, large enough to keep the layer count low. */
const LAMPS_PER_CHUNK = 2048;

export const LAMP_LAYER_PREFIX = 'assets-street-lamp';

interface BinaryAttribute<T extends Float64Array | Uint8Array> {
  value: T;
  size: number;
}

interface LampChunk {
  id: string;
  start: number;
  count: number;
  bounds: [number, number, number, number];
  positions: BinaryAttribute<Float64Array>;
  colours: GpuColumn<Uint8Array>;
}

export interface Viewport {
  zoom: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
}

/** See asset-layers.ts: same positions object = no re-upload; data container change ignored. */
function sameLayout(next: unknown, previous: unknown): boolean {
  const a = next as { length: number; attributes: { getPosition: unknown } };
  const b = previous as { length: number; attributes: { getPosition: unknown } };
  return a.length === b.length && a.attributes.getPosition === b.attributes.getPosition;
}

const LAMP_RADIUS = { radiusUnits: 'meters', getRadius: 7, radiusMinPixels: 1.6, radiusMaxPixels: 6 } as const;

export class LampLayers {
  private chunks: LampChunk[] = [];
  private buffers: AssetBuffers | null = null;
  private rangeStart = 0;
  /** The lamps that are not ok, kept up to date incrementally. */
  private anomalies = new PointSlots(0, [0, 0], true);
  private device: Device | null = null;

  setLayout(buffers: AssetBuffers): void {
    this.destroy();
    this.buffers = buffers;
    const { start, count } = buffers.ranges['street-lamp'];
    this.rangeStart = start;
    this.chunks = [];
    this.anomalies = new PointSlots(count, originOf(buffers.positions, start, count), true);
    for (let from = 0; from < count; from += LAMPS_PER_CHUNK) {
      const n = Math.min(LAMPS_PER_CHUNK, count - from);
      const first = start + from;
      this.chunks.push({
        id: `${LAMP_LAYER_PREFIX}~${this.chunks.length}`,
        start: first,
        count: n,
        bounds: boundsOf(buffers.positions, first, n),
        positions: { value: buffers.positions.subarray(first * 2, (first + n) * 2), size: 2 },
        colours: new GpuColumn(buffers.colours.subarray(first * 4, (first + n) * 4), 4, { type: 'unorm8', normalized: true }),
      });
    }
    this.collectAnomalies();
    if (this.device) this.attach(this.device);
  }

  /** The GPU exists: every column gets its buffer (one full upload each, per layout). */
  attach(device: Device): void {
    this.device = device;
    for (const chunk of this.chunks) chunk.colours.attach(device);
    this.anomalies.attach(device);
  }

  /** Writes what changed since the last frame into the GPU buffers; returns the bytes written. */
  flush(): number {
    let written = this.anomalies.flush();
    for (const chunk of this.chunks) written += chunk.colours.flush();
    return written;
  }

  /** Frees the GPU buffers of the current layout. */
  destroy(): void {
    for (const chunk of this.chunks) chunk.colours.destroy();
    this.anomalies.destroy();
  }

  /**
   * Colours were rewritten in place. With `indexes` (global buffer indexes that changed, from the
   * store), only those lamps' rows are written again and only they join or leave the anomalies;
   * without, every lamp is looked at again.
   */
  coloursChanged(indexes?: readonly number[]): void {
    const buffers = this.buffers;
    if (!buffers) return;
    if (!indexes) {
      for (const chunk of this.chunks) for (let row = 0; row < chunk.count; row++) chunk.colours.markDirty(row);
      this.collectAnomalies();
      return;
    }
    const ok = STATUS_CODE.ok;
    const count = this.count;
    for (const index of indexes) {
      const offset = index - this.rangeStart;
      if (offset < 0 || offset >= count) continue;
      this.chunks[(offset / LAMPS_PER_CHUNK) | 0]!.colours.markDirty(offset % LAMPS_PER_CHUNK);
      // A lamp that stays not ok may still change colour (warning → offline): its slot is rewritten.
      if (buffers.statusCodes[index] !== ok) this.anomalies.set(index, buffers.positions, buffers.colours);
      else this.anomalies.delete(index);
    }
  }

  /** Colour versions of the chunks, for tests: which chunks a change handed over again. */
  chunkColourVersions(): number[] {
    return this.chunks.map((chunk) => chunk.colours.version);
  }

  get count(): number {
    return this.buffers?.ranges['street-lamp'].count ?? 0;
  }

  /** Global buffer index of instance `index` picked in one of these layers. */
  globalIndex(layerId: string, index: number): number | undefined {
    if (layerId === `${LAMP_LAYER_PREFIX}~anomalies`) return index >= 0 && index < this.anomalies.count ? this.anomalies.indexes[index] : undefined;
    const chunk = this.chunks[Number(layerId.slice(LAMP_LAYER_PREFIX.length + 1))];
    return chunk && index >= 0 && index < chunk.count ? chunk.start + index : undefined;
  }

  /** Which layers the viewport needs; also how many lamps they draw. */
  layers(viewport: Viewport): { layers: Layer[]; drawn: number } {
    // The anomalies' layer is there even with no lamp yet: its GPU program is then built before
    // a snapshot brings lamps (see AssetLayerSet.setLayout).
    if (viewport.zoom < LAMP_DETAIL_ZOOM) return { layers: [this.anomalyLayer()], drawn: this.anomalies.count };
    const layers: Layer[] = [];
    let drawn = 0;
    for (const chunk of this.chunks) {
      if (!intersects(chunk.bounds, viewport.bounds)) continue;
      drawn += chunk.count;
      layers.push(
        new ScatterplotLayer({
          id: chunk.id,
          data: { length: chunk.count, attributes: { getPosition: chunk.positions, ...chunk.colours.attribute('instanceFillColors', 'getFillColor') } },
          dataComparator: sameLayout,
          updateTriggers: { getFillColor: chunk.colours.version },
          ...LAMP_RADIUS,
          pickable: true,
        }),
      );
    }
    return { layers, drawn };
  }

  /** Visible chunk ids, to know whether a camera move changes the layer list. */
  visibleKey(viewport: Viewport): string {
    if (viewport.zoom < LAMP_DETAIL_ZOOM) return 'anomalies';
    let key = '';
    this.chunks.forEach((chunk, i) => {
      if (intersects(chunk.bounds, viewport.bounds)) key += `${i},`;
    });
    return key;
  }

  private anomalyLayer(): Layer {
    const slots = this.anomalies;
    return new ScatterplotLayer({
      id: `${LAMP_LAYER_PREFIX}~anomalies`,
      data: {
        length: slots.count,
        attributes: {
          ...slots.positions.attribute('instancePositions', 'getPosition', slots.count),
          ...slots.colours!.attribute('instanceFillColors', 'getFillColor', slots.count),
        },
      },
      coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
      coordinateOrigin: [slots.origin[0], slots.origin[1], 0],
      updateTriggers: { getPosition: slots.version, getFillColor: slots.version },
      ...LAMP_RADIUS,
      radiusMinPixels: 2.2,
      pickable: true,
    });
  }

  /** Every lamp that is not ok, by one scan (a new layout, or no list of what changed). */
  private collectAnomalies(): void {
    const buffers = this.buffers;
    if (!buffers) return;
    const ok = STATUS_CODE.ok;
    const end = this.rangeStart + this.count;
    for (let i = this.rangeStart; i < end; i++) {
      if (buffers.statusCodes[i] !== ok) this.anomalies.set(i, buffers.positions, buffers.colours);
      else this.anomalies.delete(i);
    }
  }
}

function intersects(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;
}
