import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { STATUS_CODE, type AssetBuffers } from '../state';

/**
 * Street lamps: tens of thousands of points (90,000 in Finistère). Drawing all of them on every
 * frame costs the GPU a vertex pass per lamp whether on screen or not, which a software renderer
 * (and a modest laptop) feels. So:
 * - below LAMP_DETAIL_ZOOM only lamps that are *not* ok are drawn (the operator's business at
 *   territory scale; an ok lamp is already summed up by its cabinet's colour);
 * - from that zoom on, lamps are drawn in spatial chunks and only chunks whose box meets the
 *   viewport are handed to deck.gl.
 * Chunks are zero-copy subarrays of the shared buffers, so colours still update in place.
 * A status change costs what it touches: its chunk is handed over again, and the set of lamps
 * that are not ok is kept up to date lamp by lamp, never by rescanning all of them.
 */
export const LAMP_DETAIL_ZOOM = 12;
/** Lamps per chunk: small enough to cull usefully, large enough to keep the layer count low. */
const LAMPS_PER_CHUNK = 2048;

export const LAMP_LAYER_PREFIX = 'assets-street-lamp';

interface BinaryAttribute<T extends Float64Array | Uint8Array> {
  value: T;
  size: number;
  normalized?: boolean;
}

interface LampChunk {
  id: string;
  start: number;
  count: number;
  bounds: [number, number, number, number];
  positions: BinaryAttribute<Float64Array>;
  coloursView: Uint8Array;
  colours: BinaryAttribute<Uint8Array>;
  colourVersion: number;
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
  /** Global indexes of the lamps that are not ok, kept up to date incrementally. */
  private readonly anomalies = new Set<number>();
  private anomalyIndexes = new Uint32Array(0);
  private anomalyPositions = new Float64Array(0);
  private anomalyColours = new Uint8Array(0);
  private anomalyVersion = 0;

  setLayout(buffers: AssetBuffers): void {
    this.buffers = buffers;
    const { start, count } = buffers.ranges['street-lamp'];
    this.rangeStart = start;
    this.chunks = [];
    for (let from = 0; from < count; from += LAMPS_PER_CHUNK) {
      const n = Math.min(LAMPS_PER_CHUNK, count - from);
      const first = start + from;
      const coloursView = buffers.colours.subarray(first * 4, (first + n) * 4);
      this.chunks.push({
        id: `${LAMP_LAYER_PREFIX}~${this.chunks.length}`,
        start: first,
        count: n,
        bounds: boundsOf(buffers.positions, first, n),
        positions: { value: buffers.positions.subarray(first * 2, (first + n) * 2), size: 2 },
        coloursView,
        colours: { value: coloursView, size: 4, normalized: true },
        colourVersion: 0,
      });
    }
    this.collectAnomalies();
    this.packAnomalies();
  }

  /**
   * Colours were rewritten in place. With `indexes` (global buffer indexes that changed, from the
   * store), only those lamps' chunks are handed over again and only they join or leave the
   * anomaly set; without, every chunk and every lamp is looked at again.
   */
  coloursChanged(indexes?: readonly number[]): void {
    if (!indexes) {
      for (const chunk of this.chunks) rewrap(chunk);
      this.collectAnomalies();
      this.packAnomalies();
      return;
    }
    const buffers = this.buffers;
    if (!buffers) return;
    const ok = STATUS_CODE.ok;
    const count = this.count;
    const dirty = new Set<number>();
    let anomaliesChanged = false;
    for (const index of indexes) {
      const offset = index - this.rangeStart;
      if (offset < 0 || offset >= count) continue;
      dirty.add((offset / LAMPS_PER_CHUNK) | 0);
      // A lamp that stays not ok may still change colour (warning → offline): repack then too.
      if (buffers.statusCodes[index] !== ok) this.anomalies.add(index);
      else if (!this.anomalies.delete(index)) continue;
      anomaliesChanged = true;
    }
    for (const chunkIndex of dirty) {
      const chunk = this.chunks[chunkIndex];
      if (chunk) rewrap(chunk);
    }
    if (anomaliesChanged) this.packAnomalies();
  }

