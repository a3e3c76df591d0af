import { ASSET_KINDS, buildingCategoryCode, buildingCategoryOf, type Asset, type AssetKind, type BuildingCategory } from '../../shared';
import { layOutByKind, type KindRange } from '../../shared/domain/asset-layout';
import { DRIFT_FLAG, type SnapshotFrame } from '../../shared/protocol/snapshot-frame';
import { AssetRecords } from './asset-records';
import { SearchIndex } from './search-index';
import { KIND_CODE, STATUS_CODE, STATUS_RGBA_TABLE } from './status-colours';

export type { KindRange };

/** Columns a new layout takes over from the previous one (see `withAssets`). */
interface CarriedColumns {
  positions: Float64Array;
  kindCodes: Uint8Array;
  categoryCodes: Uint8Array;
  statusCodes: Uint8Array;
  flags: Uint8Array;
  parents: Uint32Array;
  ids: string[];
}

/** An asset as `layOutByKind` sees it while a layout is rebuilt: where it was (-1: new), or itself. */
interface LayoutItem {
  kind: AssetKind;
  lon: number;
  lat: number;
  from: number;
  asset: Asset | undefined;
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
  readonly records: AssetRecords;
  /** lon, lat per asset; Float64 so deck.gl keeps metre precision at any zoom. */
  readonly positions: Float64Array;
  readonly colours: Uint8Array;
  readonly kindCodes: Uint8Array;
  /** 0: none, else 1 + index in BUILDING_CATEGORIES: a building's icon without its record. */
  readonly categoryCodes: Uint8Array;
  readonly statusCodes: Uint8Array;
  /** 0: no parent among these assets, else 1 + the parent's index (a lamp's feeder cabinet). */
  readonly parents: Uint32Array;
  readonly ranges: Readonly<Record<AssetKind, KindRange>>;
  /** Ids and the index by id are built when first asked for (a lookup), not before the first draw. */
  private idList: string[] | null = null;
  private byId: Map<string, number> | null = null;
  /** The assets' names and ids folded for the search: built by the first search, then kept. */
  private search: SearchIndex | null = null;
  private readonly frame: SnapshotFrame | null;
  /** Drift flags (DRIFT_FLAG) when the records may still be undecoded; null: ask the records. */
  private readonly flags: Uint8Array | null;

