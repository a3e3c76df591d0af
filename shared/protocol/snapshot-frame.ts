import { deflateSync, inflateSync } from 'fflate';
import type { z } from 'zod';
import { ASSET_KINDS, ASSET_STATUSES, Asset, BUILDING_CATEGORIES, InseeCode, buildingCategoryCode, buildingCategoryOf, type AssetKind } from '../domain/assets';
import { layOutByKind, type KindRange } from '../domain/asset-layout';
import { SnapshotMessage } from './messages';

/**
 * The binary snapshot frame (hub → console, asked for with `subscribe {snapshot: "columns"}`).
 * A 100k-asset territory as JSON is ~27 MB that the console would parse and validate whole before
 * drawing anything; here the map's columns are typed arrays the console views in place, and the
 * names and full records stay compressed, by blocks, until something asks for them: a record when
 * a panel, a tooltip or a command wants that asset, every name when the operator first searches.
 *
 * Its layout is `SNAPSHOT_FRAME_LAYOUT` below (also in PROTOCOL.md).
 */
export const SNAPSHOT_FRAME_VERSION = 4;

/**
 * Assets per compressed block: a tooltip inflates one block of records (~0.1 ms), and blocks this
 * size still compress about as well as a whole section at once.
 */
export const ASSETS_PER_BLOCK = 256;

/** The layout, as PROTOCOL.md shows it (written here, beside the code that reads and writes it). */
export const SNAPSHOT_FRAME_LAYOUT = `Layout, little-endian, every section at an offset the reader computes from the header:

| offset | size | what |
|---|---|---|
| 0 | 4 | magic \`BFSN\` |
| 4 | 1 | layout version (\`SNAPSHOT_FRAME_VERSION\`) |
| 5 | 3 | reserved, 0 |
| 8 | 4 | n, the asset count (u32) |
| 12 | 4 | head bytes (u32): the snapshot without \`assets\`, JSON (\`SnapshotHead\`) |
| 16 | 4 | ids bytes (u32) |
| 20 | 4 | names bytes (u32), compressed |
| 24 | 4 | records bytes (u32), compressed |
| 28 | 4 | b, assets per block (u32, ${ASSETS_PER_BLOCK} from this hub) |
| 32 | 4 | commune list bytes (u32): c INSEE codes of 5 ASCII characters, one after the other |
| 36 | 4 | reserved, 0 |
| 40 | 16 n | positions: lon, lat per asset (f64) |
| … | 4 n | id ends (u32, UTF-16 units into the decoded ids text) |
| … | 4 n | name ends (u32, bytes into the name's block once inflated) |
| … | 4 n | record ends (u32, bytes into the record's block once inflated) |
| … | 4 ⌈n / b⌉ | name block ends (u32, bytes into the names section) |
| … | 4 ⌈n / b⌉ | record block ends (u32, bytes into the records section) |
| … | 4 n | parents (u32; 0: none in this frame, else 1 + index of the asset's parent, a street lamp's feeder cabinet) |
| … | 2 n | commune codes (u16, index in the commune list) |
| … | n | kind codes (u8, index in \`ASSET_KINDS\`) |
| … | n | category codes (u8; 0: none, else 1 + index in \`BUILDING_CATEGORIES\`) |
| … | n | status codes (u8, index in \`ASSET_STATUSES\`) |
| … | n | flags (u8; bit 0: the asset drifts from what it was asked) |
| … | … | head JSON, ids text (UTF-8), commune list, names, records |

Names and records go b assets at a time into blocks, each block UTF-8 compressed on its own with
raw DEFLATE (RFC 1951). A record is the asset's JSON without what the columns and the name say
(\`id\`, \`kind\`, \`category\`, \`commune\`, \`lon\`, \`lat\`, \`status\`, \`name\`), and without
\`parentId\` when the parents column points at the parent; a parent the frame does not hold (out
of the user's scope) stays in the record.

Assets come grouped by kind in \`ASSET_KINDS\` order, street lamps along a Z-order curve
(\`layOutByKind\`): the order of the map's layers, so the console neither sorts nor copies.
`;
const MAGIC = [0x42, 0x46, 0x53, 0x4e]; // "BFSN"
const HEADER_BYTES = 40;
const INSEE_CODE_BYTES = 5;
export const DRIFT_FLAG = 1;

