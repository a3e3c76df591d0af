import { describe, expect, it } from 'vitest';
import { inflateSync } from 'fflate';
import { ASSETS_PER_BLOCK, decodeSnapshotFrame, encodeSnapshotFrame, FrameRecords, SnapshotFrameError } from '../../../shared/protocol/snapshot-frame';
import type { Asset } from '../../../shared';
import { AssetBuffers, ConsoleStore, searchBuffers } from '../../../renderer/state';
import { alarm, asset, snapshot } from './fixtures';

const assets = [
  asset({ id: 'cam-1', kind: 'camera', lon: 2.1, lat: 48.5, name: 'Caméra du marché' }),
  asset({ id: 'cab-1', kind: 'lighting-cabinet', status: 'alarm', name: 'Armoire École Jules Ferry' }),
  asset({ id: 'lamp-2', kind: 'street-lamp', lon: 2.5, lat: 48.7, parentId: 'cab-1' }),
  asset({ id: 'lamp-1', kind: 'street-lamp', lon: 2.4, lat: 48.6, parentId: 'cab-1', drift: { since: '2025-11-23T10:00:00.000Z', message: 'écart' } }),
  asset({ id: 'bin-1', kind: 'waste-container', status: 'warning', metrics: { fillLevel: 80 } }),
  asset({ id: 'sch-1', kind: 'building', category: 'school', name: 'Groupe scolaire Jean-Jaurès' }),
  asset({ id: 'gym-1', kind: 'building', category: 'gym', name: 'Gymnase' }),
];
const message = snapshot(42, assets, [alarm({ id: 'al-1', assetId: 'cab-1' })]);

