import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnCallRoster } from '../../shared/domain/oncall';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/** Rosters over real WebSockets: who may read, edit and ask who is on call, and what is audited. */
const territory = generateTerritory('essonne');
const [home, foreign] = territory.communes.map((c) => c.code) as [string, string];
const homeCamera = territory.assets.find((a) => a.commune === home)!;
const foreignAsset = territory.assets.find((a) => a.commune === foreign)!;

const roster = (name: string, levels: OnCallRoster['levels']) => ({ name, communes: [home], kinds: ['camera'], levels });
const rotation = (users: string[]) => ({ users, handoverDay: 1, handoverTime: '08:00', timeZone: 'Europe/Paris', startsOn: '2026-01-05' });

describe('on-call rosters', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  const clients = new Map<string, HubClient>();
  const as = (username: string) => clients.get(username)!;

  beforeAll(async () => {
    test = await startTestHub();
    for (const username of ['admin', 'operateur', 'astreinte', `elu-${home}`]) {
      const client = await HubClient.connect(test.hub.url);
      await client.login(username);
      clients.set(username, client);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...clients.values()].map((c) => c.close()));
    await test.stop();
  });

  it('ships the demo roster: astreinte at level 1, operateur at level 2, the whole territory', async () => {
    const reply = await as('operateur').request('oncall.now', { assetId: homeCamera.id });
    expect(reply).toMatchObject({ ok: true, onCall: [{ level: 1, username: 'astreinte' }, { level: 2, username: 'operateur' }] });
  });

  it('lets only an admin save a roster, audits it, and refuses unknown accounts with a clear message', async () => {
    const body = roster('Vidéoprotection', [{ level: 1, rotation: rotation(['astreinte', 'operateur']), exceptions: [] }]);
    for (const username of ['operateur', 'astreinte', `elu-${home}`]) {
      expect(await as(username).request('oncall.save', { roster: body })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const saved = await as('admin').request('oncall.save', { roster: body });
    expect(saved).toMatchObject({ ok: true, roster: { name: 'Vidéoprotection' } });
    const audited = await test.hub.context.db.all<{ actor: string; target: string }>("SELECT actor, target FROM audit WHERE action = 'oncall.create'");
    expect(audited).toEqual([{ actor: 'admin', target: (saved.roster as { id: string }).id }]);

    const unknown = await as('admin').request('oncall.save', { roster: roster('X', [{ level: 1, rotation: rotation(['personne']), exceptions: [] }]) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid', message: 'Compte inconnu ou désactivé : personne.' } });
    const noLevel1 = await as('admin').request('oncall.save', { roster: roster('X', [{ level: 2, rotation: rotation(['admin']), exceptions: [] }]) });
    expect(noLevel1).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const badTime = await as('admin').request('oncall.save', { roster: { ...body, levels: [{ level: 1, rotation: { ...rotation(['admin']), handoverTime: '25:00' } }] } });
    expect(badTime).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('shows the on-call user only the rosters they appear in, and contacts only to admins', async () => {
    await as('admin').request('oncall.save', { roster: roster('Sans astreinte', [{ level: 1, rotation: rotation(['admin']), exceptions: [] }]) });
    const mine = await as('astreinte').request('oncall.list');
    const names = (mine.rosters as { name: string }[]).map((r) => r.name);
    expect(names).toContain('Astreinte du territoire');
    expect(names).not.toContain('Sans astreinte');
    expect(mine.contacts).toEqual([{ username: 'astreinte', email: 'astreinte@demo.beffroi.example', phone: '+33600000001' }]);
    const all = await as('admin').request('oncall.list');
    expect((all.rosters as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect((all.contacts as unknown[]).length).toBe(2);
    expect(await as(`elu-${home}`).request('oncall.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers who is on call for a camera of the commune, by level, and next week too', async () => {
    const reply = await as('astreinte').request('oncall.now', { commune: home, kind: 'camera' });
    expect((reply.onCall as { level: number }[]).map((s) => s.level)).toEqual([1, 1, 1, 2]);
    const nextWeek = await as('admin').request('oncall.now', { commune: home, kind: 'camera', at: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(nextWeek).toMatchObject({ ok: true });
  });

  it('answers a foreign or unknown asset like an unknown one for an elected official', async () => {
    expect(await as(`elu-${home}`).request('oncall.now', { assetId: foreignAsset.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await as('astreinte').request('oncall.now', { assetId: 'cam-00000-000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await as('astreinte').request('alarm.notifications', { alarmId: 'al-inconnue' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lets a user set their own contact details, an admin anyone’s, audited without the addresses', async () => {
    expect(await as('astreinte').request('contact.set', { username: 'astreinte', phone: '+33611223344' })).toMatchObject({
      ok: true,
      contact: { username: 'astreinte', email: 'astreinte@demo.beffroi.example', phone: '+33611223344' },
    });
    expect(await as('astreinte').request('contact.set', { username: 'operateur', email: 'x@exemple.test' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await as('admin').request('contact.set', { username: 'operateur', email: null })).toMatchObject({ ok: true, contact: { username: 'operateur', phone: '+33600000002' } });
    expect(await as('admin').request('contact.set', { username: 'operateur', email: 'pas-une-adresse' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const details = await test.hub.context.db.all<{ details: string }>("SELECT details FROM audit WHERE action = 'contact.set'");
    expect(details.map((d) => JSON.parse(d.details))).toEqual([{ email: true, phone: true }, { email: false, phone: true }]);
  });
});