export const SnapshotHead = SnapshotMessage.omit({ assets: true });
export type SnapshotHead = z.infer<typeof SnapshotHead>;

/** One text per asset (its name, its record), compressed by blocks of `perBlock` assets. */
export interface TextBlocks {
  perBlock: number;
  /** The compressed blocks, one after the other. */
  bytes: Uint8Array;
  blockEnds: Uint32Array;
  /** Per asset, where its text ends in its block once inflated. */
  ends: Uint32Array;
}

/** A decoded frame: views into the received bytes, nothing copied but the ids text. */
export interface SnapshotFrame {
  head: SnapshotHead;
  count: number;
  ranges: Record<AssetKind, KindRange>;
  positions: Float64Array;
  kindCodes: Uint8Array;
  /** 0: none, else 1 + index in BUILDING_CATEGORIES (the map's building icons need no record). */
  categoryCodes: Uint8Array;
  /** Index in `communes`: pickers and scope filters read an asset's commune without its record. */
  communeCodes: Uint16Array;
  /** The INSEE codes the commune codes point to. */
  communes: string[];
  statusCodes: Uint8Array;
  flags: Uint8Array;
  /** 0: no parent in the frame, else 1 + the parent's index: a lamp's cabinet without any record. */
  parents: Uint32Array;
  idsText: string;
  idEnds: Uint32Array;
  names: TextBlocks;
  records: TextBlocks;
}

interface Sizes {
  n: number;
  blocks: number;
  head: number;
  ids: number;
  communes: number;
  names: number;
  records: number;
}

function sections({ n, blocks, ...bytes }: Sizes) {
  const positions = HEADER_BYTES;
  const idEnds = positions + 16 * n;
  const nameEnds = idEnds + 4 * n;
  const recordEnds = nameEnds + 4 * n;
  const nameBlockEnds = recordEnds + 4 * n;
  const recordBlockEnds = nameBlockEnds + 4 * blocks;
  const parents = recordBlockEnds + 4 * blocks;
  const communeCodes = parents + 4 * n;
  const kindCodes = communeCodes + 2 * n;
  const categoryCodes = kindCodes + n;
  const statusCodes = categoryCodes + n;
  const flags = statusCodes + n;
  const head = flags + n;
  const ids = head + bytes.head;
  const communes = ids + bytes.ids;
  const names = communes + bytes.communes;
  const records = names + bytes.names;
  const end = records + bytes.records;
  return { positions, idEnds, nameEnds, recordEnds, nameBlockEnds, recordBlockEnds, parents, communeCodes, kindCodes, categoryCodes, statusCodes, flags, head, ids, communes, names, records, end };
}

const blockCount = (n: number, perBlock: number) => Math.ceil(n / perBlock);
const KIND_CODE = new Map(ASSET_KINDS.map((k, i) => [k, i]));
const STATUS_CODE = new Map(ASSET_STATUSES.map((s, i) => [s, i]));

/** Raw DEFLATE (RFC 1951) of one block. */
export type Deflate = (plain: Uint8Array) => Uint8Array;

const deflateInJs: Deflate = (plain) => deflateSync(plain, { level: 6 });

/**
 * Lays out and encodes a (scope-filtered) snapshot. `deflate` compresses the blocks: the hub
 * passes Node's zlib, about three times faster than the JavaScript one used by default.
 */
