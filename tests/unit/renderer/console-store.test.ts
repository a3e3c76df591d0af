import { describe, expect, it } from 'vitest';
import type { AssetsChange } from '../../../renderer/state';
import { ConsoleStore, STATUS_CODE, manualScheduler } from '../../../renderer/state';
import type { JournalEvent } from '../../../shared';
import { decodeSnapshotFrame, encodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';
import { alarm, asset, command, snapshot } from './fixtures';

function storeWithFrames() {
  const frames = manualScheduler();
  const store = new ConsoleStore((apply) => {
    frames.bind(apply);
    return frames;
  });
  const changes: AssetsChange[] = [];
  store.onAssetsChange((change) => changes.push(change));
  return { store, frames, changes };
}

const lamps = Array.from({ length: 2000 }, (_, i) => asset({ id: `lamp-${i}`, kind: 'street-lamp' }));

function statusEvents(fromSeq: number, firstLamp: number, count: number): JournalEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: fromSeq + i,
    at: '2025-11-23T10:01:00.000Z',
    type: 'asset.updated' as const,
    asset: asset({ id: `lamp-${firstLamp + i}`, kind: 'street-lamp', status: 'alarm' }),
  }));
}

describe('ConsoleStore', () => {
  it('applies nothing until the frame, then a thousand status changes as one change', () => {
    const { store, frames, changes } = storeWithFrames();
    store.snapshot(snapshot(10, lamps), 'operateur');
    frames.runFrame();
    changes.length = 0;

    for (let i = 0; i < 10; i++) store.events({ op: 'events', events: statusEvents(11 + i * 100, i * 100, 100) });
    expect(store.getAsset('lamp-0')!.status).toBe('ok');

    frames.runFrame();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.layout).toBe(false);
    expect([...changes[0]!.colourKinds]).toEqual(['street-lamp']);
    expect(store.getAsset('lamp-999')!.status).toBe('alarm');
    expect(store.stats.lastFrameEvents).toBe(1000);
    expect(store.getView().lastSeq).toBe(1010);
  });

  it('applies a burst over a binary snapshot from the columns, without decoding the records it replaces', () => {
    const { store, frames, changes } = storeWithFrames();
    const gate = (open: boolean) => asset({ id: 'gate-1', kind: 'gate', metrics: { gateOpen: open } });
    store.snapshotFrame(decodeSnapshotFrame(encodeSnapshotFrame(snapshot(10, [...lamps, gate(false)]))), 'operateur');
    frames.runFrame();
    changes.length = 0;
    const records = store.currentBuffers().records;

    store.events({ op: 'events', events: statusEvents(11, 0, 1000) });
    frames.runFrame();
    expect(records.decoded).toBe(0);
    expect(changes[0]!.colourIndexes).toHaveLength(1000);
    expect(store.getAsset('lamp-999')!.status).toBe('alarm');

    // The same status again changes no colour; a gate's record is read to see whether it moved.
    store.events({ op: 'events', events: [...statusEvents(1011, 0, 10), { seq: 1021, at: '2025-11-23T10:01:00.000Z', type: 'asset.updated', asset: gate(true) }] });
    frames.runFrame();
    expect(records.decoded).toBe(1);
    expect(changes[1]).toEqual(expect.objectContaining({ gatePositions: true }));
    expect(changes[1]!.colourIndexes).toHaveLength(0);
  });

  it('lays out an asset it did not know, or whose kind changed, without decoding the others', () => {
    const { store, frames, changes } = storeWithFrames();
    const cabinet = asset({ id: 'cab-1', kind: 'lighting-cabinet', name: 'Armoire du port', commune: '91002', drift: { since: '2025-11-23T09:00:00.000Z', message: 'variation relevée 50 %, attendue 70 %' } });
    const fed = [asset({ id: 'lamp-fed', kind: 'street-lamp', parentId: 'cab-1' }), asset({ id: 'lamp-odd', kind: 'street-lamp', parentId: 'bin-1' })];
    store.snapshotFrame(decodeSnapshotFrame(encodeSnapshotFrame(snapshot(10, [...lamps, ...fed, cabinet, asset({ id: 'bin-1', kind: 'waste-container' })]))), 'operateur');
    frames.runFrame();
    changes.length = 0;
    const at = '2025-11-23T10:01:00.000Z';
    store.events({
      op: 'events',
      events: [
        { seq: 11, at, type: 'asset.updated', asset: asset({ id: 'cam-new', kind: 'camera', name: 'Caméra du marché', lon: 2.4, lat: 48.6, status: 'alarm' }) },
        // A bin the admin turned into a building: it moves to the buildings' range.
        { seq: 12, at, type: 'asset.updated', asset: asset({ id: 'bin-1', kind: 'building', name: 'Ancien abri', status: 'warning' }) },
        { seq: 13, at, type: 'asset.updated', asset: asset({ id: 'lamp-7', kind: 'street-lamp', status: 'offline' }) },
        { seq: 14, at, type: 'asset.updated', asset: asset({ id: 'lamp-new', kind: 'street-lamp', lon: 2.41, lat: 48.61, parentId: 'cab-1' }) },
      ],
    });
    frames.runFrame();
    const buffers = store.currentBuffers();
    expect(changes[0]!.layout).toBe(true);
    expect(buffers.records.decoded).toBe(0);
    expect(buffers.count).toBe(lamps.length + 6);
    expect(buffers.ranges).toEqual(expect.objectContaining({ camera: expect.objectContaining({ count: 1 }), building: expect.objectContaining({ count: 1 }), 'waste-container': expect.objectContaining({ count: 0 }) }));
    const camera = buffers.indexOf('cam-new')!;
    expect(buffers.kindAt(camera)).toBe('camera');
    expect([buffers.positions[camera * 2], buffers.positions[camera * 2 + 1]]).toEqual([2.4, 48.6]);
    expect(buffers.statusCodes[camera]).toBe(STATUS_CODE.alarm);
    expect(buffers.kindAt(buffers.indexOf('bin-1')!)).toBe('building');
    // Carried over: columns, drift flag, commune, then the record itself, decoded from the frame on demand.
    const lamp7 = buffers.indexOf('lamp-7')!;
    expect(buffers.statusCodes[lamp7]).toBe(STATUS_CODE.offline);
    expect(buffers.statusCodes[buffers.indexOf('lamp-8')!]).toBe(STATUS_CODE.ok);
    expect(store.getAsset('lamp-7')!.status).toBe('offline');
    const cab = buffers.indexOf('cab-1')!;
    expect(buffers.driftsAt(cab)).toBe(true);
    expect(buffers.communeAt(cab)).toBe('91002');
    // Parents by index follow the move: carried, replaced (found by id), newcomer.
    expect(['lamp-fed', 'lamp-odd', 'lamp-new'].map((id) => buffers.parentIdAt(buffers.indexOf(id)!))).toEqual(['cab-1', 'bin-1', 'cab-1']);
    expect(buffers.records.decoded).toBe(0);
    expect(store.getAsset('cab-1')!.name).toBe('Armoire du port');
    expect(buffers.records.decoded).toBe(1);
    // The search sees the newcomer and the renamed asset, and still every name from the frame.
    expect([...buffers.searchIndex().containing('marche')].map((i) => buffers.ids[i])).toEqual(['cam-new']);
    expect([...buffers.searchIndex().containing('abri')].map((i) => buffers.ids[i])).toEqual(['bin-1']);
    expect([...buffers.searchIndex().containing('port')].map((i) => buffers.ids[i])).toEqual(['cab-1']);

    // A second newcomer: records moved twice still come from the right place in the frame.
    store.events({ op: 'events', events: [{ seq: 15, at, type: 'asset.updated', asset: asset({ id: 'gw-new', kind: 'gateway', name: 'Passerelle du clocher' }) }] });
    frames.runFrame();
    const again = store.currentBuffers();
    expect(again.count).toBe(lamps.length + 7);
    expect(again.parentIdAt(again.indexOf('lamp-fed')!)).toBe('cab-1');
    expect(store.getAsset('lamp-1999')).toEqual(expect.objectContaining({ id: 'lamp-1999', kind: 'street-lamp', status: 'ok' }));
    expect(store.getAsset('cam-new')!.name).toBe('Caméra du marché');
    expect(again.records.decoded).toBe(2);
    expect([...again.searchIndex().containing('clocher')].map((i) => again.ids[i])).toEqual(['gw-new']);
  });

  it('tells the map when a gate reports a new position, even with the same status', () => {
    const { store, frames, changes } = storeWithFrames();
    const gate = (open: boolean) => asset({ id: 'gate-1', kind: 'gate', metrics: { gateOpen: open } });
    store.snapshot(snapshot(10, [gate(false)]), 'operateur');
    frames.runFrame();
    changes.length = 0;
    store.events({ op: 'events', events: [{ seq: 11, at: '2025-11-23T10:01:00.000Z', type: 'asset.updated', asset: gate(true) }] });
    frames.runFrame();
    expect(changes).toEqual([expect.objectContaining({ layout: false, gatePositions: true })]);
    expect(changes[0]!.colourKinds.size).toBe(0);
  });

  it('keeps the group a group command will act on, and hands a drawn lasso to whoever selects', () => {
    const { store } = storeWithFrames();
    const drawn: unknown[] = [];
    store.onLasso((polygon) => drawn.push(polygon));
    store.setLassoing(true);
    expect(store.getView().group.lassoing).toBe(true);
    store.lassoDrawn([
      [2, 48],
      [3, 48],
      [3, 49],
    ]);
    expect(store.getView().group.lassoing).toBe(false);
    expect(drawn).toHaveLength(1);
    store.setGroup(new Set(['cab-1']));
    expect([...store.getView().group.ids]).toEqual(['cab-1']);
    store.reset();
    expect(store.getView().group.ids.size).toBe(0);
  });

  it('says which buffer indexes changed colour, so the map redoes only those, and sums apply times', () => {
    const { store, frames, changes } = storeWithFrames();
    store.snapshot(snapshot(10, lamps), 'operateur');
    frames.runFrame();
    changes.length = 0;
    const appliedBefore = store.stats.applyMsTotal;
    store.events({ op: 'events', events: statusEvents(11, 5, 3) });
    // The same status again changes no colour.
    store.events({ op: 'events', events: statusEvents(14, 5, 1) });
    frames.runFrame();
    const buffers = store.currentBuffers();
    expect([...changes[0]!.colourIndexes].map((i) => buffers.ids[i])).toEqual(['lamp-5', 'lamp-6', 'lamp-7']);
    expect(store.stats.applyMsTotal).toBeGreaterThanOrEqual(appliedBefore + store.stats.lastApplyMs);
  });

  it('ignores events at or below the last seq (a resubscribe overlapping the snapshot)', () => {
    const { store, frames } = storeWithFrames();
    store.snapshot(snapshot(50, [asset({ id: 'cab-1' })]), 'operateur');
    store.events({
      op: 'events',
      events: [
        { seq: 50, at: 'x', type: 'asset.updated', asset: asset({ id: 'cab-1', status: 'alarm' }) },
        { seq: 51, at: 'x', type: 'asset.updated', asset: asset({ id: 'cab-1', status: 'warning' }) },
      ],
    });
    frames.runFrame();
    expect(store.getAsset('cab-1')!.status).toBe('warning');
    expect(store.stats.eventsIgnored).toBe(1);
  });

  it('replaces everything on a snapshot, dropping what was queued before it', () => {
    const { store, frames, changes } = storeWithFrames();
    store.snapshot(snapshot(5, [asset({ id: 'old' })], [alarm({ id: 'a1', assetId: 'old' })]), 'operateur');
    frames.runFrame();
    store.events({ op: 'events', events: [{ seq: 6, at: 'x', type: 'asset.updated', asset: asset({ id: 'old', status: 'alarm' }) }] });
    store.snapshot(snapshot(100, [asset({ id: 'new' })]), 'operateur');
    frames.runFrame();
    expect(store.getAsset('old')).toBeUndefined();
    expect(store.getAsset('new')).toBeDefined();
    expect(store.getView().alarms).toEqual([]);
    expect(store.getView().lastSeq).toBe(100);
    expect(changes.at(-1)!.layout).toBe(true);
  });

  it('gives the last seq for a resubscribe only to the same user', () => {
    const { store, frames } = storeWithFrames();
    expect(store.lastSeq('operateur')).toBeNull();
    store.snapshot(snapshot(42, []), 'operateur');
    expect(store.lastSeq('operateur')).toBe(42); // flushes what is queued first
    expect(store.lastSeq('elu-91228')).toBeNull();
    frames.runFrame();
  });

  it('lays out an asset it did not know (rebuilds the buffers)', () => {
    const { store, frames, changes } = storeWithFrames();
    store.snapshot(snapshot(1, [asset({ id: 'cab-1' })]), 'operateur');
    frames.runFrame();
    store.events({ op: 'events', events: [{ seq: 2, at: 'x', type: 'asset.updated', asset: asset({ id: 'gate-1', kind: 'gate' }) }] });
    frames.runFrame();
    expect(changes.at(-1)!.layout).toBe(true);
    expect(store.currentBuffers().ranges.gate.count).toBe(1);
    expect(store.currentBuffers().count).toBe(2);
  });

  it('keeps active alarms newest first and drops those acknowledged and cleared', () => {
    const { store, frames } = storeWithFrames();
    store.snapshot(snapshot(1, [asset({ id: 'b-1' })], [alarm({ id: 'a1', assetId: 'b-1', raisedAt: '2025-11-23T09:00:00Z' })]), 'operateur');
    store.events({
      op: 'events',
      events: [{ seq: 2, at: 'x', type: 'alarm.raised', alarm: alarm({ id: 'a2', assetId: 'b-1', raisedAt: '2025-11-23T09:30:00Z' }) }],
    });
    frames.runFrame();
    expect(store.getView().alarms.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(store.getView().alarmCounts).toEqual({ active: 2, unacknowledged: 2 });

    store.events({
      op: 'events',
      events: [
        { seq: 3, at: 'x', type: 'alarm.updated', alarm: alarm({ id: 'a1', assetId: 'b-1', state: 'acknowledged', acknowledgedBy: 'operateur' }) },
        { seq: 4, at: 'x', type: 'alarm.updated', alarm: alarm({ id: 'a2', assetId: 'b-1', state: 'cleared' }) },
      ],
    });
    frames.runFrame();
    expect(store.getView().alarms.map((a) => a.id)).toEqual(['a1']);
    expect(store.getView().alarmCounts).toEqual({ active: 1, unacknowledged: 0 });
  });

  it('takes every command event in journal order, even dated before the previous one', () => {
    const { store, frames } = storeWithFrames();
    store.snapshot(snapshot(1, [asset({ id: 'school-1', kind: 'building', category: 'school' })]), 'operateur');
    const delivered = command({ id: 'c1', assetId: 'school-1', state: 'delivered', updatedAt: '2025-11-23T10:00:09Z' });
    // Confirmed by the thermostat's uplink, dated by the device a little before the delivery was noted.
    const confirmed = command({ id: 'c1', assetId: 'school-1', state: 'confirmed', updatedAt: '2025-11-23T10:00:08Z' });
    store.events({
      op: 'events',
      events: [
        { seq: 2, at: 'x', type: 'command.updated', command: delivered },
        { seq: 3, at: 'x', type: 'command.updated', command: confirmed },
      ],
    });
    frames.runFrame();
    expect(store.getCommand('c1')!.state).toBe('confirmed');
  });

  it('keeps the most advanced state of a command when a reply crosses an event', () => {
    const { store, frames } = storeWithFrames();
    store.snapshot(snapshot(1, [asset({ id: 'school-1', kind: 'building', category: 'school' })]), 'operateur');
    const queued = command({
      id: 'c1',
      assetId: 'school-1',
      state: 'queued',
      updatedAt: '2025-11-23T10:00:01Z',
      history: [
        { state: 'requested', at: '2025-11-23T10:00:00Z' },
        { state: 'queued', at: '2025-11-23T10:00:01Z' },
      ],
    });
    store.events({ op: 'events', events: [{ seq: 2, at: 'x', type: 'command.updated', command: queued }] });
    frames.runFrame();
    store.mergeCommands([command({ id: 'c1', assetId: 'school-1', state: 'requested' })]);
    expect(store.getCommand('c1')!.state).toBe('queued');
    expect(store.commandsForAsset('school-1').map((c) => c.id)).toEqual(['c1']);
  });

  it('flies the map when a selection asks for it', () => {
    const { store, frames } = storeWithFrames();
    store.snapshot(snapshot(1, [asset({ id: 'cam-1', kind: 'camera' })]), 'operateur');
    frames.runFrame();
    const flown: string[] = [];
    store.onFly((a) => flown.push(a.id));
    store.select('cam-1');
    store.select('cam-1', { fly: true });
    expect(flown).toEqual(['cam-1']);
    expect(store.getView().selectedAssetId).toBe('cam-1');
  });

  it('tells who listens which alarms were raised live, once per frame, never those of a snapshot', () => {
    const { store, frames } = storeWithFrames();
    const raised: string[][] = [];
    store.onAlarmsRaised((alarms) => raised.push(alarms.map((a) => a.id)));
    store.snapshot(snapshot(1, [asset({ id: 'b-1' })], [alarm({ id: 'old', assetId: 'b-1' })]), 'operateur');
    frames.runFrame();
    store.events({
      op: 'events',
      events: [
        { seq: 2, at: 'x', type: 'alarm.raised', alarm: alarm({ id: 'a2', assetId: 'b-1' }) },
        { seq: 3, at: 'x', type: 'alarm.raised', alarm: alarm({ id: 'a3', assetId: 'b-1' }) },
        { seq: 4, at: 'x', type: 'alarm.updated', alarm: alarm({ id: 'a2', assetId: 'b-1', state: 'acknowledged' }) },
      ],
    });
    frames.runFrame();
    expect(raised).toEqual([['a2', 'a3']]);
  });
});