  private constructor(records: AssetRecords, ranges: Record<AssetKind, KindRange>, frame: SnapshotFrame | null, carried?: CarriedColumns) {
    const n = records.length;
    this.count = n;
    this.records = records;
    this.ranges = ranges;
    this.frame = frame;
    this.flags = frame?.flags ?? carried?.flags ?? null;
    this.colours = new Uint8Array(n * 4);
    const columns = frame ?? carried;
    if (columns) {
      // A frame's columns are used in place, carried ones as given: no per-asset object.
      this.positions = columns.positions;
      this.kindCodes = columns.kindCodes;
      this.categoryCodes = columns.categoryCodes;
      this.statusCodes = columns.statusCodes;
      this.parents = columns.parents;
      if (carried) this.idList = carried.ids;
      for (let i = 0; i < n; i++) this.writeColour(i, this.statusCodes[i]!);
      return;
    }
    this.positions = new Float64Array(n * 2);
    this.kindCodes = new Uint8Array(n);
    this.categoryCodes = new Uint8Array(n);
    this.statusCodes = new Uint8Array(n);
    this.parents = new Uint32Array(n);
    this.idList = new Array<string>(n);
    this.byId = new Map();
    for (let i = 0; i < n; i++) {
      const asset = records.at(i)!;
      this.idList[i] = asset.id;
      this.byId.set(asset.id, i);
      this.write(i, asset);
    }
    // Once every id is indexed: a parent may come after its children.
    for (let i = 0; i < n; i++) this.parents[i] = this.parentOf(records.at(i)!);
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

  /**
   * A new layout where `incoming` assets replace those of the same id (their kind changed) or join
   * (an asset the layout did not know). The others are carried over from the columns, their
   * records moved along undecoded: adding one asset to a 100k territory from a binary snapshot
   * costs a new layout of small objects, not decoding 100k records.
   */
  withAssets(incoming: readonly Asset[]): AssetBuffers {
    const latest = new Map<string, Asset>();
    for (const asset of incoming) latest.set(asset.id, asset);
    const ids = this.ids;
    const items: LayoutItem[] = [];
    for (let i = 0; i < this.count; i++) {
      if (latest.has(ids[i]!)) continue;
      items.push({ kind: this.kindAt(i), lon: this.positions[i * 2]!, lat: this.positions[i * 2 + 1]!, from: i, asset: undefined });
    }
    for (const asset of latest.values()) items.push({ kind: asset.kind, lon: asset.lon, lat: asset.lat, from: -1, asset });
    const { ordered, ranges } = layOutByKind(items);
    const n = ordered.length;
    const from = new Int32Array(n);
    const added = new Array<Asset | undefined>(n);
    const carried: CarriedColumns = {
      positions: new Float64Array(n * 2),
      kindCodes: new Uint8Array(n),
      categoryCodes: new Uint8Array(n),
      statusCodes: new Uint8Array(n),
      flags: new Uint8Array(n),
      parents: new Uint32Array(n),
      ids: new Array<string>(n),
    };
    const to = new Int32Array(this.count).fill(-1);
    for (let i = 0; i < n; i++) {
      const { asset, from: j } = ordered[i]!;
      from[i] = j;
      if (asset) {
        added[i] = asset;
        carried.ids[i] = asset.id;
        continue;
      }
      carried.positions[i * 2] = this.positions[j * 2]!;
      carried.positions[i * 2 + 1] = this.positions[j * 2 + 1]!;
      carried.kindCodes[i] = this.kindCodes[j]!;
      carried.categoryCodes[i] = this.categoryCodes[j]!;
      carried.statusCodes[i] = this.statusCodes[j]!;
      carried.flags[i] = this.driftFlagAt(j);
      carried.ids[i] = ids[j]!;
      to[j] = i;
    }
    const next = new AssetBuffers(this.records.remapped(from, added), ranges, null, carried);
    // Newcomers' columns as an update writes them; then parents by index, once every asset has its
    // new one: a carried parent moved (or, replaced, is found by id), a newcomer's is looked up.
    for (let i = 0; i < n; i++) {
      const { asset, from: j } = ordered[i]!;
      if (asset) {
        next.write(i, asset);
        next.parents[i] = next.parentOf(asset);
      } else if (this.parents[j]! > 0) {
        const parent = this.parents[j]! - 1;
        next.parents[i] = (to[parent]! >= 0 ? to[parent]! : (next.indexById.get(ids[parent]!) ?? -1)) + 1;
      }
    }
    return next;
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
    return this.driftFlagAt(index) !== 0;
  }

  private driftFlagAt(index: number): number {
    if (this.flags) return this.flags[index]! & DRIFT_FLAG;
    return this.records.at(index)!.drift !== undefined ? DRIFT_FLAG : 0;
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
    // Most events keep the parent: compare with it before looking the id up.
    const parent = this.parents[index]!;
    if (parent === 0 || asset.parentId !== this.ids[parent - 1]) this.parents[index] = this.parentOf(asset);
    return { statusChanged, moved };
  }

  /** 1 + the index of the asset's parent, 0 when it has none here. */
  private parentOf(asset: Asset): number {
    return asset.parentId === undefined ? 0 : (this.indexById.get(asset.parentId) ?? -1) + 1;
  }

  /** The id of asset `index`'s parent, when these assets hold it (from the column, no record). */
  parentIdAt(index: number): string | undefined {
    const parent = this.parents[index]!;
    return parent > 0 ? this.ids[parent - 1] : undefined;
  }

  /** Whether `asset` fits in the current layout (a new id or a changed kind needs a rebuild). */
  fits(asset: Asset): number | undefined {
    const index = this.indexById.get(asset.id);
    if (index === undefined || KIND_CODE[asset.kind] !== this.kindCodes[index]) return undefined;
    return index;
  }

  /** Everything but the id, which an update keeps (see `fits`): no index to touch per event. */
  private write(i: number, asset: Asset): void {
    this.records.set(i, asset);
    this.search?.rename(i, asset.name, asset.id);
    if (this.flags) this.flags[i] = asset.drift ? DRIFT_FLAG : 0;
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