export function encodeSnapshotFrame(snapshot: SnapshotMessage, deflate: Deflate = deflateInJs): Uint8Array {
  const { assets, ...headFields } = snapshot;
  const { ordered } = layOutByKind(assets);
  const n = ordered.length;
  const encoder = new TextEncoder();
  const head = encoder.encode(JSON.stringify(headFields));
  const ids = encoder.encode(ordered.map((a) => a.id).join(''));
  const indexById = new Map(ordered.map((a, i) => [a.id, i]));
  // 1 + the parent's index, when the frame holds it (its record then leaves parentId out).
  const parentIndexes = Uint32Array.from(ordered, (a) => (a.parentId === undefined ? 0 : (indexById.get(a.parentId) ?? -1) + 1));
  const communeList = [...new Set(ordered.map((a) => a.commune))];
  if (communeList.length > 0xffff) throw new Error(`trop de communes pour une trame : ${communeList.length}`);
  const communeCode = new Map(communeList.map((code, i) => [code, i]));
  const communes = encoder.encode(communeList.join(''));
  const names = compressTexts(
    ordered.map((a) => a.name),
    encoder,
    deflate,
  );
  const records = compressTexts(
    ordered.map((a, i) => recordJson(a, parentIndexes[i]! > 0)),
    encoder,
    deflate,
  );
  const at = sections({ n, blocks: blockCount(n, ASSETS_PER_BLOCK), head: head.length, ids: ids.length, communes: communes.length, names: names.bytes.length, records: records.bytes.length });
  const frame = new Uint8Array(at.end);
  const view = new DataView(frame.buffer);
  frame.set(MAGIC, 0);
  frame[4] = SNAPSHOT_FRAME_VERSION;
  view.setUint32(8, n, true);
  view.setUint32(12, head.length, true);
  view.setUint32(16, ids.length, true);
  view.setUint32(20, names.bytes.length, true);
  view.setUint32(24, records.bytes.length, true);
  view.setUint32(28, ASSETS_PER_BLOCK, true);
  view.setUint32(32, communes.length, true);
  // Typed views use the machine's byte order, as the decoder's do: little-endian on every machine
  // the hub and the console run on.
  const positions = new Float64Array(frame.buffer, at.positions, 2 * n);
  const idEnds = new Uint32Array(frame.buffer, at.idEnds, n);
  const communeCodes = new Uint16Array(frame.buffer, at.communeCodes, n);
  new Uint32Array(frame.buffer, at.parents, n).set(parentIndexes);
  let idEnd = 0;
  for (let i = 0; i < n; i++) {
    const a = ordered[i]!;
    positions[2 * i] = a.lon;
    positions[2 * i + 1] = a.lat;
    idEnds[i] = idEnd += a.id.length;
    communeCodes[i] = communeCode.get(a.commune)!;
    frame[at.kindCodes + i] = KIND_CODE.get(a.kind)!;
    frame[at.categoryCodes + i] = buildingCategoryCode(a.category);
    frame[at.statusCodes + i] = STATUS_CODE.get(a.status)!;
    frame[at.flags + i] = a.drift ? DRIFT_FLAG : 0;
  }
  new Uint32Array(frame.buffer, at.nameEnds, n).set(names.ends);
  new Uint32Array(frame.buffer, at.recordEnds, n).set(records.ends);
  new Uint32Array(frame.buffer, at.nameBlockEnds, names.blockEnds.length).set(names.blockEnds);
  new Uint32Array(frame.buffer, at.recordBlockEnds, records.blockEnds.length).set(records.blockEnds);
  frame.set(head, at.head);
  frame.set(ids, at.ids);
  frame.set(communes, at.communes);
  frame.set(names.bytes, at.names);
  frame.set(records.bytes, at.records);
  return frame;
}

/** What the columns and the name already say of an asset; its record carries the rest. */
const COLUMN_KEYS = new Set(['id', 'kind', 'category', 'commune', 'lon', 'lat', 'status', 'name']);
/** The record's keys, from the schema: what the console's decoder keeps (it strips any other). */
const RECORD_KEYS = Object.keys(Asset.shape).filter((key) => !COLUMN_KEYS.has(key));

/**
 * An asset's record as JSON. The record object is built key by key in one fixed order, so that
 * every record has the same shape (fast to serialise); absent keys stay undefined, which JSON
 * leaves out. Copying the asset minus its columns with a rest pattern cost about twice as much.
 */
function recordJson(asset: Asset, parentInColumn: boolean): string {
  const record: Record<string, unknown> = {};
  const source = asset as unknown as Record<string, unknown>;
  for (const key of RECORD_KEYS) record[key] = source[key];
  if (parentInColumn) record.parentId = undefined;
  return JSON.stringify(record);
}

