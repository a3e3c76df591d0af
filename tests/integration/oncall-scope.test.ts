import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/domain/alarms';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * The on-call role's scope: an on-call user sees, streamed and in snapshots, and acts on only the
 * alarms of the communes and kinds of the rosters they are on; other roles are untouched.
 */
const territory = generateTerritory('essonne');
const communesWith = (kind: string) => new Set(territory.assets.filter((a) => a.kind === kind).map((a) => a.commune));
const cameraCommunes = communesWith('camera');
const [home, foreign] = [...communesWith('waste-container')].filter((c) => cameraCommunes.has(c)) as [string, string];
const first = (commune: string, kind: string) => territory.assets.find((a) => a.commune === commune && a.kind === kind)!;
const rotation = { users: ['veilleur'], handoverDay: 1, handoverTime: '08:00', timeZone: 'Europe/Paris', startsOn: '2026-01-05' };

type Event = { type: string; alarm?: Alarm };

describe('on-call scope', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let admin: HubClient;
  let operator: HubClient;
  let watcher: HubClient;
  let rosterId: string;

  const raise = async (assetId: string): Promise<Alarm> => {
    const { context } = test.hub;
    const alarm = await context.writer.submit((changes) =>
      context.alarms.raise(context.state.assets.get(assetId)!, 'test.scope', 'high', 'Contrôle du périmètre d’astreinte', new Date().toISOString(), changes),
    );
    return { ...alarm! };
  };
  const streamedAlarmIds = (client: HubClient) => client.events().flatMap((e) => ((e as Event).alarm ? [(e as Event).alarm!.id] : []));
  const connect = async (username: string, password = 'beffroi') => {
    const client = await HubClient.connect(test.hub.url);
    await client.login(username, password);
    await client.request('subscribe');
    return client;
  };

  beforeAll(async () => {
    test = await startTestHub();
    admin = await connect('admin');
    operator = await connect('operateur');
    expect(await admin.request('user.create', { username: 'veilleur', password: 'veille-de-nuit-2026', role: 'oncall', communes: [] })).toMatchObject({ ok: true });
    const saved = await admin.request('oncall.save', { roster: { name: 'Collecte', communes: [home], kinds: ['waste-container'], levels: [{ level: 1, rotation }] } });
    rosterId = (saved.roster as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([admin, operator, watcher].map((c) => c?.close()));
    await test.stop();
  });

  it('streams and snapshots only the alarms of the rosters’ communes and kinds', async () => {
    const before = await raise(first(home, 'waste-container').id);
    watcher = await connect('veilleur', 'veille-de-nuit-2026');
    const snapshot = await watcher.waitFor((m) => m.op === 'snapshot');
    expect((snapshot.alarms as Alarm[]).map((a) => a.id)).toEqual([before.id]);
    // Assets stay those of the commune scope: the map is not narrowed, only the alarms.
    expect((snapshot.assets as unknown[]).length).toBe(territory.assets.length);

    const homeBin = await raise(territory.assets.filter((a) => a.commune === home && a.kind === 'waste-container')[1]!.id);
    const foreignBin = await raise(first(foreign, 'waste-container').id);
    const homeCamera = await raise(first(home, 'camera').id);
    await operator.waitFor((m) => m.op === 'events' && (m.events as Event[]).some((e) => e.alarm?.id === homeCamera.id));
    await watcher.request('ping');
    expect(streamedAlarmIds(watcher)).toEqual([homeBin.id]);
    expect(streamedAlarmIds(operator)).toEqual(expect.arrayContaining([homeBin.id, foreignBin.id, homeCamera.id]));

    expect(await watcher.request('alarm.acknowledge', { alarmId: foreignBin.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await watcher.request('alarm.comment', { alarmId: homeCamera.id, comment: 'vu' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await watcher.request('alarm.acknowledge-many', { alarmIds: [homeCamera.id, homeBin.id] })).toMatchObject({
      ok: true,
      outcomes: [
        { alarmId: homeCamera.id, outcome: 'not-found' },
        { alarmId: homeBin.id, outcome: 'acknowledged' },
      ],
    });
  });

  it('follows the admin’s roster change from the next event on', async () => {
    const roster = ((await admin.request('oncall.list')).rosters as { id: string; kinds: string[] }[]).find((r) => r.id === rosterId)!;
    expect(await admin.request('oncall.save', { roster: { ...roster, kinds: ['waste-container', 'camera'] } })).toMatchObject({ ok: true });
    const camera = await raise(territory.assets.filter((a) => a.commune === home && a.kind === 'camera').at(-1)!.id);
    await watcher.waitFor((m) => m.op === 'events' && (m.events as Event[]).some((e) => e.alarm?.id === camera.id));
    expect(await watcher.request('alarm.acknowledge', { alarmId: camera.id })).toMatchObject({ ok: true });
  });

  it('leaves the demo astreinte, on the whole-territory roster, seeing everything', async () => {
    const astreinte = await connect('astreinte');
    const snapshot = await astreinte.waitFor((m) => m.op === 'snapshot');
    expect((snapshot.alarms as Alarm[]).length).toBe([...test.hub.context.state.alarms.values()].length);
    await astreinte.close();
  });
});