  /** Colour versions of the chunks, for tests: which chunks a change handed over again. */
  chunkColourVersions(): number[] {
    return this.chunks.map((chunk) => chunk.colourVersion);
  }

  get count(): number {
    return this.buffers?.ranges['street-lamp'].count ?? 0;
  }

  /** Global buffer index of instance `index` picked in one of these layers. */
  globalIndex(layerId: string, index: number): number | undefined {
    if (layerId === `${LAMP_LAYER_PREFIX}~anomalies`) return this.anomalyIndexes[index];
    const chunk = this.chunks[Number(layerId.slice(LAMP_LAYER_PREFIX.length + 1))];
    return chunk && index >= 0 && index < chunk.count ? chunk.start + index : undefined;
  }

  /** Which layers the viewport needs; also how many lamps they draw. */
  layers(viewport: Viewport): { layers: Layer[]; drawn: number } {
    if (this.chunks.length === 0) return { layers: [], drawn: 0 };
    if (viewport.zoom < LAMP_DETAIL_ZOOM) return { layers: [this.anomalyLayer()], drawn: this.anomalyIndexes.length };
    const layers: Layer[] = [];
    let drawn = 0;
    for (const chunk of this.chunks) {
      if (!intersects(chunk.bounds, viewport.bounds)) continue;
      drawn += chunk.count;
      layers.push(
        new ScatterplotLayer({
          id: chunk.id,
          data: { length: chunk.count, attributes: { getPosition: chunk.positions, getFillColor: chunk.colours } },
          dataComparator: sameLayout,
          updateTriggers: { getFillColor: chunk.colourVersion },
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
    return new ScatterplotLayer({
      id: `${LAMP_LAYER_PREFIX}~anomalies`,
      data: {
        length: this.anomalyIndexes.length,
        attributes: {
          getPosition: { value: this.anomalyPositions, size: 2 },
          getFillColor: { value: this.anomalyColours, size: 4, normalized: true },
        },
      },
      updateTriggers: { getPosition: this.anomalyVersion, getFillColor: this.anomalyVersion },
      ...LAMP_RADIUS,
      radiusMinPixels: 2.2,
      pickable: true,
    });
  }

  /** Every lamp that is not ok, by one scan (a new layout, or no list of what changed). */
  private collectAnomalies(): void {
    this.anomalies.clear();
    const buffers = this.buffers;
    if (!buffers) return;
    const ok = STATUS_CODE.ok;
    const end = this.rangeStart + this.count;
    for (let i = this.rangeStart; i < end; i++) if (buffers.statusCodes[i] !== ok) this.anomalies.add(i);
  }

  /** The anomaly layer's small arrays, from the set: proportional to the lamps not ok. */
  private packAnomalies(): void {
    const buffers = this.buffers;
    if (!buffers) return;
    const n = this.anomalies.size;
    const indexes = new Uint32Array(n);
    const positions = new Float64Array(n * 2);
    const colours = new Uint8Array(n * 4);
    let k = 0;
    for (const i of this.anomalies) {
      indexes[k] = i;
      positions[k * 2] = buffers.positions[i * 2]!;
      positions[k * 2 + 1] = buffers.positions[i * 2 + 1]!;
      for (let c = 0; c < 4; c++) colours[k * 4 + c] = buffers.colours[i * 4 + c]!;
      k += 1;
    }
    this.anomalyIndexes = indexes;
    this.anomalyPositions = positions;
    this.anomalyColours = colours;
    this.anomalyVersion += 1;
  }
}

/** A new wrapper of the same memory, and a new version: deck.gl re-uploads that chunk's colours. */
function rewrap(chunk: LampChunk): void {
  chunk.colours = { value: chunk.coloursView, size: 4, normalized: true };
  chunk.colourVersion += 1;
}

function boundsOf(positions: Float64Array, start: number, count: number): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = start; i < start + count; i++) {
    const lon = positions[i * 2]!;
    const lat = positions[i * 2 + 1]!;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}

function intersects(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && a[2]! >= b[0]! && a[1]! <= b[3]! && a[3]! >= b[1]!;
}