/** The texts, UTF-8, ASSETS_PER_BLOCK at a time into a block compressed on its own. */
function compressTexts(texts: readonly string[], encoder: TextEncoder, deflate: Deflate): Omit<TextBlocks, 'perBlock'> {
  const blocks: Uint8Array[] = [];
  const blockEnds = new Uint32Array(blockCount(texts.length, ASSETS_PER_BLOCK));
  const ends = new Uint32Array(texts.length);
  let total = 0;
  for (let first = 0, b = 0; first < texts.length; first += ASSETS_PER_BLOCK, b++) {
    const last = Math.min(first + ASSETS_PER_BLOCK, texts.length);
    let room = 0;
    for (let i = first; i < last; i++) room += 3 * texts[i]!.length; // UTF-8's worst case per UTF-16 unit
    const plain = new Uint8Array(room);
    let written = 0;
    for (let i = first; i < last; i++) {
      written += encoder.encodeInto(texts[i]!, plain.subarray(written)).written;
      ends[i] = written;
    }
    const block = deflate(plain.subarray(0, written));
    blocks.push(block);
    blockEnds[b] = total += block.length;
  }
  const bytes = new Uint8Array(total);
  blocks.forEach((block, b) => bytes.set(block, b === 0 ? 0 : blockEnds[b - 1]!));
  return { bytes, blockEnds, ends };
}

export class SnapshotFrameError extends Error {}

const fail = (why: string): never => {
  throw new SnapshotFrameError(`trame d'instantané refusée : ${why}`);
};

/**
 * Reads a frame from the hub. Nothing is trusted: sizes, codes, order, bounds and positions are
 * checked here (a linear pass over small integers), the head by its zod schema; a block when it
 * is inflated, and a record by `Asset` when it is decoded.
 */
export function decodeSnapshotFrame(data: ArrayBuffer | Uint8Array): SnapshotFrame {
  // Typed views need aligned offsets: a Node Buffer may sit anywhere in its pool, so copy it then.
  // (Buffer#slice would not copy: copy by hand.)
  const bytes = data instanceof Uint8Array ? (data.byteOffset % 8 === 0 ? data : copyOf(data)) : new Uint8Array(data);
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) fail('pas un instantané Beffroi');
  if (bytes[4] !== SNAPSHOT_FRAME_VERSION) fail(`version ${bytes[4]} inconnue (attendue ${SNAPSHOT_FRAME_VERSION})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(8, true);
  const perBlock = view.getUint32(28, true);
  if (perBlock === 0) fail('blocs vides');
  const blocks = blockCount(n, perBlock);
  const at = sections({
    n,
    blocks,
    head: view.getUint32(12, true),
    ids: view.getUint32(16, true),
    communes: view.getUint32(32, true),
    names: view.getUint32(20, true),
    records: view.getUint32(24, true),
  });
  if (at.end !== bytes.length) fail(`taille ${bytes.length} octets, l'en-tête en annonce ${at.end}`);
  const u32 = (offset: number, length: number) => new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length);
  const positions = new Float64Array(bytes.buffer, bytes.byteOffset + at.positions, 2 * n);
  const idEnds = u32(at.idEnds, n);
  const communeCodes = new Uint16Array(bytes.buffer, bytes.byteOffset + at.communeCodes, n);
  const kindCodes = bytes.subarray(at.kindCodes, at.kindCodes + n);
  const categoryCodes = bytes.subarray(at.categoryCodes, at.categoryCodes + n);
  const statusCodes = bytes.subarray(at.statusCodes, at.statusCodes + n);
  const flags = bytes.subarray(at.flags, at.flags + n);
  const parents = u32(at.parents, n);
  // Empty names are fine; records are at least `{}`.
  const names = textBlocks({ perBlock, bytes: bytes.subarray(at.names, at.records), blockEnds: u32(at.nameBlockEnds, blocks), ends: u32(at.nameEnds, n) }, 'noms', 0);
  const records = textBlocks({ perBlock, bytes: bytes.subarray(at.records, at.end), blockEnds: u32(at.recordBlockEnds, blocks), ends: u32(at.recordEnds, n) }, 'fiches', 1);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let headJson: unknown;
  let idsText = '';
  let communeText = '';
  try {
    headJson = JSON.parse(decoder.decode(bytes.subarray(at.head, at.ids)));
    idsText = decoder.decode(bytes.subarray(at.ids, at.communes));
    communeText = decoder.decode(bytes.subarray(at.communes, at.names));
  } catch {
    fail('en-tête ou identifiants illisibles');
  }
  if (communeText.length % INSEE_CODE_BYTES !== 0) fail('liste des communes tronquée');
  const communes = Array.from({ length: communeText.length / INSEE_CODE_BYTES }, (_, c) => communeText.slice(c * INSEE_CODE_BYTES, (c + 1) * INSEE_CODE_BYTES));
  for (const code of communes) if (!InseeCode.safeParse(code).success) fail(`code commune ${JSON.stringify(code)} invalide`);
  const head = SnapshotHead.safeParse(headJson);
  if (!head.success) fail(`en-tête refusé (${head.error.issues[0]?.path.join('.') ?? 'schéma'})`);
  const ranges = {} as Record<AssetKind, KindRange>;
  for (const kind of ASSET_KINDS) ranges[kind] = { kind, start: 0, count: 0 };
  let previousKind = 0;
  let idEnd = 0;
  for (let i = 0; i < n; i++) {
    const kind = kindCodes[i]!;
    if (kind >= ASSET_KINDS.length || kind < previousKind) fail(`code de type ${kind} hors ordre à l'équipement ${i}`);
    if (statusCodes[i]! >= ASSET_STATUSES.length) fail(`code d'état ${statusCodes[i]} inconnu`);
    if (categoryCodes[i]! > BUILDING_CATEGORIES.length) fail(`code de catégorie ${categoryCodes[i]} inconnu`);
    if (communeCodes[i]! >= communes.length) fail(`code commune ${communeCodes[i]} hors de la liste à l'équipement ${i}`);
    if (parents[i]! > n || parents[i] === i + 1) fail(`parent ${parents[i]} invalide à l'équipement ${i}`);
    const lon = positions[2 * i]!;
    const lat = positions[2 * i + 1]!;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) fail(`position invalide à l'équipement ${i}`);
    if (idEnds[i]! <= idEnd) fail(`bornes non croissantes à l'équipement ${i}`);
    idEnd = idEnds[i]!;
    ranges[ASSET_KINDS[kind]!].count += 1;
    previousKind = kind;
  }
  if (idEnd !== idsText.length) fail('identifiants hors de leur section');
  let start = 0;
  for (const kind of ASSET_KINDS) {
    ranges[kind].start = start;
    start += ranges[kind].count;
  }
  return { head: head.data!, count: n, ranges, positions, kindCodes, categoryCodes, communeCodes, communes, statusCodes, flags, parents, idsText, idEnds, names, records };
}