describe('binary snapshot frame', () => {
  it('carries the same assets, in the layout of the JSON path, with the head intact', () => {
    const frame = decodeSnapshotFrame(encodeSnapshotFrame(message));
    const fromJson = AssetBuffers.fromAssets(message.assets);
    const fromFrame = AssetBuffers.fromFrame(frame);
    expect(frame.head.seq).toBe(42);
    expect(frame.head.alarms.map((a) => a.id)).toEqual(['al-1']);
    expect(fromFrame.ranges).toEqual(fromJson.ranges);
    expect(fromFrame.ids).toEqual(fromJson.ids);
    expect([...fromFrame.positions]).toEqual([...fromJson.positions]);
    expect([...fromFrame.colours]).toEqual([...fromJson.colours]);
    expect([...fromFrame.kindCodes]).toEqual([...fromJson.kindCodes]);
    expect([...fromFrame.categoryCodes]).toEqual([...fromJson.categoryCodes]);
    expect(fromFrame.categoryAt(fromFrame.indexOf('sch-1')!)).toBe('school');
    expect(fromFrame.categoryAt(fromFrame.indexOf('cab-1')!)).toBeUndefined();
    expect(fromFrame.records.toArray()).toEqual(fromJson.records.toArray());
    // The records leave out what the columns and texts carry.
    const plain = new TextDecoder().decode(inflateSync(frame.records.bytes));
    expect(plain).toContain('"metrics"');
    expect(plain).not.toContain('"commune"');
    expect(plain).not.toContain('"lon"');
    expect(plain).not.toContain('"name"');
    expect(plain).not.toContain('"category"');
    expect(fromFrame.get('bin-1')).toEqual(assets[4]);
    expect(fromFrame.driftsAt(fromFrame.indexOf('lamp-1')!)).toBe(true);
    expect(fromFrame.driftsAt(fromFrame.indexOf('lamp-2')!)).toBe(false);
  });

  it('finds assets by name and id without decoding every record', () => {
    const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(message)));
    expect(searchBuffers(buffers, 'ecole', 5).map((a) => a.id)).toEqual(['cab-1']);
    expect(searchBuffers(buffers, 'LAMP-1', 5).map((a) => a.id)).toEqual(['lamp-1']);
  });

  it('searches the name an event gave, whether the names were read (or the index built) before the event or after', () => {
    for (const before of ['search', 'prepare', 'nothing']) {
      const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(message)));
      if (before === 'search') expect(searchBuffers(buffers, 'marché', 5).map((a) => a.id)).toEqual(['cam-1']);
      if (before === 'prepare') buffers.searchIndex();
      const i = buffers.indexOf('cam-1')!;
      buffers.update(i, { ...buffers.records.at(i)!, name: 'Caméra de la halle' });
      expect(searchBuffers(buffers, 'halle', 5).map((a) => a.id)).toEqual(['cam-1']);
      expect(searchBuffers(buffers, 'marché', 5)).toEqual([]);
    }
  });

  it('takes an update in place: status colour, record and drift', () => {
    const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(message)));
    const i = buffers.indexOf('lamp-1')!;
    const { statusChanged } = buffers.update(i, { ...buffers.records.at(i)!, status: 'offline', drift: undefined });
    expect(statusChanged).toBe(true);
    expect(buffers.get('lamp-1')!.status).toBe('offline');
    expect(buffers.driftsAt(i)).toBe(false);
  });

  it('feeds the store like the JSON snapshot does', () => {
    let apply = () => undefined as void;
    const store = new ConsoleStore((a) => ((apply = a), { request: () => undefined, cancel: () => undefined }));
    store.snapshotFrame(decodeSnapshotFrame(encodeSnapshotFrame(message)), 'operateur');
    apply();
    expect(store.getView()).toMatchObject({ ready: true, lastSeq: 42, assetCount: 7 });
    expect(store.getAsset('cab-1')!.name).toBe('Armoire École Jules Ferry');
    expect(store.driftingAssets().map((a) => a.id)).toEqual(['lamp-1']);
    expect(store.alarmsForAsset('cab-1').map((a) => a.id)).toEqual(['al-1']);
  });

  it('reads a frame that sits at an odd offset of a larger buffer (a Node Buffer from its pool)', () => {
    const bytes = encodeSnapshotFrame(message);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(decodeSnapshotFrame(padded.subarray(3)).count).toBe(7);
    expect(decodeSnapshotFrame(Buffer.from(padded.buffer, 3, bytes.length)).count).toBe(7);
  });

  it('refuses what is not a frame of this version, truncated, or out of order', () => {
    const bytes = encodeSnapshotFrame(message);
    expect(() => decodeSnapshotFrame(new TextEncoder().encode('{"op":"snapshot"}'))).toThrow(SnapshotFrameError);
    const otherVersion = bytes.slice();
    otherVersion[4] = 9;
    expect(() => decodeSnapshotFrame(otherVersion)).toThrow(/version 9/);
    expect(() => decodeSnapshotFrame(bytes.slice(0, bytes.length - 1))).toThrow(/taille/);
    const frame = decodeSnapshotFrame(bytes.slice());
    const badKind = bytes.slice();
    badKind[frame.kindCodes.byteOffset] = 200;
    expect(() => decodeSnapshotFrame(badKind)).toThrow(/code de type/);
    const badCategory = bytes.slice();
    badCategory[frame.categoryCodes.byteOffset] = 99;
    expect(() => decodeSnapshotFrame(badCategory)).toThrow(/code de catégorie/);
    const badCommune = bytes.slice();
    new DataView(badCommune.buffer).setUint16(frame.communeCodes.byteOffset, frame.communes.length, true);
    expect(() => decodeSnapshotFrame(badCommune)).toThrow(/code commune \d+ hors de la liste/);
  });

  it("points a lamp at its cabinet by index, and keeps in the record a parent the frame does not hold", () => {
    // lamp-3's cabinet is out of the user's scope: not in the snapshot.
    const withOutsider = [...assets, asset({ id: 'lamp-3', kind: 'street-lamp', lon: 2.45, lat: 48.65, parentId: 'cab-elsewhere' })];
    const frame = decodeSnapshotFrame(encodeSnapshotFrame(snapshot(1, withOutsider)));
    const buffers = AssetBuffers.fromFrame(frame);
    const cabinet = buffers.indexOf('cab-1')!;
    expect(frame.parents[buffers.indexOf('lamp-1')!]).toBe(cabinet + 1);
    expect(buffers.parentIdAt(buffers.indexOf('lamp-2')!)).toBe('cab-1');
    expect(frame.parents[buffers.indexOf('lamp-3')!]).toBe(0);
    expect(frame.parents[cabinet]).toBe(0);
    const records = new FrameRecords(frame);
    expect(records.at(buffers.indexOf('lamp-1')!).parentId).toBe('cab-1');
    expect(records.at(buffers.indexOf('lamp-3')!).parentId).toBe('cab-elsewhere');
    expect(records.at(cabinet).parentId).toBeUndefined();
    // The JSON path gives the same column.
    expect([...AssetBuffers.fromAssets(withOutsider).parents]).toEqual([...buffers.parents]);
  });

  it('refuses a parent index outside the frame, or an asset its own parent', () => {
    const bytes = encodeSnapshotFrame(message);
    const frame = decodeSnapshotFrame(bytes.slice());
    const outside = bytes.slice();
    new DataView(outside.buffer).setUint32(frame.parents.byteOffset, frame.count + 1, true);
    expect(() => decodeSnapshotFrame(outside)).toThrow(/parent \d+ invalide/);
    const itself = bytes.slice();
    new DataView(itself.buffer).setUint32(frame.parents.byteOffset + 4, 2, true);
    expect(() => decodeSnapshotFrame(itself)).toThrow(/parent 2 invalide à l'équipement 1/);
  });

  it('refuses a block that inflates to more or fewer bytes than its ends announce', () => {
    const bytes = encodeSnapshotFrame(message);
    const frame = decodeSnapshotFrame(bytes.slice());
    const last = frame.count - 1;
    const announced = frame.names.ends[last]!;
    for (const wrong of [announced - 1, announced + 1]) {
      const tampered = bytes.slice();
      new DataView(tampered.buffer).setUint32(frame.names.ends.byteOffset + 4 * last, wrong, true);
      const records = new FrameRecords(decodeSnapshotFrame(tampered));
      expect(() => records.allNames()).toThrow(new RegExp(`bloc 0 de \\d+ octets, ${wrong} annoncés`));
    }
  });

  it('refuses a commune list with a code that is not an INSEE code, before drawing anything', () => {
    // The commune is a column: checked when the frame is read, not when a record is.
    const bytes = encodeSnapshotFrame(snapshot(1, [asset({ id: 'cab-1', name: 'x', commune: 'zz228' })]));
    expect(() => decodeSnapshotFrame(bytes)).toThrow(/code commune "zz228" invalide/);
  });

  it('checks a record when it is decoded', () => {
    // A date the schema refuses: the columns are fine, the record is not.
    const bytes = encodeSnapshotFrame(snapshot(1, [asset({ id: 'cab-1', name: 'x', updatedAt: 42 as unknown as string })]));
    const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(bytes));
    expect(() => buffers.records.at(0)).toThrow(SnapshotFrameError);
  });

  it('keeps records in compressed blocks, each inflated when one of its records is asked for', () => {
    const many = Array.from({ length: 2 * ASSETS_PER_BLOCK + 7 }, (_, i) =>
      asset({ id: `lamp-${i}`, kind: 'street-lamp', lon: 2 + i / 1e4, lat: 48, name: `Point lumineux n° ${i} – rue de l'Église`, parentId: `cab-${i % 3}` }),
    );
    const frame = decodeSnapshotFrame(encodeSnapshotFrame(snapshot(1, many)));
    expect(frame.records.blockEnds.length).toBe(3);
    expect(frame.names.blockEnds.length).toBe(3);
    // Far smaller than the JSON it stands for: names and records repeat themselves.
    expect((frame.records.bytes.length + frame.names.bytes.length) * 5).toBeLessThan(JSON.stringify(many).length);
    const records = new FrameRecords(frame);
    const byId = new Map(many.map((a) => [a.id, a]));
    // Across blocks, back and forth, more blocks than are kept inflated.
    for (const i of [0, ASSETS_PER_BLOCK - 1, ASSETS_PER_BLOCK, 2 * ASSETS_PER_BLOCK + 6, 3, ASSETS_PER_BLOCK + 1]) {
      const record = records.at(i);
      expect(record).toEqual(byId.get(record.id));
    }
  });

  it('refuses a damaged block when one of its records is read, and only that block', () => {
    const many = Array.from({ length: ASSETS_PER_BLOCK + 1 }, (_, i) => asset({ id: `bin-${i}`, kind: 'waste-container', name: `Conteneur ${i}` }));
    const bytes = encodeSnapshotFrame(snapshot(1, many));
    const frame = decodeSnapshotFrame(bytes);
    // The first block's middle byte, flipped.
    const at = frame.records.bytes.byteOffset + Math.floor(frame.records.blockEnds[0]! / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    const records = new FrameRecords(decodeSnapshotFrame(bytes));
    expect(() => records.at(0)).toThrow(SnapshotFrameError);
    expect(records.at(ASSETS_PER_BLOCK).id).toBe(`bin-${ASSETS_PER_BLOCK}`);
  });

  it('decodes names one by one and all at once alike, accents and astral characters included', () => {
    const names = ['École Jules-Ferry', 'Point lumineux n° 7 – rue', '', 'Salle 🎭 des fêtes', 'plain'];
    const many = Array.from({ length: ASSETS_PER_BLOCK + 3 }, (_, i) => names[i % names.length]!);
    const withNames: Asset[] = many.map((name, i) => asset({ id: `bld-${String(i).padStart(4, '0')}`, kind: 'building', name }));
    const records = new FrameRecords(decodeSnapshotFrame(encodeSnapshotFrame(snapshot(1, withNames))));
    expect(records.allNames()).toEqual(many);
    expect(many.map((_, i) => records.at(i).name)).toEqual(many);
  });

  it('refuses a name end that falls inside a character', () => {
    const bytes = encodeSnapshotFrame(snapshot(1, [asset({ id: 'b-1', kind: 'building', name: 'é' }), asset({ id: 'b-2', kind: 'building', name: 'x' })]));
    const frame = decodeSnapshotFrame(bytes);
    new DataView(bytes.buffer).setUint32(frame.names.ends.byteOffset, 1, true); // 'é' is 2 bytes
    const records = new FrameRecords(decodeSnapshotFrame(bytes));
    expect(() => records.allNames()).toThrow(SnapshotFrameError);
    expect(() => records.at(0)).toThrow(SnapshotFrameError);
  });

  it('refuses ends that go backwards or blocks that overrun their section, before drawing anything', () => {
    const many = Array.from({ length: 3 }, (_, i) => asset({ id: `bin-${i}`, kind: 'waste-container', name: `Conteneur ${i}` }));
    const bytes = encodeSnapshotFrame(snapshot(1, many));
    const frame = decodeSnapshotFrame(bytes);
    const backwards = bytes.slice();
    new DataView(backwards.buffer).setUint32(frame.records.ends.byteOffset + 4, 1, true);
    expect(() => decodeSnapshotFrame(backwards)).toThrow(/fiches : bornes non croissantes/);
    const overrun = bytes.slice();
    new DataView(overrun.buffer).setUint32(frame.names.blockEnds.byteOffset, frame.names.bytes.length + 1, true);
    expect(() => decodeSnapshotFrame(overrun)).toThrow(/noms : blocs hors/);
  });
});
