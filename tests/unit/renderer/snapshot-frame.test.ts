import { describe, expect, it } from 'vitest';
import { decodeSnapshotFrame, encodeSnapshotFrame, SnapshotFrameError } from '../../../shared/protocol/snapshot-frame';
import { AssetBuffers, ConsoleStore, searchBuffers } from '../../../renderer/state';
import { alarm, asset, snapshot } from './fixtures';

const assets = [
  asset({ id: 'cam-1', kind: 'camera', lon: 2.1, lat: 48.5, name: 'Caméra du marché' }),
  asset({ id: 'cab-1', kind: 'lighting-cabinet', status: 'alarm', name: 'Armoire École Jules Ferry' }),
  asset({ id: 'lamp-2', kind: 'street-lamp', lon: 2.5, lat: 48.7, parentId: 'cab-1' }),
  asset({ id: 'lamp-1', kind: 'street-lamp', lon: 2.4, lat: 48.6, parentId: 'cab-1', drift: { since: '2025-11-23T10:00:00.000Z', message: 'écart' } }),
  asset({ id: 'bin-1', kind: 'waste-container', status: 'warning', metrics: { fillLevel: 80 } }),
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
    expect(fromFrame.records.toArray()).toEqual(fromJson.records.toArray());
    // The records leave out what the columns carry.
    expect(new TextDecoder().decode(frame.records)).not.toContain('"lon"');
    expect(fromFrame.get('bin-1')).toEqual(assets[4]);
    expect(fromFrame.driftsAt(fromFrame.indexOf('lamp-1')!)).toBe(true);
    expect(fromFrame.driftsAt(fromFrame.indexOf('lamp-2')!)).toBe(false);
  });

  it('finds assets by name and id without decoding every record', () => {
    const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(encodeSnapshotFrame(message)));
    expect(searchBuffers(buffers, 'ecole', 5).map((a) => a.id)).toEqual(['cab-1']);
    expect(searchBuffers(buffers, 'LAMP-1', 5).map((a) => a.id)).toEqual(['lamp-1']);
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
    expect(store.getView()).toMatchObject({ ready: true, lastSeq: 42, assetCount: 5 });
    expect(store.getAsset('cab-1')!.name).toBe('Armoire École Jules Ferry');
    expect(store.driftingAssets().map((a) => a.id)).toEqual(['lamp-1']);
    expect(store.alarmsForAsset('cab-1').map((a) => a.id)).toEqual(['al-1']);
  });

  it('reads a frame that sits at an odd offset of a larger buffer (a Node Buffer from its pool)', () => {
    const bytes = encodeSnapshotFrame(message);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(decodeSnapshotFrame(padded.subarray(3)).count).toBe(5);
    expect(decodeSnapshotFrame(Buffer.from(padded.buffer, 3, bytes.length)).count).toBe(5);
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
  });

  it('checks a record when it is decoded', () => {
    const bytes = encodeSnapshotFrame(snapshot(1, [asset({ id: 'cab-1', name: 'x' })]));
    const frame = decodeSnapshotFrame(bytes);
    // Turn the record's commune "91228" into "zz228" (same length): the columns are fine, the record is not.
    const text = new TextDecoder().decode(frame.records);
    const at = frame.records.byteOffset + text.indexOf('"commune":"91228"') + '"commune":"'.length;
    bytes[at] = 0x7a;
    bytes[at + 1] = 0x7a;
    const buffers = AssetBuffers.fromFrame(decodeSnapshotFrame(bytes));
    expect(() => buffers.records.at(0)).toThrow(SnapshotFrameError);
  });
});
