import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * `command.send-group` over a real WebSocket: each asset is checked like `command.send` and
 * answered on its own (own, foreign, unknown, refused by bounds or by the asset), the accepted
 * ones are journaled and audited, and the group is audited once.
 */
const territory = generateTerritory('essonne');
const kindIn = (commune: string, kind: string) => territory.assets.filter((a) => a.commune === commune && a.kind === kind);
/** A commune with a gate and at least three cabinets, and another with a gate and a cabinet. */
const [home, foreign] = territory.communes
  .map((c) => c.code)
  .filter((code) => kindIn(code, 'gate').length > 0 && kindIn(code, 'lighting-cabinet').length >= 3) as [string, string];
const homeCabinets = kindIn(home, 'lighting-cabinet').slice(0, 3);
const foreignCabinet = kindIn(foreign, 'lighting-cabinet')[0]!;
const homeGate = kindIn(home, 'gate')[0]!;
const foreignGate = kindIn(foreign, 'gate')[0]!;
const school = territory.assets.find((a) => a.commune === home && a.category === 'school') ?? territory.assets.find((a) => a.category === 'school')!;
const PASSWORD = 'beffroi';

type Outcome = { assetId: string; commandId?: string; error?: { code: string; message: string } };

describe('command.send-group', () => {
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

  async function loginAs(username: string, password = PASSWORD): Promise<HubClient> {
    const client = await HubClient.connect(test.hub.url);
    expect(await client.request('login', { username, password })).toMatchObject({ ok: true });
    await client.request('subscribe');
    return client;
  }

  it('sends to every asset it may, reports the others one by one, and audits the group once', async () => {
    const operator = await loginAs('operateur');
    const ids = [...homeCabinets.map((c) => c.id), foreignCabinet.id, 'cab-00000-000', school.id, homeCabinets[0]!.id];
    const reply = await operator.request('command.send-group', { assetIds: ids, command: { type: 'lighting.dim', percent: 0 } });
    expect(reply).toMatchObject({ ok: true, sent: 4 });
    const outcomes = reply.outcomes as Outcome[];
    // In the order asked, the duplicate once.
    expect(outcomes.map((o) => o.assetId)).toEqual(ids.slice(0, -1));
    const sent = outcomes.filter((o) => o.commandId);
    expect(sent.map((o) => o.assetId)).toEqual([...homeCabinets.map((c) => c.id), foreignCabinet.id]);
    expect(outcomes.find((o) => o.assetId === 'cab-00000-000')?.error?.code).toBe('not-found');
    expect(outcomes.find((o) => o.assetId === school.id)?.error?.code).toBe('command.unsupported');

    // Each command is journaled and streamed like a single one.
    const history = await operator.request('asset.commands', { assetId: homeCabinets[1]!.id });
    expect(history.commands).toEqual([expect.objectContaining({ id: sent[1]!.commandId, type: 'lighting.dim', params: { percent: 0 }, requestedBy: 'operateur' })]);

    const group = await admin.request('audit.list', { action: 'command.send-group' });
    expect(group.entries).toEqual([
      expect.objectContaining({
        actor: 'operateur',
        details: expect.objectContaining({ type: 'lighting.dim', percent: 0, requested: 6, count: 4, assetIds: sent.map((o) => o.assetId), notFound: 1, refused: [{ assetId: school.id, code: 'command.unsupported' }] }),
      }),
    ]);
    const single = await admin.request('audit.list', { action: 'command.send', limit: 50 });
    const audited = (single.entries as { target: string; details: { commandId: string } }[]).map((e) => e.details.commandId);
    expect(audited).toEqual(expect.arrayContaining(sent.map((o) => o.commandId)));
    await operator.close();
  });

  it('lets an elected official open the gates of their commune only, foreign answering like unknown', async () => {
    const elected = await loginAs(`elu-${home}`);
    const reply = await elected.request('command.send-group', { assetIds: [homeGate.id, foreignGate.id, 'gate-00000-000'], command: { type: 'gate.set', position: 'open' } });
    expect(reply).toMatchObject({ ok: true, sent: 1 });
    const [own, other, unknown] = reply.outcomes as Outcome[];
    expect(own).toMatchObject({ assetId: homeGate.id, commandId: expect.any(String) });
    expect(other!.error).toEqual(unknown!.error);
    expect(other!.error?.code).toBe('not-found');
    // Lighting is not theirs: the whole group is refused, whatever the ids.
    expect(await elected.request('command.send-group', { assetIds: [homeCabinets[0]!.id], command: { type: 'lighting.dim', percent: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await elected.close();
  });

  it('refuses per asset what the account’s bounds do not allow', async () => {
    const password = 'un mot de passe solide';
    await admin.request('user.create', { username: 'regie-ep', password, role: 'operator', communes: [], grants: [{ type: 'lighting.dim', min: 0, max: 50 }] });
    const bounded = await loginAs('regie-ep', password);
    const ids = [homeCabinets[0]!.id, homeCabinets[1]!.id];
    const refused = await bounded.request('command.send-group', { assetIds: ids, command: { type: 'lighting.dim', percent: 80 } });
    expect(refused).toMatchObject({ ok: true, sent: 0 });
    expect((refused.outcomes as Outcome[]).map((o) => o.error?.code)).toEqual(['command.out-of-range', 'command.out-of-range']);
    const allowed = await bounded.request('command.send-group', { assetIds: ids, command: { type: 'lighting.dim', percent: 50 } });
    expect(allowed).toMatchObject({ ok: true, sent: 2 });
    const audit = await admin.request('audit.list', { action: 'command.send-group', actor: 'regie-ep' });
    const counts = (audit.entries as { details: { count: number; refused: unknown[] } }[]).map((e) => [e.details.count, e.details.refused.length]);
    expect(counts).toEqual(expect.arrayContaining([[0, 2], [2, 0]]));
    await bounded.close();
  });

  it('sets a lighting schedule on a group through the programmes', async () => {
    const operator = await loginAs('operateur');
    const schedule = { switchOnAfterSunsetMin: 10, switchOffAfterSunriseMin: -10, duskPercent: 100, dimming: [], exceptions: [] };
    const reply = await operator.request('command.send-group', { assetIds: homeCabinets.map((c) => c.id), command: { type: 'lighting.schedule', schedule } });
    expect(reply).toMatchObject({ ok: true, sent: 3 });
    const programmes = await operator.request('asset.programmes', { assetId: homeCabinets[2]!.id });
    expect(programmes).toMatchObject({ ok: true, lighting: expect.objectContaining({ duskPercent: 100 }) });
    await operator.close();
  });

  it('needs a login', async () => {
    const anonymous = await HubClient.connect(test.hub.url);
    expect(await anonymous.request('command.send-group', { assetIds: [homeGate.id], command: { type: 'gate.set', position: 'open' } })).toMatchObject({ ok: false, error: { code: 'auth.required' } });
    await anonymous.close();
  });

  it('takes no more than the protocol’s limit', async () => {
    const ids = Array.from({ length: 5001 }, (_, i) => `cab-x-${i}`);
    expect(await admin.request('command.send-group', { assetIds: ids, command: { type: 'lighting.dim', percent: 0 } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
