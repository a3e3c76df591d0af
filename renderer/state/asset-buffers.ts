import { ASSET_KINDS, type Asset, type AssetKind } from '../../shared';
import { KIND_CODE, STATUS_CODE, STATUS_RGBA_TABLE } from './status-colours';

/** Where one kind's assets sit in the columns: one contiguous range, one map layer. */
export interface KindRange {
  kind: AssetKind;
  start: number;
  count: number;
}

export interface AssetUpdateResult {
  statusChanged: boolean;
  moved: boolean;
}

/**
 * The assets as columns for the GPU: positions (lon, lat), RGBA colours by status, kind and status
 * codes, grouped by kind so each map layer reads a zero-copy subarray of the same buffers. The
 * records themselves sit beside, by the same index, for the panel and tooltips. A status change
 * writes four bytes; nothing here allocates per update.
 */
export class AssetBuffers {
  readonly count: number;
  readonly ids: string[];
  readonly records: Asset[];
  readonly indexById: Map<string, number>;
  /** lon, lat per asset; Float64 so deck.gl keeps metre precision at any zoom. */
  readonly positions: Float64Array;
  readonly colours: Uint8Array;
  readonly kindCodes: Uint8Array;
  readonly statusCodes: Uint8Array;
  readonly ranges: Readonly<Record<AssetKind, KindRange>>;

  private constructor(records: Asset[], ranges: Record<AssetKind, KindRange>) {
    const n = records.length;
    this.count = n;
    this.records = records;
    this.ids = new Array<string>(n);
    this.indexById = new Map();
    this.positions = new Float64Array(n * 2);
    this.colours = new Uint8Array(n * 4);
    this.kindCodes = new Uint8Array(n);
    this.statusCodes = new Uint8Array(n);
    this.ranges = ranges;
    for (let i = 0; i < n; i++) this.write(i, records[i]!);
  }

  /** Lays the assets out grouped by kind (a counting sort: linear, stable within a kind). */
  static fromAssets(assets: readonly Asset[]): AssetBuffers {
    const counts = new Map<AssetKind, number>(ASSET_KINDS.map((k) => [k, 0]));
    for (const asset of assets) counts.set(asset.kind, (counts.get(asset.kind) ?? 0) + 1);
    const ranges = {} as Record<AssetKind, KindRange>;
    const cursor = new Map<AssetKind, number>();
    let start = 0;
    for (const kind of ASSET_KINDS) {
      const count = counts.get(kind) ?? 0;
      ranges[kind] = { kind, start, count };
      cursor.set(kind, start);
      start += count;
    }
    const ordered = new Array<Asset>(assets.length);
    for (const asset of assets) {
      const at = cursor.get(asset.kind)!;
      ordered[at] = asset;
      cursor.set(asset.kind, at + 1);
    }
    // Street lamps are drawn in chunks culled by the viewport: neighbours must be contiguous.
    const lamps = ranges['street-lamp'];
    if (lamps.count > 1) {
      const sorted = sortSpatially(ordered.slice(lamps.start, lamps.start + lamps.count));
      for (let i = 0; i < sorted.length; i++) ordered[lamps.start + i] = sorted[i]!;
    }
    return new AssetBuffers(ordered, ranges);
  }

  static empty(): AssetBuffers {
    return AssetBuffers.fromAssets([]);
  }

  indexOf(id: string): number | undefined {
    return this.indexById.get(id);
  }

  get(id: string): Asset | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.records[index];
  }

  /** Replaces an asset already laid out (same id, same kind); says what the map must redraw. */
  update(index: number, asset: Asset): AssetUpdateResult {
    const before = this.records[index]!;
    const statusChanged = before.status !== asset.status;
    const moved = before.lon !== asset.lon || before.lat !== asset.lat;
    this.write(index, asset);
    return { statusChanged, moved };
  }

  /** Whether `asset` fits in the current layout (a new id or a changed kind needs a rebuild). */
  fits(asset: Asset): number | undefined {
    const index = this.indexById.get(asset.id);
    if (index === undefined || this.records[index]!.kind !== asset.kind) return undefined;
    return index;
  }

  private write(i: number, asset: Asset): void {
    this.records[i] = asset;
    this.ids[i] = asset.id;
    this.indexById.set(asset.id, i);
    this.positions[i * 2] = asset.lon;
    this.positions[i * 2 + 1] = asset.lat;
    this.kindCodes[i] = KIND_CODE[asset.kind];
    const status = STATUS_CODE[asset.status];
    this.statusCodes[i] = status;
    const from = status * 4;
    const to = i * 4;
    this.colours[to] = STATUS_RGBA_TABLE[from]!;
    this.colours[to + 1] = STATUS_RGBA_TABLE[from + 1]!;
    this.colours[to + 2] = STATUS_RGBA_TABLE[from + 2]!;
    this.colours[to + 3] = STATUS_RGBA_TABLE[from + 3]!;
  }
}

/** Spreads the bits of a 16-bit integer to the even positions of a 32-bit one (Morton code). */
function spreadBits(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x >>> 0;
}

/**
 * Orders assets along a Z-order curve over their bounding box, so that any contiguous run of
 * them covers a compact area (what viewport culling by chunk needs).
 */
export function sortSpatially(assets: Asset[]): Asset[] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const a of assets) {
    west = Math.min(west, a.lon);
    east = Math.max(east, a.lon);
    south = Math.min(south, a.lat);
    north = Math.max(north, a.lat);
  }
  // One scale for both axes: square cells, so a run of the curve stays compact on the ground.
  const scale = 0xffff / Math.max(east - west, north - south, 1e-9);
  const sx = scale;
  const sy = scale;
  const keys = new Float64Array(assets.length);
  const order = new Uint32Array(assets.length);
  for (let i = 0; i < assets.length; i++) {
    const a = assets[i]!;
    keys[i] = (spreadBits(Math.round((a.lon - west) * sx)) | (spreadBits(Math.round((a.lat - south) * sy)) << 1)) >>> 0;
    order[i] = i;
  }
  order.sort((i, j) => keys[i]! - keys[j]! || i - j);
  return Array.from(order, (i) => assets[i]!);
}
