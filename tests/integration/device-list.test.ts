import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * The device registry as the administration screen reads it: one page at a time, filtered in the
 * hub, each row with its asset and radio health; only the command post sees it, each user within
 * their scope. Retiring a device is an admin's audited act.
 */
const territory = generateTerritory('essonne');
const communeOf = (assetId: string) => territory.assets.find((a) => a.id === assetId)!.commune;
const home = communeOf(territory.devices[0]!.assetId);
const homeDevices = territory.devices.filter((d) => communeOf(d.assetId) === home);
const school = territory.assets.find((a) => a.category === 'school' && territory.devices.some((d) => d.assetId === a.id && d.model === 'milesight-am307'))!;
const schoolSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;
const otherSensor = territory.devices.find((d) => d.model === 'milesight-am307' && d.assetId !== school.id)!;

type Row = { devEui: string; model: string; asset: { id: string; commune: string; communeName: string }; health: Record<string, unknown> };

describe('device.list and device.remove', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let admin: HubClient;

  beforeAll(async () => {
    test = await startTestHub();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
  });

  afterAll(async () => {
    await admin.close();
    await test.stop();
  });

  it('pages the whole registry without sending it at once', async () => {
    const first = await admin.request('device.list', { limit: 50 });
    expect(first).toMatchObject({ ok: true, total: territory.devices.length, offset: 0 });
    expect(first.devices as Row[]).toHaveLength(50);
    const second = await admin.request('device.list', { offset: 50, limit: 50 });
    const firstIds = (first.devices as Row[]).map((d) => d.devEui);
    const secondIds = (second.devices as Row[]).map((d) => d.devEui);
    expect(secondIds).toHaveLength(50);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    const tooBig = await admin.request('device.list', { limit: 10_000 });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('filters in the hub by DevEUI, asset, model or commune, accents and case aside', async () => {
    const byEui = await admin.request('device.list', { query: schoolSensor.devEui.toUpperCase() });
    expect(byEui).toMatchObject({ total: 1, devices: [{ devEui: schoolSensor.devEui, model: 'milesight-am307', asset: { id: school.id, commune: school.commune } }] });
    const communeName = (byEui.devices as Row[])[0]!.asset.communeName;
    expect(communeName).not.toBe(school.commune);
    const byCommune = await admin.request('device.list', { query: communeName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase(), limit: 200 });
    expect((byCommune.devices as Row[]).every((d) => d.asset.communeName === communeName)).toBe(true);
    expect(byCommune.total).toBeGreaterThan(0);
    const none = await admin.request('device.list', { query: 'zzz-rien-de-tel' });
    expect(none).toMatchObject({ ok: true, total: 0, devices: [] });
  });

  it('reports the health the network metadata gave: last uplink, gateway, RSSI/SNR, lost uplinks, battery', async () => {
    const field = await FieldDevice.connect(test.hub.brokerUrl, territory, schoolSensor.devEui);
    await field.uplink({ battery: 87, temperature: 21, humidity: 40, co2: 600 });
    let row: Row | undefined;
    while (!row?.health.lastUplinkAt) {
      row = ((await admin.request('device.list', { query: schoolSensor.devEui })).devices as Row[])[0];
    }
    await field.close();
    expect(row.health).toMatchObject({ silent: false, gatewayId: '0016c001f0000001', rssiDbm: -97, snrDb: 6.5, batteryPercent: 87 });
    expect(Date.now() - Date.parse(row.health.lastUplinkAt as string)).toBeLessThan(60_000);
  });

  it('records joins per device, shown in the registry and journaled; a rejoin\'s counter reset is no lost uplink', async () => {
    const watcher = await HubClient.connect(test.hub.url);
    await watcher.login('admin');
    await watcher.request('subscribe', {});
    const field = await FieldDevice.connect(test.hub.brokerUrl, territory, otherSensor.devEui);
    const reading = { battery: 64, temperature: 20, humidity: 45, co2: 700 };
    const firstJoin = await field.join();
    await new Promise((r) => setTimeout(r, 50)); // as after the rejoin below
    for (let n = 0; n < 3; n++) await field.uplink(reading, { rssi: -110, snr: -2.5 }); // counters 0, 1, 2
    await new Promise((r) => setTimeout(r, 5)); // the rejoin is timed after the old session's last uplink
    const rejoin = await field.join();
    // A device speaks seconds after its join accept, never in the same millisecond.
    await new Promise((r) => setTimeout(r, 50));
    field.unheard(2); // counters 0 and 1 of the new session never reach a gateway
    await field.uplink(reading, { rssi: -104, snr: 1.5 }); // counter 2 again: the new session's, not a repeat
    let row: Row | undefined;
    while (!(row && (row.health.joinCount as number) >= 2 && Date.parse(row.health.lastUplinkAt as string) > Date.parse(rejoin))) {
      if (row) await new Promise((r) => setTimeout(r, 50)); // not faster than the hub's rate limit allows
      row = ((await admin.request('device.list', { query: otherSensor.devEui })).devices as Row[])[0];
    }
    expect(row.health).toMatchObject({ joinCount: 2, lastJoinAt: rejoin, uplinksLost: 2, rssiDbm: -104, snrDb: 1.5, batteryPercent: 64 });
    expect(test.hub.counters.duplicates).toBe(0);
    expect(Date.parse(firstJoin)).toBeLessThan(Date.parse(rejoin));
    // Consoles see the join live: the asset lists its device with the join time.
    await watcher.waitFor((m) =>
      m.op === 'events' &&
      (m.events as { type: string; asset?: { devices?: { devEui: string; lastJoinAt?: string }[] } }[]).some(
        (e) => e.type === 'asset.updated' && e.asset?.devices?.some((d) => d.devEui === otherSensor.devEui && d.lastJoinAt === rejoin),
      ),
    );
    await watcher.close();
    await field.close();
    // Stored on the device row, for the next start.
    expect(await test.hub.context.db.all('SELECT join_count, last_join_at, uplinks_lost, rssi_dbm FROM devices WHERE dev_eui = ?', [otherSensor.devEui])).toEqual([
      { join_count: 2, last_join_at: rejoin, uplinks_lost: 2, rssi_dbm: -104 },
    ]);
  });

  it('logs and counts the join of an unknown DevEUI, and goes on', async () => {
    const stranger = { ...territory, devices: [{ ...otherSensor, devEui: 'a84041ffffff0001' }] };
    const field = await FieldDevice.connect(test.hub.brokerUrl, stranger, 'a84041ffffff0001');
    await field.join();
    await field.close();
    while (test.hub.joinCounters.unknownDevices === 0) await new Promise((r) => setTimeout(r, 20));
    expect(await admin.request('device.list', { query: 'a84041ffffff0001' })).toMatchObject({ ok: true, total: 0 });
    expect(await admin.request('device.list', { query: otherSensor.devEui })).toMatchObject({ ok: true, total: 1 });
  });

  it('keeps each user to their scope, and the registry from on-call staff and elected officials', async () => {
    await admin.request('user.create', { username: 'operateur-local', password: 'un mot de passe long', role: 'operator', communes: [home] });
    const local = await HubClient.connect(test.hub.url);
    await local.login('operateur-local', 'un mot de passe long');
    const page = await local.request('device.list', { limit: 200 });
    expect(page).toMatchObject({ ok: true, total: homeDevices.length });
    expect((page.devices as Row[]).every((d) => d.asset.commune === home)).toBe(true);
    await local.close();

    for (const username of ['astreinte', `elu-${home}`]) {
      const client = await HubClient.connect(test.hub.url);
      await client.login(username);
      expect(await client.request('device.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await client.close();
    }
  });

  it('keeps an admin scoped to a commune from declaring on, or retiring from, a foreign asset', async () => {
    const foreignDevice = territory.devices.find((d) => communeOf(d.assetId) !== home && territory.assets.find((a) => a.id === d.assetId)!.kind === 'building')!;
    await admin.request('user.create', { username: 'admin-local', password: 'un mot de passe long', role: 'admin', communes: [home] });
    const local = await HubClient.connect(test.hub.url);
    await local.login('admin-local', 'un mot de passe long');
    const declared = await local.request('device.declare', { devEui: 'a84041000000d001', model: 'milesight-am307', assetId: foreignDevice.assetId });
    expect(declared).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((declared.error as { message: string }).message).toMatch(/introuvable/);
    expect(await local.request('device.remove', { devEui: foreignDevice.devEui })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await local.close();
    expect(test.hub.context.state.devices.has(foreignDevice.devEui)).toBe(true);
  });

  it('retires a device for admins only, audited; its next uplink lands in quarantine', async () => {
    const operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    expect(await operator.request('device.remove', { devEui: schoolSensor.devEui })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await operator.close();

    const field = await FieldDevice.connect(test.hub.brokerUrl, territory, schoolSensor.devEui);
    expect(await admin.request('device.remove', { devEui: schoolSensor.devEui })).toMatchObject({ ok: true, assetId: school.id });
    expect(await admin.request('device.remove', { devEui: schoolSensor.devEui })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await admin.request('device.list', { query: schoolSensor.devEui })).toMatchObject({ total: 0 });
    expect(await test.hub.context.db.all("SELECT target FROM audit WHERE action = 'device.remove'")).toEqual([{ target: schoolSensor.devEui }]);
    expect(await test.hub.context.db.all('SELECT dev_eui FROM devices WHERE dev_eui = ?', [schoolSensor.devEui])).toEqual([]);

    await field.uplink({ battery: 80, temperature: 21, humidity: 40, co2: 650 });
    await field.close();
    let quarantined: { devEui: string }[] = [];
    while (!quarantined.some((d) => d.devEui === schoolSensor.devEui)) {
      quarantined = (await admin.request('device.quarantine')).devices as { devEui: string }[];
    }
  });
});
