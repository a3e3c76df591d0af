import { beforeEach, describe, expect, it } from 'vitest';
import { GATEWAY_SILENT_CONDITION } from '../../../shared/domain/alarms';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { AlarmCauses } from '../../../electron/hub/alarms/causes';
import { GatewayBook } from '../../../electron/hub/gateways/gateway-book';
import { gatewayAssetId } from '../../../electron/hub/gateways/gateway-asset';
import { sweepGateways } from '../../../electron/hub/gateways/gateway-sweep';
import { sweepSilences } from '../../../electron/hub/ingest/silence';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import type { DeviceRecord } from '../../../electron/hub/state/records';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const T0 = Date.parse('2026-11-23T18:00:00.000Z');
const s = (seconds: number) => T0 + seconds * 1000;
const GW1 = '7076ff0000000001';
const GW2 = '7076ff0000000002';
const PERIOD_S = 10;

/** Three bins, each with one sensor reporting every 10 s; which gateways heard each is per test. */
function territory() {
  const state = new TerritoryState();
  const devices: DeviceRecord[] = [];
  for (const n of [1, 2, 3]) {
    state.addAsset(assetRecord('waste-container', { id: `bin-${n}` }));
    const device: DeviceRecord = { devEui: `24e124310000000${n}`, model: 'milesight-em310-udl', assetId: `bin-${n}`, uplinkPeriodS: PERIOD_S, silent: false };
    state.addDevice(device);
    devices.push(device);
  }
  const alarms = new AlarmBook(state);
  const gateways = new GatewayBook(state);
  alarms.causes = new AlarmCauses(state, gateways, alarms);
  return { state, alarms, gateways, devices };
}

describe('gateways learnt from the metadata', () => {
  it('makes a gateway heard first an asset on the map, placed by the metadata, and counts what it hears', () => {
    const { state, gateways, devices } = territory();
    const changes = new ChangeSet();
    gateways.hear(devices[0]!, [{ gatewayId: GW1, rssiDbm: -100, snrDb: 3, location: { lon: 2.3, lat: 48.7 } }], s(0), changes);
    gateways.hear(devices[0]!, [{ gatewayId: GW1, rssiDbm: -90, snrDb: 7 }, { gatewayId: GW2, rssiDbm: -115 }], s(10), changes);
    const asset = state.assets.get(gatewayAssetId(GW1))!.asset;
    expect(asset).toMatchObject({ kind: 'gateway', lon: 2.3, lat: 48.7, commune: '91228', status: 'ok' });
    expect(gateways.gateways.get(GW1)).toMatchObject({ uplinks: 2, locationSource: 'metadata' });
    // GW2 gave no position: it stands (estimated) where the first device it heard stands.
    expect(gateways.gateways.get(GW2)).toMatchObject({ uplinks: 1, locationSource: 'estimated' });
    expect(gateways.linksOf(devices[0]!.devEui).map((l) => l.gatewayId)).toEqual([GW1, GW2]);
    expect(changes.drain().events.filter((e) => e.body.type === 'asset.updated')).toHaveLength(2);
  });
});

