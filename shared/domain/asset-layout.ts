import { ASSET_KINDS, type Asset, type AssetKind } from './assets';

/** Where one kind's assets sit in the columns: one contiguous range, one map layer. */
export interface KindRange {
  kind: AssetKind;
  start: number;
  count: number;
}

/**
 * The order the map's columns use, decided once: grouped by kind (a counting sort: linear, stable
 * within a kind), street lamps along a Z-order curve so that the console can cull them by chunk.
 * The hub lays a binary snapshot out in this order, so the console does not sort 100k assets.
 */
export function layOutByKind<T extends Pick<Asset, 'kind' | 'lon' | 'lat'>>(assets: readonly T[]): { ordered: T[]; ranges: Record<AssetKind, KindRange> } {
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
  const ordered = new Array<T>(assets.length);
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
  return { ordered, ranges };
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
export function sortSpatially<T extends Pick<Asset, 'lon' | 'lat'>>(assets: T[]): T[] {
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
  // Each asset's Morton code (32 bits) and its index (21 bits) packed in one exact double: a native
  // numeric sort of those orders by code, then by index (stable), without calling back into
  // JavaScript per comparison (a comparator sort of 90k lamps cost ~5× as much).
  if (assets.length > INDEX_SPAN) throw new Error(`trop de points à ordonner : ${assets.length}`);
  const packed = new Float64Array(assets.length);
  for (let i = 0; i < assets.length; i++) {
    const a = assets[i]!;
    const code = (spreadBits(Math.round((a.lon - west) * scale)) | (spreadBits(Math.round((a.lat - south) * scale)) << 1)) >>> 0;
    packed[i] = code * INDEX_SPAN + i;
  }
  packed.sort();
  const sorted = new Array<T>(assets.length);
  for (let i = 0; i < packed.length; i++) sorted[i] = assets[packed[i]! % INDEX_SPAN]!;
  return sorted;
}

/** 2^21: code × INDEX_SPAN + index stays below 2^53, where doubles are exact integers. */
const INDEX_SPAN = 2 ** 21;
