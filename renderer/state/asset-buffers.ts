import { ASSET_KINDS, buildingCategoryCode, buildingCategoryOf, type Asset, type AssetKind, type BuildingCategory } from '../../shared';
import { layOutByKind, type KindRange } from '../../shared/domain/asset-layout';
import { DRIFT_FLAG, type SnapshotFrame } from '../../shared/protocol/snapshot-frame';
import { AssetRecords } from './asset-records';
import { SearchIndex } from './search-index';
import { KIND_CODE, STATUS_CODE, STATUS_RGBA_TABLE } from './status-colours';

export type { KindRange };

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
  readonly records: AssetRecords;
  /** lon, lat per asset; Float64 so deck.gl keeps metre precision at any zoom. */
  readonly positions: Float64Array;
  readonly colours: Uint8Array;
  readonly kindCodes: Uint8Array;
  /** 0: none, else 1 + index in BUILDING_CATEGORIES: a building's icon without its record. */
  readonly categoryCodes: Uint8Array;
  readonly statusCodes: Uint8Array;
  readonly ranges: Readonly<Record<AssetKind, KindRange>>;
  /** Ids and the index by id are built when first asked for (a lookup), not before the first draw. */
  private idList: string[] | null = null;
  private byId: Map<string, number> | null = null;
  /** The assets' names and ids folded for the search: built by the first search, then kept. */
  private search: SearchIndex | null = null;
  private readonly frame: SnapshotFrame | null;

  private constructor(records: AssetRecords, ranges: Record<AssetKind, KindRange>, frame: SnapshotFrame | null) {
    const n = records.length;
    this.count = n;
    this.records = records;
    this.ranges = ranges;
    this.frame = frame;
    this.colours = new Uint8Array(n * 4);
    if (frame) {
      // The frame's columns are used in place: no copy, no per-asset object.
      this.positions = frame.positions;
      this.kindCodes = frame.kindCodes;
      this.categoryCodes = frame.categoryCodes;
      this.statusCodes = frame.statusCodes;
      for (let i = 0; i < n; i++) this.writeColour(i, this.statusCodes[i]!);
      return;
    }
    this.positions = new Float64Array(n * 2);
    this.kindCodes = new Uint8Array(n);
    this.categoryCodes = new Uint8Array(n);
    this.statusCodes = new Uint8Array(n);
    this.idList = new Array<string>(n);
    this.byId = new Map();
    for (let i = 0; i < n; i++) this.write(i, records.at(i)!);
  }

  /** Lays the assets out grouped by kind (see `layOutByKind`). */
  static fromAssets(assets: readonly Asset[]): AssetBuffers {
    const { ordered, ranges } = layOutByKind(assets);
    return new AssetBuffers(AssetRecords.of(ordered), ranges, null);
  }

  /** The columns of a binary snapshot, already laid out by the hub. */
  static fromFrame(frame: SnapshotFrame): AssetBuffers {
    return new AssetBuffers(AssetRecords.fromFrame(frame), frame.ranges, frame);
  }

  static empty(): AssetBuffers {
    return AssetBuffers.fromAssets([]);
  }

  get ids(): readonly string[] {
    if (!this.idList) {
      const { idsText, idEnds } = this.frame!;
      const ids = new Array<string>(this.count);
      for (let i = 0, from = 0; i < this.count; i++) ids[i] = idsText.slice(from, (from = idEnds[i]!));
      this.idList = ids;
    }
    return this.idList;
  }

  private get indexById(): Map<string, number> {
    if (!this.byId) {
      const ids = this.ids;
      const byId = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) byId.set(ids[i]!, i);
      this.byId = byId;
    }
    return this.byId;
  }

  /** The INSEE code of the asset's commune, without decoding its record. */
  communeAt(index: number): string {
    return this.records.communeAt(index);
  }

  /** The asset's kind, from its column. */
  kindAt(index: number): AssetKind {
    return ASSET_KINDS[this.kindCodes[index]!]!;
  }

  /**
   * What the search scans (see SearchIndex): built by the first search from every name (read
   * for it, not kept), then kept up to date when an event renames an asset.
   */
  searchIndex(): SearchIndex {
    this.search ??= SearchIndex.build(this.records.names(), this.ids);
    return this.search;
  }

  categoryAt(index: number): BuildingCategory | undefined {
    return buildingCategoryOf(this.categoryCodes[index]!);
  }

  /** Whether the asset at `index` drifts from what it was asked (from the frame, or its record). */
  driftsAt(index: number): boolean {
    return this.frame ? (this.frame.flags[index]! & DRIFT_FLAG) !== 0 : this.records.at(index)!.drift !== undefined;
  }

  indexOf(id: string): number | undefined {
    return this.indexById.get(id);
  }

  get(id: string): Asset | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.records.at(index);
  }

  /**
   * Replaces an asset already laid out (same id, same kind); says what the map must redraw. What
   * was there is read from the columns, never from its record: from a binary snapshot that record
   * may still be compressed in the frame, and decoding it (its whole block inflated) for every
   * event of a burst would cost more than the rest of applying it.
   */
  update(index: number, asset: Asset): AssetUpdateResult {
    const statusChanged = this.statusCodes[index] !== STATUS_CODE[asset.status];
    const moved = this.positions[index * 2] !== asset.lon || this.positions[index * 2 + 1] !== asset.lat;
    this.write(index, asset);
    return { statusChanged, moved };
  }

  /** Whether `asset` fits in the current layout (a new id or a changed kind needs a rebuild). */
  fits(asset: Asset): number | undefined {
    const index = this.indexById.get(asset.id);
    if (index === undefined || KIND_CODE[asset.kind] !== this.kindCodes[index]) return undefined;
    return index;
  }

  private write(i: number, asset: Asset): void {
    this.records.set(i, asset);
    if (this.idList) this.idList[i] = asset.id;
    this.indexById.set(asset.id, i);
    this.search?.rename(i, asset.name, asset.id);
    if (this.frame) this.frame.flags[i] = asset.drift ? DRIFT_FLAG : 0;
    this.positions[i * 2] = asset.lon;
    this.positions[i * 2 + 1] = asset.lat;
    this.kindCodes[i] = KIND_CODE[asset.kind];
    this.categoryCodes[i] = buildingCategoryCode(asset.category);
    const status = STATUS_CODE[asset.status];
    this.statusCodes[i] = status;
    this.writeColour(i, status);
  }

  private writeColour(i: number, status: number): void {
    const from = status * 4;
    const to = i * 4;
    this.colours[to] = STATUS_RGBA_TABLE[from]!;
    this.colours[to + 1] = STATUS_RGBA_TABLE[from + 1]!;
    this.colours[to + 2] = STATUS_RGBA_TABLE[from + 2]!;
    this.colours[to + 3] = STATUS_RGBA_TABLE[from + 3]!;
  }
}

export { sortSpatially } from '../../shared/domain/asset-layout';