/** Checks what can be checked before inflating: ends grow within a block, blocks fill the section. */
function textBlocks(blocks: TextBlocks, what: string, shortest: number): TextBlocks {
  const { perBlock, ends, blockEnds, bytes } = blocks;
  let end = 0;
  for (let i = 0; i < ends.length; i++) {
    if (i % perBlock === 0) end = 0; // ends count from their block's start
    if (ends[i]! < end + shortest) fail(`${what} : bornes non croissantes à l'équipement ${i}`);
    end = ends[i]!;
  }
  let blockEnd = 0;
  for (const next of blockEnds) {
    if (next <= blockEnd) fail(`${what} : blocs non croissants`);
    blockEnd = next;
  }
  if (blockEnd !== bytes.length) fail(`${what} : blocs hors de leur section`);
  return blocks;
}

function copyOf(data: Uint8Array): Uint8Array {
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy;
}

/** Whether a frame from the hub is binary (a snapshot) rather than JSON text. */
export function isBinaryFrame(data: unknown): data is ArrayBuffer | Uint8Array {
  return data instanceof ArrayBuffer || data instanceof Uint8Array;
}

/**
 * One text per asset out of its compressed blocks: a block is inflated when one of its texts is
 * first asked for, and the last few inflated blocks are kept (a tooltip sweeping across
 * neighbours reads the same block again and again).
 */
class BlockReader {
  private static readonly KEPT_BLOCKS = 4;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly inflated = new Map<number, Uint8Array>();

  constructor(
    private readonly blocks: TextBlocks,
    private readonly what: string,
  ) {}

  text(i: number): string {
    const { perBlock, ends } = this.blocks;
    const block = this.block(Math.floor(i / perBlock));
    return this.decoder.decode(block.subarray(i % perBlock === 0 ? 0 : ends[i - 1]!, ends[i]!));
  }

