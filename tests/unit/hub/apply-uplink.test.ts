import { describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { applyUplink, lostBetween, type IngestCounters } from '../../../electron/hub/ingest/apply-uplink';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const DEV_EUI = '24e124707c000001';

function setup() {
  const state = new TerritoryState();
  const room = assetRecord('building', { id: 'bld-91001-001' });
  state.addAsset(room);
  state.addDevice({ devEui: DEV_EUI, model: 'milesight-am307', assetId: room.asset.id, uplinkPeriodS: 60, silent: false });
  const counters: IngestCounters = { uplinks: 0, unknownDevices: 0, malformed: 0, duplicates: 0 };
  const { fPort, bytes } = getCodec('milesight-am307')!.encodeUplink!({ battery: 90, temperature: 21, humidity: 40, co2: 600 });
  const uplink = (fCnt: number, overrides: Partial<Parameters<typeof applyUplink>[0]> = {}) =>
    applyUplink({ devEui: DEV_EUI, fPort, fCnt, bytes, receivedAt: '2026-11-23T08:00:00.000Z', ...overrides }, state, new AlarmBook(state), counters, new ChangeSet(), () => undefined);
  return { room, counters, uplink };
}

describe('one uplink through decode and rules', () => {
  it('records the readings with radio quality, and counts uplinks lost in frame-counter gaps', () => {
    const { room, uplink } = setup();
    expect(uplink(10, { rssiDbm: -101, snrDb: 4.5 })).toBeUndefined();
    expect(room.asset.metrics).toMatchObject({ temperatureC: 21, co2Ppm: 600, batteryPercent: 90, rssiDbm: -101, snrDb: 4.5 });
    expect(room.asset.metrics.uplinksLost).toBeUndefined();
    uplink(14);
    expect(room.asset.metrics.uplinksLost).toBe(3);
    uplink(16);
    expect(room.asset.metrics.uplinksLost).toBe(4);
  });

  it('drops a repeated frame counter as a duplicate (QoS 1 redelivery)', () => {
    const { counters, uplink } = setup();
    uplink(7);
    uplink(7);
    expect(counters.duplicates).toBe(1);
  });

  it('drops an older frame delivered again after newer ones, but takes a rejoined device\'s reset counter', () => {
    const { room, counters, uplink } = setup();
    const at = (s: number) => `2026-11-23T08:00:${String(s).padStart(2, '0')}.000Z`;
    uplink(7, { receivedAt: at(7) });
    uplink(8, { receivedAt: at(8) });
    // The broker redelivers 7 (its PUBACK was lost in a network cut) after 8 was applied.
    expect(uplink(7, { receivedAt: at(7) })).toBeUndefined();
    expect(counters.duplicates).toBe(1);
    expect(room.asset.metrics.uplinksLost).toBeUndefined();
    // The device rejoined: its counter starts again, later in time.
    uplink(1, { receivedAt: at(30) });
    expect(counters.duplicates).toBe(1);
    expect(room.asset.updatedAt).toBe(at(30));
  });

  it('answers an unknown device and an unreadable payload with a reason, never a crash', () => {
    const { counters, uplink } = setup();
    expect(uplink(1, { devEui: 'ffffffffffffffff' })).toMatch(/appareil inconnu ffffffffffffffff/);
    expect(uplink(2, { bytes: Uint8Array.of(0x03, 0x67) })).toMatch(/milesight-am307, port 85, octet/);
    expect(counters).toMatchObject({ unknownDevices: 1, malformed: 1 });
  });

  it.each([
    [undefined, 5, 0],
    [5, 6, 0],
    [5, 9, 3],
    [40_000, 3, 0], // counter reset after a rejoin
    [3, 40_000, 0], // implausible jump
  ])('between frame counters %s and %s, %s uplinks were lost', (previous, current, lost) => {
    expect(lostBetween(previous, current)).toBe(lost);
  });
});
