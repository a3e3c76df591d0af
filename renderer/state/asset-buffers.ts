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