  /** Every text, one block at a time, decoded per block rather than per text. */
  all(): string[] {
    const { perBlock, ends } = this.blocks;
    const texts = new Array<string>(ends.length);
    for (let first = 0; first < ends.length; first += perBlock) {
      const plain = this.inflate(first / perBlock);
      const text = this.decoder.decode(plain);
      // Ends are in bytes, the text in UTF-16 units: count the units while walking the bytes.
      let byte = 0;
      let unit = 0;
      for (let i = first; i < Math.min(first + perBlock, ends.length); i++) {
        const from = unit;
        for (const end = ends[i]!; byte < end; byte++) {
          const b = plain[byte]!;
          if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1; // a 4-byte sequence is a surrogate pair
        }
        if ((plain[byte]! & 0xc0) === 0x80) throw new Error(`${this.what} : texte ${i} coupé au milieu d'un caractère`);
        texts[i] = text.slice(from, unit);
      }
    }
    return texts;
  }

  private block(b: number): Uint8Array {
    const kept = this.inflated.get(b);
    if (kept) return kept;
    const plain = this.inflate(b);
    if (this.inflated.size >= BlockReader.KEPT_BLOCKS) this.inflated.delete(this.inflated.keys().next().value!);
    this.inflated.set(b, plain);
    return plain;
  }

  private inflate(b: number): Uint8Array {
    const { perBlock, bytes, blockEnds, ends } = this.blocks;
    const expected = ends[Math.min((b + 1) * perBlock, ends.length) - 1]!;
    // Inflated straight into a buffer of the announced size (fflate would otherwise guess and grow
    // it, half its time on the first search's 381 name blocks), plus one byte: a block that
    // inflates longer than announced fills it, and is refused below instead of being cut.
    const plain = inflateSync(bytes.subarray(b === 0 ? 0 : blockEnds[b - 1]!, blockEnds[b]!), { out: new Uint8Array(expected + 1) });
    if (plain.length !== expected) throw new Error(`${this.what} : bloc ${b} de ${plain.length} octets, ${expected} annoncés`);
    return plain;
  }
}

/** A frame's records and names, by asset index, inflated as they are asked for. */
export class FrameRecords {
  private readonly records: BlockReader;
  private readonly names: BlockReader;

  constructor(private readonly frame: SnapshotFrame) {
    this.records = new BlockReader(frame.records, 'fiches');
    this.names = new BlockReader(frame.names, 'noms');
  }

  /** The record of asset `i`, validated; throws SnapshotFrameError when the hub sent garbage. */
  at(i: number): Asset {
    const frame = this.frame;
    try {
      const rest = JSON.parse(this.records.text(i)) as Record<string, unknown>;
      const parent = frame.parents[i]!;
      const columns = {
        id: this.idAt(i),
        ...(parent > 0 ? { parentId: this.idAt(parent - 1) } : {}),
        name: this.names.text(i),
        kind: ASSET_KINDS[frame.kindCodes[i]!],
        commune: frame.communes[frame.communeCodes[i]!],
        lon: frame.positions[2 * i],
        lat: frame.positions[2 * i + 1],
        status: ASSET_STATUSES[frame.statusCodes[i]!],
      };
      const category = buildingCategoryOf(frame.categoryCodes[i]!);
      const categoryField = category === undefined ? {} : { category };
      return Asset.parse({ ...rest, ...categoryField, ...columns });
    } catch (error) {
      throw new SnapshotFrameError(`fiche de l'équipement ${i} refusée : ${describe(error)}`);
    }
  }

  private idAt(i: number): string {
    return this.frame.idsText.slice(i === 0 ? 0 : this.frame.idEnds[i - 1]!, this.frame.idEnds[i]!);
  }

  /** The INSEE code of asset `i`'s commune, from its column (checked when the frame was read). */
  communeAt(i: number): string {
    return this.frame.communes[this.frame.communeCodes[i]!]!;
  }

  /** Every name, for the search. */
  allNames(): string[] {
    try {
      return this.names.all();
    } catch (error) {
      throw new SnapshotFrameError(`noms refusés : ${describe(error)}`);
    }
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message.slice(0, 200) : String(error));
