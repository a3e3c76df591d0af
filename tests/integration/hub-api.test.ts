import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse, MAX_CLIENT_FRAME_BYTES } from '../../shared/protocol/messages';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * The hub's public surface (hub-contract.md) over a real WebSocket, with a real SQLite file and
 * uplinks arriving through the hub's real MQTT broker.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
const airSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;
const thermostat = territory.devices.find((d) => d.assetId === school.id && d.model === 'mclimate-vicki')!;
const foreignCommune = territory.communes.find((c) => c.code !== school.commune)!.code;
/** An account no other test uses: it ends up locked. */
const guessedAccount = `elu-${territory.communes[territory.communes.length - 1]!.code}`;

describe('hub over WebSocket', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  const clients: HubClient[] = [];
  const connect = async () => {
    const client = await HubClient.connect(test.hub.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    test = await startTestHub();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await test.stop();
  });

  it('answers /api/health with the contract’s fields', async () => {
    const body = HealthResponse.parse(await (await fetch(`${test.hub.url}/api/health`)).json());
    expect(body).toMatchObject({ status: 'ok', version: '0.1.0' });
    expect(body.seq).toBeGreaterThanOrEqual(0);
  });

  it('refuses a wrong password with a French message, and every op before login', async () => {
    const client = await connect();
    const wrong = await client.request('login', { username: 'operateur', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth.invalid' } });
    expect((wrong.error as { message: string }).message).toMatch(/mot de passe incorrect/);
    expect(await client.request('subscribe')).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });

  it('slows down password guessing on an account, with a French message saying how long to wait', async () => {
    const client = await connect();
    for (let i = 0; i < 5; i++) {
      expect(await client.request('login', { username: guessedAccount, password: `essai-${i}` })).toMatchObject({ error: { code: 'auth.invalid' } });
    }
    const locked = await client.request('login', { username: guessedAccount, password: 'beffroi' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'rate-limited', details: { retryAfterS: 30 } } });
    expect((locked.error as { message: string }).message).toBe('Trop de tentatives de connexion : réessayez dans 1 min.');
    // Colleagues on the same address are not locked out.
    expect(await client.request('login', { username: 'operateur', password: 'beffroi' })).toMatchObject({ ok: true });
    const failures = await test.hub.context.db.all("SELECT address FROM audit WHERE action = 'login.failed' AND actor = ?", [guessedAccount]);
    expect(failures).toHaveLength(5);
  });

  it('gives an operator the whole territory with devices, an elected official only their commune', async () => {
    const operator = await connect();
    const login = await operator.login('operateur');
    expect(login.session).toMatchObject({ user: { username: 'operateur', role: 'operator', communes: [] } });
    await operator.request('subscribe');
    const snapshot = await operator.waitFor((m) => m.op === 'snapshot');
    const assets = snapshot.assets as { id: string; commune: string; devices?: unknown[]; accepts?: unknown[] }[];
    expect(assets.find((a) => a.id === school.id)?.accepts).toEqual([{ type: 'heating.setpoint', minC: 16, maxC: 22, stepC: 0.1 }, { type: 'heating.override' }, { type: 'heating.schedule' }]);
    // The planned LoRaWAN gateways are on the command post's map too.
    expect(assets).toHaveLength(territory.assets.length + territory.gateways.length);
    expect(assets.find((a) => a.id === school.id)?.devices).toEqual(
      expect.arrayContaining([{ devEui: thermostat.devEui, model: 'mclimate-vicki' }]),
    );

    const elected = await connect();
    await elected.login(`elu-${school.commune}`);
    await elected.request('subscribe');
    const scoped = await elected.waitFor((m) => m.op === 'snapshot');
    const scopedAssets = scoped.assets as { commune: string; kind: string; devices?: unknown }[];
    expect(scopedAssets.length).toBeGreaterThan(0);
    // Gateways are technical data, like device identifiers: not on an elected official's map.
    expect(scopedAssets.some((a) => a.kind === 'gateway')).toBe(false);
    expect(scopedAssets.every((a) => a.commune === school.commune && a.devices === undefined)).toBe(true);
    expect((scoped.territory as { communes: { code: string }[] }).communes.map((c) => c.code)).toEqual([school.commune]);
  });

  it.each([
    ['not JSON', '{"op":', 'message.malformed'],
    ['a known op without id', '{"op":"ping"}', 'invalid'],
    ['an array', '[1,2,3]', 'message.malformed'],
  ])('answers %s with an error message and stays up', async (_what, frame, code) => {
    const client = await connect();
    client.sendRaw(frame);
    const error = await client.waitFor((m) => m.op === 'error');
    expect(error.error).toMatchObject({ code });
    await client.login('operateur');
    expect(await client.request('ping')).toMatchObject({ ok: true });
  });

  it('answers unknown ops, invalid fields and oversized frames with stable codes', async () => {
    const client = await connect();
    await client.login('operateur');
    expect(await client.request('asset.delete', { assetId: school.id })).toMatchObject({ ok: false, error: { code: 'op.unknown' } });
    expect(await client.request('subscribe', { since: 'hier' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    client.sendRaw(JSON.stringify({ op: 'ping', id: 'big', pad: 'x'.repeat(MAX_CLIENT_FRAME_BYTES) }));
    expect((await client.waitFor((m) => m.op === 'error' && (m.error as { code: string }).code === 'message.too-large')).error).toBeTruthy();
    expect(await client.request('ping')).toMatchObject({ ok: true });
  });

  it('answers a flooding console with rate-limited and keeps the others served', async () => {
    const flooder = await connect();
    const bystander = await connect();
    await bystander.login('operateur');
    for (let i = 0; i < 400; i++) flooder.sendRaw(JSON.stringify({ op: 'ping', id: `f${i}` }));
    // Refused requests are answered with their own id, so a client can settle and retry them.
    const refused = await flooder.waitFor((m) => m.op === 'reply' && (m.error as { code?: string } | undefined)?.code === 'rate-limited');
    expect(refused.id).toMatch(/^f\d+$/);
    expect((refused.error as { message: string }).message).toMatch(/patientez quelques secondes/);
    expect(await bystander.request('ping')).toMatchObject({ ok: true });
  });

  it('refuses commands on unknown or foreign assets, out of range or unsupported, in French', async () => {
    const operator = await connect();
    await operator.login('operateur');
    const unknown = await operator.request('command.send', { assetId: 'bld-00000-999', command: { type: 'heating.setpoint', celsius: 19 } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const tooHot = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 45 } });
    expect(tooHot).toMatchObject({ ok: false, error: { code: 'command.out-of-range', details: { min: 16, max: 22 } } });
    expect((tooHot.error as { message: string }).message).toBe(
      'Consigne refusée : elle doit être comprise entre 16 et 22 °C pour ce bâtiment (demandé : 45 °C).',
    );
    const gateOnSchool = await operator.request('command.send', { assetId: school.id, command: { type: 'gate.set', position: 'open' } });
    expect(gateOnSchool).toMatchObject({ ok: false, error: { code: 'command.unsupported' } });

    const elected = await connect();
    await elected.login(`elu-${foreignCommune}`);
    const foreign = await elected.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19 } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const oncall = await connect();
    await oncall.login('astreinte');
    const forbidden = await oncall.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19 } });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('streams an alarm raised by a real uplink to every console; an acknowledgement reaches them all', async () => {
    const [a, b, foreign] = [await connect(), await connect(), await connect()];
    await a.login('operateur');
    await b.login('astreinte');
    await foreign.login(`elu-${foreignCommune}`);
    for (const c of [a, b, foreign]) await c.request('subscribe');

    const sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, airSensor.devEui);
    await sensor.uplink({ battery: 90, temperature: 21.5, humidity: 45, co2: 1800 });
    const isRaised = (m: Record<string, unknown>) =>
      m.op === 'events' && (m.events as { type: string; alarm?: { assetId: string } }[]).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === school.id);
    const raised = await a.waitFor(isRaised);
    await b.waitFor(isRaised);
    const alarm = (raised.events as { type: string; alarm: { id: string; message: string; priority: string } }[]).find((e) => e.type === 'alarm.raised')!.alarm;
    expect(alarm).toMatchObject({ priority: 'medium' });
    expect(alarm.message).toMatch(/CO₂ élevé : 1\u202f800 ppm/);

    const ack = await b.request('alarm.acknowledge', { alarmId: alarm.id, comment: 'Fenêtres ouvertes par la directrice' });
    expect(ack).toMatchObject({ ok: true, alarm: { state: 'acknowledged', acknowledgedBy: 'astreinte' } });
    const seenByA = await a.waitFor(
      (m) => m.op === 'events' && (m.events as { alarm?: { id: string; state: string } }[]).some((e) => e.alarm?.id === alarm.id && e.alarm.state === 'acknowledged'),
    );
    expect(seenByA).toBeTruthy();
    const again = await a.request('alarm.acknowledge', { alarmId: alarm.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'alarm.not-active' } });

    // Nothing of that school's commune reached the foreign elected official.
    await a.request('ping');
    expect(foreign.events().every((e) => JSON.stringify(e).includes(school.id) === false)).toBe(true);
    await sensor.close();
  });

  it('replays exactly what a reconnecting console missed, by seq', async () => {
    const first = await connect();
    await first.login('operateur');
    const seq = Number((await first.request('subscribe')).seq);
    await first.close();

    const sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, airSensor.devEui);
    await sensor.uplink({ battery: 89, temperature: 22, humidity: 46, co2: 650 });
    await sensor.uplink({ battery: 89, temperature: 22.5, humidity: 47, co2: 600 });
    const watcher = await connect();
    await watcher.login('admin');
    await watcher.request('subscribe');
    await watcher.waitFor((m) => JSON.stringify(m).includes('"co2Ppm":600'));

    const back = await connect();
    await back.login('operateur');
    const reply = await back.request('subscribe', { since: seq });
    expect(back.received.some((m) => m.op === 'snapshot')).toBe(false);
    const replayed = back.events();
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed[0]!.seq).toBe(seq + 1);
    expect(replayed.map((e) => e.seq)).toEqual(replayed.map((_, i) => seq + 1 + i));
    expect(replayed[replayed.length - 1]!.seq).toBe(reply.seq);
    await sensor.close();
  });
});
