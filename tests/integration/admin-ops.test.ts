import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/hub/audit/audit-chain';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/** User administration and the audit trail over the protocol, admin only. */
describe('administration', () => {
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

  it('is refused to every other role', async () => {
    const operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    for (const [op, fields] of [
      ['user.list', {}],
      ['user.create', { username: 'pirate', password: 'un mot de passe long', role: 'admin', communes: [] }],
      ['user.revoke-sessions', { username: 'admin' }],
      ['audit.list', {}],
      ['audit.export', {}],
    ] as const) {
      expect(await operator.request(op, fields)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await operator.close();
  });

  it('creates an account that can log in, and refuses weak or inconsistent ones in French', async () => {
    const created = await admin.request('user.create', { username: 'chef-equipe', password: 'une phrase de passe', role: 'operator', communes: [] });
    expect(created).toMatchObject({ ok: true, user: { username: 'chef-equipe', role: 'operator', disabled: false } });
    const newcomer = await HubClient.connect(test.hub.url);
    expect(await newcomer.request('login', { username: 'chef-equipe', password: 'une phrase de passe' })).toMatchObject({ ok: true });
    await newcomer.close();
    const list = await admin.request('user.list');
    expect((list.users as { username: string }[]).map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'operateur', 'chef-equipe']));
    expect(JSON.stringify(list)).not.toMatch(/argon2/);

    const weak = await admin.request('user.create', { username: 'faible', password: 'court', role: 'operator', communes: [] });
    expect(weak).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((weak.error as { message: string }).message).toMatch(/12 caractères au moins/);
    const noCommune = await admin.request('user.create', { username: 'elu-sans-commune', password: 'une phrase de passe', role: 'elected', communes: [] });
    expect(noCommune).toMatchObject({ ok: false, error: { code: 'invalid', message: 'Un élu doit avoir au moins une commune.' } });
    const duplicate = await admin.request('user.create', { username: 'operateur', password: 'une phrase de passe', role: 'operator', communes: [] });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('revokes a user’s sessions: their consoles drop at once and the token no longer resumes', async () => {
    const victim = await HubClient.connect(test.hub.url);
    const login = await victim.login('astreinte');
    await victim.request('subscribe');
    const token = (login.session as { token: string }).token;

    const reply = await admin.request('user.revoke-sessions', { username: 'astreinte' });
    expect(reply).toMatchObject({ ok: true, revoked: 1 });
    const dropped = await victim.waitFor((m) => m.op === 'error');
    expect(dropped.error).toMatchObject({ code: 'auth.expired', message: 'Votre session a été fermée par un administrateur.' });
    expect(await victim.request('ping')).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    expect(await victim.request('resume', { token })).toMatchObject({ ok: false, error: { code: 'auth.expired' } });
    await victim.close();
  });

  it('disables an account, and keeps an admin from demoting or disabling themselves', async () => {
    expect(await admin.request('user.update', { username: 'chef-equipe', disabled: true })).toMatchObject({ ok: true, user: { disabled: true } });
    const locked = await HubClient.connect(test.hub.url);
    expect(await locked.request('login', { username: 'chef-equipe', password: 'une phrase de passe' })).toMatchObject({ ok: false, error: { code: 'auth.invalid' } });
    await locked.close();
    expect(await admin.request('user.update', { username: 'admin', role: 'operator' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('lists the audit trail, newest first, filtered by action, with an intact chain', async () => {
    const all = await admin.request('audit.list', { limit: 500 });
    const actions = (all.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['login', 'user.create', 'user.revoke-sessions', 'user.update']));
    const ids = (all.entries as { id: number }[]).map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const creations = await admin.request('audit.list', { action: 'user.create' });
    expect(creations.entries).toEqual([expect.objectContaining({ actor: 'admin', target: 'chef-equipe', details: { role: 'operator', communes: [] } })]);
    expect(await verifyAudit(test.hub.context.db)).toMatchObject({ ok: true });
  });

  it('exports the filtered trail as CSV for a French spreadsheet, and audits the export', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const reply = await admin.request('audit.export', { action: 'user.create', from });
    expect(reply).toMatchObject({ ok: true, rows: 1, truncated: false });
    const lines = (reply.csv as string).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id;horodatage;acteur;adresse;action;cible;détails;empreinte');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/;admin;.*;user\.create;chef-equipe;"\{""role"":""operator"",""communes"":\[\]\}";[0-9a-f]{64}$/);

    const future = await admin.request('audit.export', { from: new Date(Date.now() + 3600_000).toISOString() });
    expect(future).toMatchObject({ ok: true, rows: 0 });
    const exports = await admin.request('audit.list', { action: 'audit.export' });
    expect(exports.entries).toEqual([
      expect.objectContaining({ actor: 'admin', details: { rows: 0, filter: { from: expect.any(String) } } }),
      expect.objectContaining({ actor: 'admin', details: { rows: 1, filter: { action: 'user.create', from } } }),
    ]);
    expect(await verifyAudit(test.hub.context.db)).toMatchObject({ ok: true });
  });
});
