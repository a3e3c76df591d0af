import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceView } from '../../shared/domain/sources';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';
import { startMosquitto } from '../support/mosquitto';

/**
 * Field sources configured by an admin over the protocol: admin only, audited, the password never
 * sent back, applied at once (only the changed source reconnects), kept across a hub restart.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
const airSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;
const PASSWORD = 'mot-de-passe-du-courtier';

describe('field sources in the console', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let north: Awaited<ReturnType<typeof startMosquitto>>;
  let south: Awaited<ReturnType<typeof startMosquitto>>;
  let admin: HubClient;

  const listed = async (client: HubClient, name: string) =>
    ((await client.request('source.list')).sources as SourceView[]).find((s) => s.name === name);
  async function waitForLink(client: HubClient, name: string, link: string): Promise<SourceView> {
    for (let i = 0; ; i++) {
      const source = await listed(client, name);
      if (source?.status.link === link) return source;
      expect(i, `source ${name}: ${JSON.stringify(source?.status)} instead of ${link}`).toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** An uplink published on `brokerUrl` reaches the console. */
  async function uplinkThrough(brokerUrl: string, co2: number): Promise<void> {
    const sensor = await FieldDevice.connect(brokerUrl, territory, airSensor.devEui);
    await sensor.uplink({ battery: 90, temperature: 21, humidity: 45, co2 });
    await admin.waitFor((m) => JSON.stringify(m).includes(`"co2Ppm":${co2}`));
    await sensor.close();
  }

  beforeAll(async () => {
    [north, south] = await Promise.all([startMosquitto(), startMosquitto()]);
    test = await startTestHub();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    await admin.request('subscribe');
  });

  afterAll(async () => {
    await admin.close();
    await test.stop();
    await Promise.all([north.stop(), south.stop()]);
  });

  it('is refused to every other role', async () => {
    const operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    for (const [op, fields] of [
      ['source.list', {}],
      ['source.create', { source: { name: 'pirate', format: 'chirpstack', url: north.url } }],
      ['source.update', { name: 'mqtt-chirpstack', source: { format: 'chirpstack', url: north.url } }],
      ['source.delete', { name: 'mqtt-chirpstack' }],
    ] as const) {
      expect(await operator.request(op, fields)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await operator.close();
  });

  it('lists the embedded broker as read-only and connected', async () => {
    const embedded = await waitForLink(admin, 'mqtt-chirpstack', 'connected');
    expect(embedded).toMatchObject({ origin: 'embedded', format: 'chirpstack', hasPassword: false });
    const edit = await admin.request('source.update', { name: 'mqtt-chirpstack', source: { format: 'tts', url: north.url } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((edit.error as { message: string }).message).toMatch(/courtier embarqué/);
  });

  it('adds a source that connects at once, without ever sending its password back', async () => {
    const created = await admin.request('source.create', {
      source: { name: 'syndicat', format: 'chirpstack', url: north.url, username: 'beffroi' },
      password: PASSWORD,
    });
    expect(created).toMatchObject({ ok: true, source: { name: 'syndicat', origin: 'console', hasPassword: true, username: 'beffroi' } });
    await waitForLink(admin, 'syndicat', 'connected');
    await uplinkThrough(north.url, 1234);
    const after = await listed(admin, 'syndicat');
    expect(after!.status.messages).toBeGreaterThan(0);
    expect(after!.status.lastMessageAt).toBeDefined();

    const audit = await admin.request('audit.list', { action: 'source.create' });
    expect(audit.entries).toEqual([expect.objectContaining({ actor: 'admin', target: 'syndicat' })]);
    for (const reply of [created, await admin.request('source.list'), audit]) expect(JSON.stringify(reply)).not.toContain(PASSWORD);
  });

  it('moves a source to another broker: only it reconnects, and the password is kept', async () => {
    const embedded = test.hub.context.sources!.mqtt('mqtt-chirpstack');
    const moved = await admin.request('source.update', { name: 'syndicat', source: { format: 'chirpstack', url: south.url, username: 'beffroi' } });
    expect(moved).toMatchObject({ ok: true, source: { url: south.url, hasPassword: true } });
    await waitForLink(admin, 'syndicat', 'connected');
    await uplinkThrough(south.url, 1235);
    expect(test.hub.context.sources!.mqtt('mqtt-chirpstack'), 'the embedded source was restarted').toBe(embedded);
    const cleared = await admin.request('source.update', { name: 'syndicat', source: { format: 'chirpstack', url: south.url }, password: null });
    expect(cleared).toMatchObject({ ok: true, source: { hasPassword: false } });
  });

  it('refuses bad settings with a French reason', async () => {
    const badUrl = await admin.request('source.create', { source: { name: 'faux', format: 'chirpstack', url: 'http://courtier' } });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((badUrl.error as { message: string }).message).toMatch(/adresse du courtier invalide/);
    const taken = await admin.request('source.create', { source: { name: 'syndicat', format: 'tts', url: north.url } });
    expect((taken.error as { message: string }).message).toMatch(/s’appelle déjà/);
    const noCa = await admin.request('source.create', { source: { name: 'tls', format: 'chirpstack', url: 'mqtts://127.0.0.1:8883', tls: { ca: '/nulle/part/ca.pem' } } });
    expect((noCa.error as { message: string }).message).toMatch(/introuvable sur le serveur du hub/);
  });

  it('says in French why a source cannot connect, and a disabled one stays off', async () => {
    await admin.request('source.create', { source: { name: 'injoignable', format: 'tts', url: 'mqtt://127.0.0.1:1' } });
    const down = await waitForLink(admin, 'injoignable', 'error');
    expect(down.status.reason).toMatch(/connexion refusée/);
    await admin.request('source.update', { name: 'injoignable', source: { format: 'tts', url: 'mqtt://127.0.0.1:1', enabled: false } });
    expect((await listed(admin, 'injoignable'))!.status.link).toBe('disabled');
  });

  it('keeps console sources across a hub restart, and deletes them for good', async () => {
    await admin.close();
    await test.restart();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    await admin.request('subscribe');
    const kept = await waitForLink(admin, 'syndicat', 'connected');
    expect(kept).toMatchObject({ url: south.url, hasPassword: false, origin: 'console' });
    await uplinkThrough(south.url, 1236);

    expect(await admin.request('source.delete', { name: 'syndicat' })).toMatchObject({ ok: true, name: 'syndicat' });
    expect(await listed(admin, 'syndicat')).toBeUndefined();
    expect(test.hub.context.sources!.mqtt('syndicat')).toBeUndefined();
    expect(await admin.request('source.delete', { name: 'syndicat' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