describe('« pas de données » grouped under a silent gateway', () => {
  let t: ReturnType<typeof territory>;
  beforeEach(() => {
    t = territory();
  });

  /** Every device heard at `atS` through the gateways given for it. */
  function hearAll(atS: number, gatewaysOf: (n: number) => string[]) {
    const changes = new ChangeSet();
    t.devices.forEach((device, i) => {
      const ids = gatewaysOf(i + 1);
      if (ids.length === 0) return;
      device.lastUplinkAt = s(atS);
      device.silent = false;
      t.gateways.hear(device, ids.map((gatewayId) => ({ gatewayId })), s(atS), changes);
    });
  }

  function sweep(atS: number) {
    const changes = new ChangeSet();
    sweepGateways(t.state, t.gateways, t.alarms, s(atS), T0, 3, changes);
    sweepSilences(t.state, t.alarms, s(atS), T0, changes);
    return changes;
  }

  const staleOf = (n: number) => t.alarms.activeAlarm(`bin-${n}`, 'device.silent');
  const gatewayAlarm = (id: string) => t.alarms.activeAlarm(gatewayAssetId(id), GATEWAY_SILENT_CONDITION);

  it.each([
    // which gateways heard bins 1, 2, 3 — which then stop; bins whose « pas de données » name GW1's alarm
    ['all three behind GW1 alone', [[GW1], [GW1], [GW1]], [1, 2, 3]],
    ['bin 3 also heard by GW2, still up', [[GW1], [GW1], [GW1, GW2]], [1, 2]],
    ['bin 2 only behind GW2, which fell too', [[GW1], [GW2], [GW1]], [1, 3]],
  ] as const)('%s', (_case, heard, grouped) => {
    // Everyone heard until 20 s; from then on only GW2 keeps hearing bins it covers that are not stopped.
    hearAll(0, (n) => [...heard[n - 1]!]);
    hearAll(20, (n) => [...heard[n - 1]!]);
    // Bin 3 keeps reporting through GW2 where it can, so GW2 stays up in the second case.
    const keepsGoing = (n: number) => (n === 3 && (heard[2] as readonly string[]).includes(GW2) ? [GW2] : []);
    for (const atS of [30, 40, 50, 60]) hearAll(atS, keepsGoing);
    sweep(60);
    const cause = gatewayAlarm(GW1)!;
    expect(cause).toMatchObject({ priority: 'high', state: 'unacknowledged' });
    expect(t.state.assets.get(gatewayAssetId(GW1))!.asset.status).toBe('offline');
    const children = [1, 2, 3].filter((n) => staleOf(n)?.causeAlarmId === cause.id);
    expect(children).toEqual(grouped);
  });

  it('adopts children raised before their gateway went silent, and journals the link', () => {
    hearAll(0, () => [GW1]);
    // The devices fall silent at 31 s, the gateway too; the silence sweep alone ran first.
    sweepSilences(t.state, t.alarms, s(31), T0, new ChangeSet());
    expect(staleOf(1)?.causeAlarmId).toBeUndefined();
    const changes = new ChangeSet();
    sweepGateways(t.state, t.gateways, t.alarms, s(35), T0, 3, changes);
    const cause = gatewayAlarm(GW1)!;
    expect([1, 2, 3].map((n) => staleOf(n)?.causeAlarmId)).toEqual([cause.id, cause.id, cause.id]);
    const updated = changes.drain().events.filter((e) => e.body.type === 'alarm.updated');
    expect(updated).toHaveLength(3);
  });

  it('clears the gateway alarm when it is heard again, and the children clear as their devices report', () => {
    hearAll(0, () => [GW1]);
    sweep(40);
    expect(gatewayAlarm(GW1)).toBeDefined();
    hearAll(45, () => [GW1]);
    sweep(46);
    expect(gatewayAlarm(GW1)).toBeUndefined();
    expect([1, 2, 3].map(staleOf)).toEqual([undefined, undefined, undefined]);
    expect(t.state.assets.get(gatewayAssetId(GW1))!.asset.status).toBe('ok');
  });
});

describe('« pas de données » grouped under a tripped cabinet feeder', () => {
  it('names the feeder fault as the cause of a silent device on a lamp it feeds', () => {
    const state = new TerritoryState();
    const cabinet = assetRecord('lighting-cabinet', { id: 'cab-1' });
    const lamp = assetRecord('street-lamp', { id: 'lamp-1' });
    lamp.asset.parentId = 'cab-1';
    state.addAsset(cabinet);
    state.addAsset(lamp);
    const controller: DeviceRecord = { devEui: 'aa00000000000001', model: 'milesight-ws558', assetId: 'lamp-1', uplinkPeriodS: 10, silent: false };
    state.addDevice(controller);
    const alarms = new AlarmBook(state);
    alarms.causes = new AlarmCauses(state, new GatewayBook(state), alarms);
    const changes = new ChangeSet();
    // The lamp's controller falls silent first, then the feeder trips: the fault adopts it.
    sweepSilences(state, alarms, s(31), T0, changes);
    const fault = alarms.raise(cabinet, 'cabinet.feeder-fault', 'high', 'Départ en défaut', new Date(s(32)).toISOString(), changes)!;
    expect(alarms.activeAlarm('lamp-1', 'device.silent')?.causeAlarmId).toBe(fault.id);
  });
});
