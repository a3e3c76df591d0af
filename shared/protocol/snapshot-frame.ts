import type { z } from 'zod';
import { ASSET_KINDS, ASSET_STATUSES, Asset, type AssetKind } from '../domain/assets';
import { layOutByKind, type KindRange } from '../domain/asset-layout';
import { SnapshotMessage } from './messages';

/**
 * The binary snapshot frame (hub → console, asked for with `subscribe {snapshot: "columns"}`).
 * A 100k-asset territory as JSON is ~27 MB that the console would parse and validate whole before
 * drawing anything; here the map's columns are typed arrays the console views in place, and each
 * asset's full record stays as UTF-8 JSON bytes decoded (and validated) only when something asks
 * for that asset (a panel, a tooltip, a command).
 *
 * Its layout is `SNAPSHOT_FRAME_LAYOUT` below (also in PROTOCOL.md).
 */
export const SNAPSHOT_FRAME_VERSION = 1;

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
| 20 | 4 | names bytes (u32) |
| 24 | 4 | records bytes (u32) |
| 28 | 4 | reserved, 0 |
| 32 | 16 n | positions: lon, lat per asset (f64) |
| … | 4 n | id ends (u32, UTF-16 units into the decoded ids text) |
| … | 4 n | name ends (u32, UTF-16 units into the decoded names text) |
| … | 4 n | record ends (u32, bytes into the records section) |
| … | n | kind codes (u8, index in \`ASSET_KINDS\`) |
| … | n | status codes (u8, index in \`ASSET_STATUSES\`) |
| … | n | flags (u8; bit 0: the asset drifts from what it was asked) |
| … | … | head JSON, ids text, names text, records, all UTF-8 |

A record is the asset's JSON without what the columns say (\`id\`, \`kind\`, \`lon\`, \`lat\`, \`status\`).

Assets come grouped by kind in \`ASSET_KINDS\` order, street lamps along a Z-order curve
(\`layOutByKind\`): the order of the map's layers, so the console neither sorts nor copies.
`;
const MAGIC = [0x42, 0x46, 0x53, 0x4e]; // "BFSN"
const HEADER_BYTES = 32;
export const DRIFT_FLAG = 1;

export const SnapshotHead = SnapshotMessage.omit({ assets: true });
export type SnapshotHead = z.infer<typeof SnapshotHead>;

/** A decoded frame: views into the received bytes, nothing copied but the short texts. */
export interface SnapshotFrame {
  head: SnapshotHead;
  count: number;
  ranges: Record<AssetKind, KindRange>;
  positions: Float64Array;
  kindCodes: Uint8Array;
  statusCodes: Uint8Array;
  flags: Uint8Array;
  idsText: string;
  idEnds: Uint32Array;
  /** Bytes of the names text, decoded when first searched. */
  namesBytes: Uint8Array;
  nameEnds: Uint32Array;
  records: Uint8Array;
  recordEnds: Uint32Array;
}

interface Sections {
  positions: number;
  idEnds: number;
  nameEnds: number;
  recordEnds: number;
  kindCodes: number;
  statusCodes: number;
  flags: number;
  head: number;
  ids: number;
  names: number;
  records: number;
  end: number;
}

function sections(n: number, headBytes: number, idsBytes: number, namesBytes: number, recordsBytes: number): Sections {
  const positions = HEADER_BYTES;
  const idEnds = positions + 16 * n;
  const nameEnds = idEnds + 4 * n;
  const recordEnds = nameEnds + 4 * n;
  const kindCodes = recordEnds + 4 * n;
  const statusCodes = kindCodes + n;
  const flags = statusCodes + n;
  const head = flags + n;
  const ids = head + headBytes;
  const names = ids + idsBytes;
  const records = names + namesBytes;
  return { positions, idEnds, nameEnds, recordEnds, kindCodes, statusCodes, flags, head, ids, names, records, end: records + recordsBytes };
}

const KIND_CODE = new Map(ASSET_KINDS.map((k, i) => [k, i]));
const STATUS_CODE = new Map(ASSET_STATUSES.map((s, i) => [s, i]));

/** Lays out and encodes a (scope-filtered) snapshot. */
export function encodeSnapshotFrame(snapshot: SnapshotMessage): Uint8Array {
  const { assets, ...headFields } = snapshot;
  const { ordered } = layOutByKind(assets);
  const n = ordered.length;
  const encoder = new TextEncoder();
  const head = encoder.encode(JSON.stringify(headFields));
  const ids = encoder.encode(ordered.map((a) => a.id).join(''));
  const names = encoder.encode(ordered.map((a) => a.name).join(''));
  // The columns already say id, kind, position and status: the record carries only the rest.
  const { bytes: records, ends: recordEnds } = encodeRecords(ordered, encoder);
  const recordsBytes = records.length;
  const at = sections(n, head.length, ids.length, names.length, recordsBytes);
  const frame = new Uint8Array(at.end);
  const view = new DataView(frame.buffer);
  frame.set(MAGIC, 0);
  frame[4] = SNAPSHOT_FRAME_VERSION;
  view.setUint32(8, n, true);
  view.setUint32(12, head.length, true);
  view.setUint32(16, ids.length, true);
  view.setUint32(20, names.length, true);
  view.setUint32(24, recordsBytes, true);
  let idEnd = 0;
  let nameEnd = 0;
  for (let i = 0; i < n; i++) {
    const a = ordered[i]!;
    view.setFloat64(at.positions + 16 * i, a.lon, true);
    view.setFloat64(at.positions + 16 * i + 8, a.lat, true);
    view.setUint32(at.idEnds + 4 * i, (idEnd += a.id.length), true);
    view.setUint32(at.nameEnds + 4 * i, (nameEnd += a.name.length), true);
    view.setUint32(at.recordEnds + 4 * i, recordEnds[i]!, true);
    frame[at.kindCodes + i] = KIND_CODE.get(a.kind)!;
    frame[at.statusCodes + i] = STATUS_CODE.get(a.status)!;
    frame[at.flags + i] = a.drift ? DRIFT_FLAG : 0;
  }
  frame.set(head, at.head);
  frame.set(ids, at.ids);
  frame.set(names, at.names);
  frame.set(records, at.records);
  return frame;
}

/** Every record's JSON, UTF-8, one after the other, written in place (no buffer per record). */
function encodeRecords(assets: readonly Asset[], encoder: TextEncoder): { bytes: Uint8Array; ends: Uint32Array } {
  const texts = assets.map(({ id: _id, kind: _kind, lon: _lon, lat: _lat, status: _status, ...rest }) => JSON.stringify(rest));
  const units = texts.reduce((sum, text) => sum + text.length, 0);
  // Most records are ASCII; grow in the rare case accents overflow the guess.
  let out = new Uint8Array(Math.ceil(units * 1.25) + 16);
  const ends = new Uint32Array(assets.length);
  let written = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    while (out.length - written < text.length * 3) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out.subarray(0, written));
      out = bigger;
    }
    written += encoder.encodeInto(text, out.subarray(written)).written;
    ends[i] = written;
  }
  return { bytes: out.subarray(0, written), ends };
}

