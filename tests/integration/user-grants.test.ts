import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * Per-user grants and sites, end to end: an admin stores them, the user's session carries them,
 * the hub enforces them on commands and on everything it streams.
 */
const territory = generateTerritory('essonne');
const commune = territory.communes
  .map((c) => c.code)
  .find((code) => territory.assets.filter((a) => a.commune === code && a.kind === 'waste-container').length >= 2 && territory.assets.some((a) => a.commune === code && a.category === 'school'))!;
const school = territory.assets.find((a) => a.commune === commune && a.category === 'school')!;
const [siteBin, otherBin] = territory.assets.filter((a) => a.commune === commune && a.kind === 'waste-container') as [(typeof territory.assets)[number], (typeof territory.assets)[number]];
const PASSWORD = 'un mot de passe solide';

describe('user grants and sites', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let admin: HubClient;

  beforeAll(async () => {
    test = await startTestHub();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    await admin.request('subscribe');
  }, 60_000);

  afterAll(async () => {
    await admin.close();
    await test.stop();
  });

  async function loginAs(username: string): Promise<{ client: HubClient; user: Record<string, unknown> }> {
    const client = await HubClient.connect(test.hub.url);
    const reply = await client.request('login', { username, password: PASSWORD });
    expect(reply).toMatchObject({ ok: true });
    return { client, user: (reply.session as { user: Record<string, unknown> }).user };
  }

  it('stores grants and sites, returns them in user.list and in the session, and audits them', async () => {
    const created = await admin.request('user.create', {
      username: 'maire-adjoint',
      password: PASSWORD,
      role: 'elected',
      communes: [commune],
      sites: [school.id, siteBin.id],
      grants: [{ type: 'heating.setpoint', min: 19, max: 20 }],
    });
    expect(created).toMatchObject({ ok: true, user: { sites: [school.id, siteBin.id], grants: [{ type: 'heating.setpoint', min: 19, max: 20 }] } });
    const listed = ((await admin.request('user.list')).users as { username: string }[]).find((u) => u.username === 'maire-adjoint');
    expect(listed).toMatchObject({ sites: [school.id, siteBin.id], grants: [{ type: 'heating.setpoint', min: 19, max: 20 }] });
    const { client, user } = await loginAs('maire-adjoint');
    expect(user).toEqual({ username: 'maire-adjoint', role: 'elected', communes: [commune], sites: [school.id, siteBin.id], grants: [{ type: 'heating.setpoint', min: 19, max: 20 }] });
    await client.close();
    const audit = await admin.request('audit.list', { action: 'user.create' });
    expect(audit.entries).toEqual([expect.objectContaining({ target: 'maire-adjoint', details: expect.objectContaining({ sites: [school.id, siteBin.id], grants: [{ type: 'heating.setpoint', min: 19, max: 20 }] }) })]);
  });

  it('refuses sites outside the account’s communes and grants that make no sense', async () => {
    const foreign = territory.assets.find((a) => a.commune !== commune)!;
    const base = { username: 'mauvais', password: PASSWORD, role: 'elected', communes: [commune] };
    expect(await admin.request('user.create', { ...base, sites: [foreign.id] })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/hors des communes du compte/) } });
    expect(await admin.request('user.create', { ...base, sites: ['nulle-part'] })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/inconnu/) } });
    expect(await admin.request('user.create', { ...base, grants: [{ type: 'heating.setpoint', min: 21, max: 18 }] })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/inversées/) } });
  });

  it('streams only the user’s sites: snapshot and events', async () => {
    const { client } = await loginAs('maire-adjoint');
    await client.request('subscribe');
    const snapshot = await client.waitFor((m) => m.op === 'snapshot');
    expect((snapshot.assets as { id: string }[]).map((a) => a.id).sort()).toEqual([school.id, siteBin.id].sort());
    expect((snapshot.territory as { communes: { code: string }[] }).communes.map((c) => c.code)).toEqual([commune]);

    // The other bin reports first: by the time the site's bin arrives, a leak would have shown.
    for (const bin of [otherBin, siteBin]) {
      const device = territory.devices.find((d) => d.assetId === bin.id)!;
      const field = await FieldDevice.connect(test.hub.brokerUrl, territory, device.devEui);
      await field.uplink({ battery: 90, distance: 10 });
      await admin.waitFor((m) => m.op === 'events' && (m.events as { type: string; alarm?: { assetId: string } }[]).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === bin.id));
      await field.close();
    }
    await client.waitFor((m) => m.op === 'events' && (m.events as { alarm?: { assetId: string } }[]).some((e) => e.alarm?.assetId === siteBin.id));
    const seen = client.events().map((e) => (e as { asset?: { id: string } }).asset?.id ?? (e as { alarm?: { assetId: string } }).alarm?.assetId);
    expect(seen).toContain(siteBin.id);
    expect(seen).not.toContain(otherBin.id);

    // Ops on a foreign site of the same commune answer like an unknown asset.
    expect(await client.request('asset.commands', { assetId: otherBin.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const otherAlarm = [...test.hub.context.state.alarms.values()].find((a) => a.assetId === otherBin.id)!;
    expect(await client.request('alarm.comment', { alarmId: otherAlarm.id, comment: 'vu' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await client.close();
  }, 60_000);

  it('enforces the user’s own bounds, and `grants: null` returns them to the role’s defaults', async () => {
    const send = async (client: HubClient, celsius: number) => client.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius } });
    let { client } = await loginAs('maire-adjoint');
    expect(await send(client, 19.5)).toMatchObject({ ok: true });
    expect(await send(client, 21)).toMatchObject({
      ok: false,
      error: { code: 'command.out-of-range', message: 'Consigne hors des limites autorisées pour votre compte : entre 19 et 20 °C.', details: { min: 19, max: 20, unit: '°C' } },
    });
    await client.close();

    expect(await admin.request('user.update', { username: 'maire-adjoint', grants: null, sites: [] })).toMatchObject({ ok: true, user: { username: 'maire-adjoint' } });
    const account = ((await admin.request('user.list')).users as { username: string; grants?: unknown; sites?: unknown }[]).find((u) => u.username === 'maire-adjoint')!;
    expect([account.grants, account.sites]).toEqual([undefined, undefined]);
    ({ client } = await loginAs('maire-adjoint'));
    expect(await send(client, 21)).toMatchObject({ ok: true });
    expect(await send(client, 21.5)).toMatchObject({ ok: false, error: { code: 'command.out-of-range', message: 'Consigne hors des limites autorisées pour votre compte : entre 18 et 21 °C.' } });
    await client.close();

    const refusals = await admin.request('audit.list', { action: 'command.forbidden', actor: 'maire-adjoint' });
    expect((refusals.entries as { details: { refusal: string } }[]).map((e) => e.details.refusal)).toEqual(['command.out-of-range', 'command.out-of-range']);
    const updates = await admin.request('audit.list', { action: 'user.update' });
    expect(updates.entries).toEqual([expect.objectContaining({ target: 'maire-adjoint', details: expect.objectContaining({ grants: 'défauts du rôle' }) })]);
  }, 60_000);
});
