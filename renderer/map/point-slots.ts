import type { Device } from '@luma.gl/core';
import { GpuColumn } from './gpu-column';

/**
 * A small layer's points (lamps not ok at territory zoom, assets in alarm) kept in slots so that a
 * point joining or leaving costs its own rows, never a repack: a point joins at the end, a point
 * leaving is replaced by the last one. Positions are float32 offsets in degrees from an origin in
 * the territory (deck.gl's LNGLAT_OFFSETS: ~2 cm precision within a few degrees), so that they can
 * be written row by row into a GPU buffer like the colours (64-bit positions would need deck.gl's
 * own high/low split, which only a whole upload does).
 */
export class PointSlots {
  readonly positions: GpuColumn<Float32Array>;
  readonly colours: GpuColumn<Uint8Array> | null;
  /** Global buffer index of the asset in each slot. */
  readonly indexes: Uint32Array;
  private readonly slotOf = new Map<number, number>();
  count = 0;

  constructor(
    capacity: number,
    readonly origin: [number, number],
    withColours: boolean,
  ) {
    this.positions = new GpuColumn(new Float32Array(capacity * 3), 3, { type: 'float32' });
    this.colours = withColours ? new GpuColumn(new Uint8Array(capacity * 4), 4, { type: 'unorm8', normalized: true }) : null;
    this.indexes = new Uint32Array(capacity);
  }

  attach(device: Device): void {
    this.positions.attach(device);
    this.colours?.attach(device);
  }

  has(index: number): boolean {
    return this.slotOf.has(index);
  }

  /** Adds the asset or, if it is there, rewrites its colour. */
  set(index: number, positions: Float64Array, colours?: Uint8Array): void {
    let slot = this.slotOf.get(index);
    if (slot === undefined) {
      slot = this.count++;
      this.slotOf.set(index, slot);
      this.indexes[slot] = index;
      this.writePosition(slot, positions[index * 2]!, positions[index * 2 + 1]!);
    }
    if (colours) this.writeColour(slot, colours, index * 4);
  }

  /** Removes the asset: the last slot moves into its place. Returns whether it was there. */
  delete(index: number): boolean {
    const slot = this.slotOf.get(index);
    if (slot === undefined) return false;
    this.slotOf.delete(index);
    const last = --this.count;
    if (slot !== last) {
      const moved = this.indexes[last]!;
      this.indexes[slot] = moved;
      this.slotOf.set(moved, slot);
      const p = this.positions.values;
      this.writePositionRaw(slot, p[last * 3]!, p[last * 3 + 1]!);
      if (this.colours) this.writeColour(slot, this.colours.values, last * 4);
    }
    return true;
  }

  clear(): void {
    this.slotOf.clear();
    this.count = 0;
  }

  /** Writes the changed rows to the GPU (see GpuColumn). */
  flush(): number {
    return this.positions.flush() + (this.colours?.flush() ?? 0);
  }

  /** Bumped by any write: an update trigger for the layer. */
  get version(): number {
    return this.positions.version + (this.colours?.version ?? 0) + this.count;
  }

  /** Longitude, latitude of a slot (for tests). */
  lonLat(slot: number): [number, number] {
    const p = this.positions.values;
    return [this.origin[0] + p[slot * 3]!, this.origin[1] + p[slot * 3 + 1]!];
  }

  destroy(): void {
    this.positions.destroy();
    this.colours?.destroy();
  }

  private writePosition(slot: number, lon: number, lat: number): void {
    this.writePositionRaw(slot, lon - this.origin[0], lat - this.origin[1]);
  }

  private writePositionRaw(slot: number, dLon: number, dLat: number): void {
    const p = this.positions.values;
    p[slot * 3] = dLon;
    p[slot * 3 + 1] = dLat;
    p[slot * 3 + 2] = 0;
    this.positions.markDirty(slot);
  }

  private writeColour(slot: number, from: Uint8Array, at: number): void {
    const c = this.colours!.values;
    for (let k = 0; k < 4; k++) c[slot * 4 + k] = from[at + k]!;
    this.colours!.markDirty(slot);
  }
}

/** The middle of the positions' box, as offsets' origin. */
export function originOf(positions: Float64Array, start: number, count: number): [number, number] {
  if (count === 0) return [0, 0];
  const [west, south, east, north] = boundsOf(positions, start, count);
  return [(west + east) / 2, (south + north) / 2];
}

/** The box [west, south, east, north] around `count` positions from `start`. */
export function boundsOf(positions: Float64Array, start: number, count: number): [number, number, number, number] {
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