export class SnapshotFrameError extends Error {}

/**
 * Reads a frame from the hub. Nothing is trusted: sizes, codes, order and positions are checked
 * here (a linear pass over small integers), the head by its zod schema; each record is validated
 * by `Asset` when decoded.
 */
export function decodeSnapshotFrame(data: ArrayBuffer | Uint8Array): SnapshotFrame {
  // Typed views need aligned offsets: a Node Buffer may sit anywhere in its pool, so copy it then.
  // (Buffer#slice would not copy: copy by hand.)
  const bytes = data instanceof Uint8Array ? (data.byteOffset % 8 === 0 ? data : copyOf(data)) : new Uint8Array(data);
  const fail = (why: string): never => {
    throw new SnapshotFrameError(`trame d'instantané refusée : ${why}`);
  };
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) fail('pas un instantané Beffroi');
  if (bytes[4] !== SNAPSHOT_FRAME_VERSION) fail(`version ${bytes[4]} inconnue (attendue ${SNAPSHOT_FRAME_VERSION})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(8, true);
  const at = sections(n, view.getUint32(12, true), view.getUint32(16, true), view.getUint32(20, true), view.getUint32(24, true));
  if (at.end !== bytes.length) fail(`taille ${bytes.length} octets, l'en-tête en annonce ${at.end}`);
  const base = bytes.byteOffset;
  const positions = new Float64Array(bytes.buffer, base + at.positions, 2 * n);
  const idEnds = new Uint32Array(bytes.buffer, base + at.idEnds, n);
  const nameEnds = new Uint32Array(bytes.buffer, base + at.nameEnds, n);
  const recordEnds = new Uint32Array(bytes.buffer, base + at.recordEnds, n);
  const kindCodes = bytes.subarray(at.kindCodes, at.kindCodes + n);
  const statusCodes = bytes.subarray(at.statusCodes, at.statusCodes + n);
  const flags = bytes.subarray(at.flags, at.flags + n);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let headJson: unknown;
  let idsText = '';
  try {
    headJson = JSON.parse(decoder.decode(bytes.subarray(at.head, at.ids)));
    idsText = decoder.decode(bytes.subarray(at.ids, at.names));
  } catch {
    fail('en-tête ou identifiants illisibles');
  }
  const head = SnapshotHead.safeParse(headJson);
  if (!head.success) fail(`en-tête refusé (${head.error.issues[0]?.path.join('.') ?? 'schéma'})`);
  const recordsBytes = at.end - at.records;
  const ranges = {} as Record<AssetKind, KindRange>;
  for (const kind of ASSET_KINDS) ranges[kind] = { kind, start: 0, count: 0 };
  let previousKind = 0;
  let idEnd = 0;
  let recordEnd = 0;
  let nameEnd = 0;
  for (let i = 0; i < n; i++) {
    const kind = kindCodes[i]!;
    if (kind >= ASSET_KINDS.length || kind < previousKind) fail(`code de type ${kind} hors ordre à l'équipement ${i}`);
    if (statusCodes[i]! >= ASSET_STATUSES.length) fail(`code d'état ${statusCodes[i]} inconnu`);
    const lon = positions[2 * i]!;
    const lat = positions[2 * i + 1]!;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) fail(`position invalide à l'équipement ${i}`);
    if (idEnds[i]! <= idEnd || nameEnds[i]! < nameEnd || recordEnds[i]! <= recordEnd) fail(`bornes non croissantes à l'équipement ${i}`);
    idEnd = idEnds[i]!;
    nameEnd = nameEnds[i]!;
    recordEnd = recordEnds[i]!;
    ranges[ASSET_KINDS[kind]!].count += 1;
    previousKind = kind;
  }
  if (idEnd !== idsText.length || recordEnd !== recordsBytes) fail('bornes hors des sections');
  let start = 0;
  for (const kind of ASSET_KINDS) {
    ranges[kind].start = start;
    start += ranges[kind].count;
  }
  return {
    head: head.data!,
    count: n,
    ranges,
    positions,
    kindCodes,
    statusCodes,
    flags,
    idsText,
    idEnds,
    namesBytes: bytes.subarray(at.names, at.records),
    nameEnds,
    records: bytes.subarray(at.records, at.end),
    recordEnds,
  };
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

/** The record of asset `i`, validated; throws SnapshotFrameError when the hub sent garbage. */
export function decodeFrameRecord(frame: SnapshotFrame, i: number, decoder: TextDecoder): Asset {
  const from = i === 0 ? 0 : frame.recordEnds[i - 1]!;
  try {
    const rest = JSON.parse(decoder.decode(frame.records.subarray(from, frame.recordEnds[i]!))) as Record<string, unknown>;
    const id = frame.idsText.slice(i === 0 ? 0 : frame.idEnds[i - 1]!, frame.idEnds[i]!);
    const columns = { id, kind: ASSET_KINDS[frame.kindCodes[i]!], lon: frame.positions[2 * i], lat: frame.positions[2 * i + 1], status: ASSET_STATUSES[frame.statusCodes[i]!] };
    return Asset.parse({ ...rest, ...columns });
  } catch (error) {
    throw new SnapshotFrameError(`fiche de l'équipement ${i} refusée : ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
  }
}
