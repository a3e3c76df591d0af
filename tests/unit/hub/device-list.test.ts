import { describe, expect, it } from 'vitest';
import { listDevices, prepareSearch } from '../../../electron/hub/api/device-list';
import { TerritoryState } from '../../../electron/hub/state/territory-state';

/** 250 schools over two communes, one sensor each; every tenth is « Mairie ». */
function registry(): TerritoryState {
  const state = new TerritoryState();
  for (let i = 0; i < 250; i++) {
    const commune = i % 2 === 0 ? '91377' : '91228';
    const id = `bld-${commune}-${i}`;
    const name = i % 10 === 0 ? `Mairie annexe ${i}` : `École élémentaire ${i}`;
    state.addAsset({ asset: { id, kind: 'building', name, commune, lon: 2, lat: 48, status: 'ok', metrics: {}, updatedAt: '2026-01-01T00:00:00Z' }, settings: {}, devices: [] });
    state.addDevice({ devEui: i.toString(16).padStart(16, '0'), model: 'milesight-am307', assetId: id, uplinkPeriodS: 900, silent: false });
  }
  return state;
}
const communes = new Map([['91377', 'Massy'], ['91228', 'Évry-Courcouronnes']]);
const admin = { username: 'admin', role: 'admin' as const, communes: [] };
const massyOperator = { username: 'op', role: 'operator' as const, communes: ['91377'] };

describe('listDevices', () => {
  it.each([
    [0, 100, 100],
    [200, 100, 50],
    [250, 100, 0],
  ])('pages the whole registry from %i by %i: %i rows', (offset, limit, rows) => {
    const page = listDevices(registry(), communes, admin, { query: '', offset, limit });
    expect(page.total).toBe(250);
    expect(page.devices).toHaveLength(rows);
    if (rows > 0) expect(page.devices[0]!.devEui).toBe(offset.toString(16).padStart(16, '0'));
  });

  it('keeps a scoped user to their communes, in total and in rows', () => {
    const page = listDevices(registry(), communes, massyOperator, { query: '', offset: 0, limit: 200 });
    expect(page.total).toBe(125);
    expect(page.devices.every((d) => d.asset.commune === '91377' && d.asset.communeName === 'Massy')).toBe(true);
  });

  it.each([
    ['mairie', 25],
    ['ECOLE evry', 125],
    ['massy mairie', 25],
    ['am307', 250],
    ['Milesight AM307', 250],
    ['00000000000000F9', 1],
    ['rien', 0],
  ])('finds « %s » in %i devices, accents and case aside', async (query, total) => {
    const state = registry();
    await prepareSearch(state, communes);
    expect(listDevices(state, communes, admin, { query, offset: 0, limit: 10 }).total).toBe(total);
  });

  it('finds a renamed asset under its new name', async () => {
    const state = registry();
    await prepareSearch(state, communes);
    state.assets.get('bld-91377-2')!.asset.name = 'Gymnase Jean-Zay';
    expect(listDevices(state, communes, admin, { query: 'jean-zay', offset: 0, limit: 10 }).devices.map((d) => d.asset.id)).toEqual(['bld-91377-2']);
  });

  it('gives each device its own health, not its asset\'s metrics', () => {
    const state = registry();
    const school = state.assets.get('bld-91377-0')!;
    school.asset.metrics = { rssiDbm: -70, snrDb: 9, uplinksLost: 40, batteryPercent: 99 };
    state.addDevice({ devEui: 'a840410000000001', model: 'milesight-am307', assetId: school.asset.id, uplinkPeriodS: 900, silent: false });
    Object.assign(state.devices.get('0000000000000000')!, {
      lastUplinkAt: Date.parse('2026-11-23T08:10:00Z'),
      rssiDbm: -112,
      snrDb: -4.25,
      batteryV: 3.4,
      lastJoinAt: Date.parse('2026-11-23T08:00:00Z'),
      joinCount: 2,
    });
    const rows = listDevices(state, communes, admin, { query: 'bld-91377-0 ', offset: 0, limit: 10 }).devices;
    const health = Object.fromEntries(rows.map((d) => [d.devEui, d.health]));
    expect(health['0000000000000000']).toEqual({
      lastUplinkAt: '2026-11-23T08:10:00.000Z',
      silent: false,
      gatewayId: null,
      rssiDbm: -112,
      snrDb: -4.25,
      uplinksLost: 0,
      batteryPercent: null,
      batteryV: 3.4,
      lastJoinAt: '2026-11-23T08:00:00.000Z',
      joinCount: 2,
    });
    expect(health['a840410000000001']).toMatchObject({ lastUplinkAt: null, rssiDbm: null, snrDb: null, uplinksLost: null, batteryPercent: null, lastJoinAt: null, joinCount: 0 });
  });
});
