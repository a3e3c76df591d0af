import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCodec } from '../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * Devices nobody declared: their uplinks are kept in quarantine (never silently dropped) until an
 * admin declares the device against an asset, one by one or from a CSV file.
 */
const territory = generateTerritory('essonne');
const gym = territory.assets.find((a) => a.category === 'gym')!;
const library = territory.assets.find((a) => a.category === 'library')!;
const NEWCOMER = 'a84041000000abcd';

async function publishUnknownUplink(brokerUrl: string, devEui: string, fCnt: number, co2: number): Promise<void> {
  const client = await connectAsync(brokerUrl);
  const info = deviceInfoFor(territory.name, { devEui, model: 'milesight-am307', assetId: gym.id, uplinkPeriodS: 60 }, gym);
  const { fPort, bytes } = getCodec('milesight-am307')!.encodeUplink!({ battery: 95, temperature: 20, humidity: 45, co2 });
  const event = uplinkEvent({ info, deduplicationId: `q-${fCnt}`, time: new Date().toISOString(), devAddr: '01020304', fCnt, fPort, bytes, reception: { gatewayId: '0016c001f0000001', rssi: -99, snr: 5, dr: 5, frequency: 868_100_000, uplinkId: fCnt } });
  await client.publishAsync(topicOf(info, 'up'), JSON.stringify(event), { qos: 1 });
  await client.endAsync();
}

describe('device registry and quarantine', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let admin: HubClient;

  beforeAll(async () => {
    test = await startTestHub();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    await admin.request('subscribe');
  });

  afterAll(async () => {
    await admin.close();
    await test.stop();
  });

  it('keeps uplinks from an undeclared device in quarantine, with what it sent', async () => {
    await publishUnknownUplink(test.hub.brokerUrl, NEWCOMER, 1, 800);
    await publishUnknownUplink(test.hub.brokerUrl, NEWCOMER, 2, 820);
    let quarantined: { devEui: string; count: number; fPort: number; payloadHex: string | null; gatewayId: string | null }[] = [];
    while (!quarantined.some((d) => d.devEui === NEWCOMER && d.count === 2)) {
      quarantined = (await admin.request('device.quarantine')).devices as typeof quarantined;
    }
    expect(quarantined.find((d) => d.devEui === NEWCOMER)).toMatchObject({ fPort: 85, gatewayId: '0016c001f0000001', payloadHex: expect.stringMatching(/^[0-9a-f]+$/) });
  });

  it('adopts it: declared against an asset, its last quarantined uplink is replayed, its next ones update that asset', async () => {
    const operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    expect(await operator.request('device.declare', { devEui: NEWCOMER, model: 'milesight-am307', assetId: gym.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await operator.close();

    const declared = await admin.request('device.declare', { devEui: NEWCOMER.toUpperCase(), model: 'milesight-am307', assetId: gym.id, uplinkPeriodS: 300 });
    // The quarantine kept the second uplink (CO2 820 ppm): the gym shows it at once.
    expect(declared).toMatchObject({ ok: true, device: { devEui: NEWCOMER, model: 'milesight-am307' }, assetId: gym.id, replayed: 'decoded' });
    expect(test.hub.context.state.assets.get(gym.id)!.asset.metrics).toMatchObject({ co2Ppm: 820, rssiDbm: -99 });
    await admin.waitFor((m) => m.op === 'events' && JSON.stringify(m).includes(NEWCOMER));
    expect(((await admin.request('device.quarantine')).devices as { devEui: string }[]).map((d) => d.devEui)).not.toContain(NEWCOMER);

    await publishUnknownUplink(test.hub.brokerUrl, NEWCOMER, 3, 1900);
    const raised = await admin.waitFor(
      (m) => m.op === 'events' && (m.events as { type: string; alarm?: { assetId: string } }[]).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === gym.id),
    );
    expect(raised).toBeTruthy();
    const gymNow = test.hub.context.state.assets.get(gym.id)!.asset.metrics;
    expect(gymNow.co2Ppm).toBe(1900);
    // The replay's stand-in frame counter is not taken for 2 lost uplinks before fCnt 3.
    expect(gymNow.uplinksLost ?? 0).toBe(0);
  });

  it('leaves alone an asset another device reported to since the quarantined uplink', async () => {
    const late = 'a84041000000abce';
    const sensor = territory.devices.find((d) => d.assetId === library.id && d.model === 'milesight-am307')!;
    await publishUnknownUplink(test.hub.brokerUrl, late, 1, 1500);
    while (!((await admin.request('device.quarantine')).devices as { devEui: string }[]).some((d) => d.devEui === late));
    const field = await FieldDevice.connect(test.hub.brokerUrl, territory, sensor.devEui);
    await field.uplink({ battery: 90, temperature: 20, humidity: 45, co2: 700 });
    await field.close();
    while (test.hub.context.state.assets.get(library.id)!.asset.metrics.co2Ppm !== 700) await new Promise((r) => setTimeout(r, 20));

    const declared = await admin.request('device.declare', { devEui: late, model: 'milesight-am307', assetId: library.id });
    expect(declared).toMatchObject({ ok: true, replayed: 'superseded' });
    expect(test.hub.context.state.assets.get(library.id)!.asset.metrics.co2Ppm).toBe(700);
  });

  it.each([
    [{ devEui: NEWCOMER, model: 'milesight-am307', assetId: library.id }, /déjà déclaré/],
    [{ devEui: 'a84041000000beef', model: 'inconnu-x1', assetId: library.id }, /modèle inconnu/],
    [{ devEui: 'a84041000000beef', model: 'milesight-am307', assetId: 'bld-00000-999' }, /introuvable/],
  ])('refuses %j with a French reason', async (fields, reason) => {
    const reply = await admin.request('device.declare', fields);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((reply.error as { message: string }).message).toMatch(reason);
  });

  it('imports a CSV, applying the good lines and saying what is wrong with the others', async () => {
    const csv = [
      'DevEUI;modèle;équipement;période',
      `A84041000000C001;milesight-am307;${library.id};600`,
      `a84041000000c002,dragino-ldds75,${territory.assets.find((a) => a.kind === 'waste-container')!.id}`,
      `ZZZ;milesight-am307;${library.id}`,
      `a84041000000c003;milesight-am307;bld-00000-999`,
    ].join('\n');
    const reply = await admin.request('device.import', { csv });
    expect(reply).toMatchObject({ ok: true, declared: 2 });
    expect(reply.lines).toEqual([
      { line: 2, ok: true, devEui: 'a84041000000c001' },
      { line: 3, ok: true, devEui: 'a84041000000c002' },
      { line: 4, ok: false, field: 'devEui', error: expect.stringMatching(/DevEUI invalide/) },
      { line: 5, ok: false, field: 'assetId', devEui: 'a84041000000c003', error: expect.stringMatching(/introuvable/) },
    ]);
    const audit = await test.hub.context.db.all("SELECT target FROM audit WHERE action = 'device.declare' AND target LIKE 'a84041000000c%'");
    expect(audit).toEqual([{ target: 'a84041000000c001' }, { target: 'a84041000000c002' }]);
  });
});
