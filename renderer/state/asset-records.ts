import type { Asset } from '../../shared';
import { FrameRecords, type SnapshotFrame } from '../../shared/protocol/snapshot-frame';

/**
 * The assets' full records by buffer index. From a binary snapshot they stay as the frame's
 * compressed JSON and are decoded (and validated) one by one when first asked for: the map draws 100k
 * assets from the columns alone, and a panel or a tooltip needs one record, not 100k objects.
 * A record replaced by an event is kept as the object it came as.
 */
export class AssetRecords implements Iterable<Asset> {
  private readonly known: (Asset | undefined)[];
  /** Records decoded from the frame so far (each once): what reading records has cost, for tests. */
  decoded = 0;
  private constructor(
    readonly length: number,
    private readonly frame: FrameRecords | null,
    known: (Asset | undefined)[],
    /** Index in the frame of each record, once a new layout has moved them (null: the same). */
    private readonly frameIndex: Int32Array | null = null,
  ) {
    this.known = known;
  }

  static of(assets: Asset[]): AssetRecords {
    return new AssetRecords(assets.length, null, assets);
  }

  static fromFrame(frame: SnapshotFrame): AssetRecords {
    return new AssetRecords(frame.count, new FrameRecords(frame), new Array<Asset | undefined>(frame.count));
  }

  /**
   * The records in a new order: `from[i]` is the index here of the record that goes to i, or -1
   * for `added[i]`. Records still in the frame stay there, undecoded.
   */
  remapped(from: Int32Array, added: readonly (Asset | undefined)[]): AssetRecords {
    const known = new Array<Asset | undefined>(from.length);
    const frameIndex = this.frame ? new Int32Array(from.length) : null;
    for (let i = 0; i < from.length; i++) {
      const source = from[i]!;
      known[i] = source >= 0 ? this.known[source] : added[i];
      if (frameIndex) frameIndex[i] = source < 0 ? -1 : this.frameIndex ? this.frameIndex[source]! : source;
    }
    const records = new AssetRecords(from.length, this.frame, known, frameIndex);
    records.decoded = this.decoded;
    return records;
  }

  at(index: number): Asset | undefined {
    if (index < 0 || index >= this.length) return undefined;
    let record = this.known[index];
    if (record === undefined && this.frame) {
      record = this.frame.at(this.inFrame(index));
      this.known[index] = record;
      this.decoded += 1;
    }
    return record;
  }

  set(index: number, asset: Asset): void {
    this.known[index] = asset;
  }

  /** The commune of asset `index`: from a frame's column while its record is not decoded. */
  communeAt(index: number): string {
    const record = this.known[index];
    if (record) return record.commune;
    return this.frame ? this.frame.communeAt(this.inFrame(index)) : this.at(index)!.commune;
  }

  /** Where a record not yet known sits in the frame (always there: added ones are known). */
  private inFrame(index: number): number {
    return this.frameIndex ? this.frameIndex[index]! : index;
  }

  /** Every name, by index: from a frame without decoding the records. */
  names(): string[] {
    if (!this.frame) return Array.from({ length: this.length }, (_, i) => this.at(i)!.name);
    const inFrame = this.frame.allNames();
    const names = this.frameIndex ? Array.from(this.frameIndex, (at) => (at >= 0 ? inFrame[at]! : '')) : inFrame;
    // Records an event replaced may have been renamed (and added ones are only known here).
    this.known.forEach((record, i) => {
      if (record) names[i] = record.name;
    });
    return names;
  }

  /** Every record as an array (decodes what is not yet): for whole-list screens, not per frame. */
  toArray(): Asset[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i)!);
  }

  *[Symbol.iterator](): Iterator<Asset> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}
