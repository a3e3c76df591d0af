import { describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { applyJoin, type JoinCounters } from '../../../electron/hub/ingest/apply-join';
import { applyUplink, type IngestCounters } from '../../../electron/hub/ingest/apply-uplink';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const SENSOR = '24e124707c000001';
const OTHER = '24e124707c000002';
const at = (minute: number) => `2026-11-23T08:${String(minute).padStart(2, '0')}:00.000Z`;

/** A classroom with two air sensors: each keeps its own radio health. */
function setup() {
  const state = new TerritoryState();
  const room = assetRecord('building', { id: 'bld-91001-001' });
  state.addAsset(room);
  for (const devEui of [SENSOR, OTHER]) state.addDevice({ devEui, model: 'milesight-am307', assetId: room.asset.id, uplinkPeriodS: 60, silent: false });
  const ingest: IngestCounters = { uplinks: 0, unknownDevices: 0, malformed: 0, duplicates: 0 };
  const joins: JoinCounters = { joins: 0, unknownDevices: 0 };
  const { fPort, bytes } = getCodec('milesight-am307')!.encodeUplink!({ battery: 90, temperature: 21, humidity: 40, co2: 600 });
  const uplink = (fCnt: number, minute: number, overrides: Partial<Parameters<typeof applyUplink>[0]> = {}) =>
    applyUplink({ devEui: SENSOR, fPort, fCnt, bytes, receivedAt: at(minute), ...overrides }, state, new AlarmBook(state), ingest, new ChangeSet(), () => undefined);
  const join = (minute: number, devEui = SENSOR, changes = new ChangeSet()) => applyJoin({ devEui, joinedAt: at(minute) }, state, joins, changes);
  return { state, room, ingest, joins, uplink, join, device: (devEui = SENSOR) => state.devices.get(devEui)! };
}

describe('a device joining the network', () => {
  it('records its last join time and join count, and journals its asset listing the join', () => {
    const { join, joins, device } = setup();
    const changes = new ChangeSet();
    expect(join(1, SENSOR, changes)).toBeUndefined();
    const { events, writes } = changes.drain();
    expect(events).toHaveLength(1);
    expect(events[0]!.body).toMatchObject({ type: 'asset.updated', asset: { devices: [{ devEui: SENSOR, lastJoinAt: at(1) }, { devEui: OTHER }] } });
    expect(writes.some((w) => w.sql.includes('INSERT INTO devices') && w.params.includes(at(1)))).toBe(true);
    join(5);
    expect(device()).toMatchObject({ lastJoinAt: Date.parse(at(5)), joinCount: 2 });
    expect(joins.joins).toBe(2);
  });

  it('takes the same join delivered twice, or an older one arriving late, as nothing new', () => {
    const { join, device } = setup();
    join(5);
    join(5);
    join(3);
    expect(device()).toMatchObject({ lastJoinAt: Date.parse(at(5)), joinCount: 1 });
  });

  it('answers an unknown DevEUI with a reason and a count, never a crash', () => {
    const { join, joins } = setup();
    expect(join(1, 'ffffffffffffffff')).toMatch(/jonction d’un appareil inconnu ffffffffffffffff/);
    expect(joins).toEqual({ joins: 1, unknownDevices: 1 });
  });
});

describe('lost uplinks across a rejoin', () => {
  it('does not count the counter reset of a rejoin as lost uplinks, even to a counter below the old one', () => {
    const { uplink, join, device, ingest } = setup();
    uplink(3, 1);
    join(2);
    // New session: 0, then 1, 2, 3: the 3 equals the old session's last counter, yet is new.
    for (const [fCnt, minute] of [[0, 3], [1, 4], [2, 5], [3, 6]] as const) expect(uplink(fCnt, minute)).toBeUndefined();
    expect(ingest.duplicates).toBe(0);
    expect(device()).toMatchObject({ lastFCnt: 3, lastUplinkAt: Date.parse(at(6)) });
    expect(device().uplinksLost ?? 0).toBe(0);
  });

  it('takes the new session\'s first uplink even when its counter equals the old session\'s last', () => {
    const { uplink, join, device, ingest } = setup();
    uplink(1, 1);
    join(2);
    expect(uplink(1, 3)).toBeUndefined(); // counter 0 was lost
    expect(ingest.duplicates).toBe(0);
    expect(device()).toMatchObject({ lastUplinkAt: Date.parse(at(3)), uplinksLost: 1 });
  });

  it('counts the new session\'s first uplinks that never came, from counter 0', () => {
    const { uplink, join, device, room } = setup();
    uplink(500, 1);
    join(2);
    uplink(2, 3); // counters 0 and 1 were lost
    expect(device().uplinksLost).toBe(2);
    expect(room.asset.metrics.uplinksLost).toBe(2);
  });

  it('drops an uplink of the finished session delivered again after the rejoin', () => {
    const { uplink, join, device, ingest } = setup();
    uplink(40, 1);
    join(2);
    uplink(0, 3);
    uplink(40, 1); // QoS 1 redelivery of the old session's last uplink
    expect(ingest.duplicates).toBe(1);
    expect(device()).toMatchObject({ lastFCnt: 0 });
    expect(device().uplinksLost ?? 0).toBe(0);
  });
});

describe('health per device', () => {
  it('keeps each device\'s own RSSI, SNR, battery and lost uplinks, not its asset\'s', () => {
    const { uplink, device } = setup();
    uplink(10, 1, { rssiDbm: -101, snrDb: 4.5 });
    uplink(14, 2, { rssiDbm: -99, snrDb: 6 });
    uplink(1, 3, { devEui: OTHER, rssiDbm: -80, snrDb: 9 });
    expect(device()).toMatchObject({ rssiDbm: -99, snrDb: 6, batteryPercent: 90, uplinksLost: 3 });
    expect(device(OTHER)).toMatchObject({ rssiDbm: -80, snrDb: 9, batteryPercent: 90 });
    expect(device(OTHER).uplinksLost ?? 0).toBe(0);
  });
});
