import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Alarm } from '../../shared/domain/alarms';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * Alarm management over real WebSockets, with alarms raised by real uplinks through the hub's
 * MQTT broker and everything read back from the real SQLite file: bulk acknowledgement, comments,
 * shelving and maintenance windows, as two consoles and the audit trail see them.
 */
const territory = generateTerritory('essonne');
const bins = territory.assets.filter((a) => a.kind === 'waste-container');
const binCount = (commune: string) => bins.filter((b) => b.commune === commune).length;
/** The commune with the most bins: each test fills fresh ones. */
const home = territory.communes.map((c) => c.code).sort((a, b) => binCount(b) - binCount(a))[0]!;
const homeBins = bins.filter((b) => b.commune === home);
const foreignCommune = territory.communes.find((c) => c.code !== home)!.code;
const schools = territory.assets.filter((a) => a.category === 'school');
const deviceOf = (assetId: string, model?: string) => territory.devices.find((d) => d.assetId === assetId && (!model || d.model === model))!;

type Message = Record<string, unknown> & { op: string };
type Event = { type: string; alarm?: Alarm; asset?: { id: string; status: string }; assetId?: string; window?: { id: string } };
const eventsOf = (m: Message): Event[] => (m.op === 'events' ? (m.events as Event[]) : []);

describe('alarm operations', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let operator: HubClient;
  let oncall: HubClient;
  let nextBin = 0;
  const clients: HubClient[] = [];
  const connect = async (username: string) => {
    const client = await HubClient.connect(test.hub.url);
    await client.login(username);
    await client.request('subscribe');
    clients.push(client);
    return client;
  };

  /** Fills a fresh bin of the home commune through a real uplink; resolves with its alarm. */
  async function raiseBinAlarm(): Promise<{ alarm: Alarm; device: FieldDevice }> {
    const bin = homeBins[nextBin++]!;
    const device = await FieldDevice.connect(test.hub.brokerUrl, territory, deviceOf(bin.id).devEui);
    await device.uplink({ battery: 90, distance: 10 });
    const raised = await operator.waitFor((m) => eventsOf(m).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === bin.id));
    return { alarm: eventsOf(raised).find((e) => e.alarm?.assetId === bin.id)!.alarm!, device };
  }

  const sees = (client: HubClient, test: (e: Event) => boolean) => client.waitFor((m) => eventsOf(m).some(test));
  const audit = (action: string) => test.hub.context.db.all<{ actor: string; target: string | null; details: string }>('SELECT actor, target, details FROM audit WHERE action = ?', [action]);

  beforeAll(async () => {
    test = await startTestHub();
    operator = await connect('operateur');
    oncall = await connect('astreinte');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await test.stop();
  });

  it('acknowledges a selection of mixed states in one transaction, per-id outcomes, audited once', async () => {
    const [fresh, ackedByOther, clearedFirst, closed] = [await raiseBinAlarm(), await raiseBinAlarm(), await raiseBinAlarm(), await raiseBinAlarm()];
    await oncall.request('alarm.acknowledge', { alarmId: ackedByOther.alarm.id });
    await clearedFirst.device.uplink({ battery: 90, distance: 1500 });
    await sees(operator, (e) => e.alarm?.id === clearedFirst.alarm.id && e.alarm.state === 'cleared-unacknowledged');
    await oncall.request('alarm.acknowledge', { alarmId: closed.alarm.id });
    await closed.device.uplink({ battery: 90, distance: 1500 });
    await sees(operator, (e) => e.alarm?.id === closed.alarm.id && e.alarm.state === 'cleared');

    const ids = [fresh, ackedByOther, clearedFirst, closed].map((r) => r.alarm.id);
    const reply = await operator.request('alarm.acknowledge-many', { alarmIds: [...ids, 'al-inconnue', fresh.alarm.id], comment: 'Tournée de collecte lancée' });
    expect(reply).toMatchObject({
      ok: true,
      acknowledged: 2,
      outcomes: [
        { alarmId: fresh.alarm.id, outcome: 'acknowledged' },
        { alarmId: ackedByOther.alarm.id, outcome: 'already-acknowledged', by: 'astreinte' },
        { alarmId: clearedFirst.alarm.id, outcome: 'acknowledged' },
        { alarmId: closed.alarm.id, outcome: 'already-acknowledged', by: 'astreinte' },
        { alarmId: 'al-inconnue', outcome: 'not-found' },
      ],
    });
    // The other console gets both acknowledgements in one message: one transaction.
    const seen = await sees(oncall, (e) => e.alarm?.id === fresh.alarm.id && e.alarm.state === 'acknowledged');
    expect(eventsOf(seen).find((e) => e.alarm?.id === clearedFirst.alarm.id)?.alarm).toMatchObject({ state: 'cleared', acknowledgedBy: 'operateur', comment: 'Tournée de collecte lancée' });
    const rows = await audit('alarm.acknowledge-many');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.details)).toEqual({ count: 2, requested: 5, comment: 'Tournée de collecte lancée' });
    const stored = await test.hub.context.db.get<{ state: string }>('SELECT state FROM alarms WHERE id = ?', [fresh.alarm.id]);
    expect(stored?.state).toBe('acknowledged');
    await Promise.all([fresh, ackedByOther, clearedFirst, closed].map((r) => r.device.close()));
  });

  it('takes a selection of 10,000 alarms in one frame and refuses more', async () => {
    const alarmIds = Array.from({ length: 10_000 }, (_, i) => `al-00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const reply = await operator.request('alarm.acknowledge-many', { alarmIds });
    expect(reply).toMatchObject({ ok: true, acknowledged: 0 });
    expect((reply.outcomes as unknown[]).length).toBe(10_000);
    const tooMany = await operator.request('alarm.acknowledge-many', { alarmIds: [...alarmIds, 'al-x'] });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('adds comments later, to an alarm on the list and to one that left it; journaled and audited', async () => {
    const { alarm, device } = await raiseBinAlarm();
    const first = await oncall.request('alarm.comment', { alarmId: alarm.id, comment: '  Riverains prévenus  ' });
    expect(first).toMatchObject({ ok: true, alarm: { comments: [{ by: 'astreinte', text: 'Riverains prévenus' }] } });
    await sees(operator, (e) => e.alarm?.id === alarm.id && (e.alarm.comments?.length ?? 0) === 1);

    await operator.request('alarm.acknowledge', { alarmId: alarm.id, comment: 'Collecte demandée' });
    await device.uplink({ battery: 90, distance: 1500 });
    await sees(operator, (e) => e.alarm?.id === alarm.id && e.alarm.state === 'cleared');
    const later = await operator.request('alarm.comment', { alarmId: alarm.id, comment: 'Conteneur vidé à 14 h' });
    expect(later).toMatchObject({ ok: true, alarm: { state: 'cleared', comment: 'Collecte demandée', comments: [{ text: 'Riverains prévenus' }, { by: 'operateur', text: 'Conteneur vidé à 14 h' }] } });
    await sees(oncall, (e) => e.alarm?.id === alarm.id && (e.alarm.comments?.length ?? 0) === 2);
    const row = await test.hub.context.db.get<{ comments: string }>('SELECT comments FROM alarms WHERE id = ?', [alarm.id]);
    expect(JSON.parse(row!.comments)).toHaveLength(2);
    expect((await audit('alarm.comment')).filter((r) => r.target === alarm.id)).toHaveLength(2);
    expect(await operator.request('alarm.comment', { alarmId: alarm.id, comment: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await device.close();
  });

  it('shelves with a mandatory reason and a bounded expiry, hides the alarm from the map, keeps it in the snapshot', async () => {
    const { alarm, device } = await raiseBinAlarm();
    const inOneHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(await operator.request('alarm.shelve', { alarmId: alarm.id, reason: ' ', untilAt: inOneHour })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const tooLong = await operator.request('alarm.shelve', { alarmId: alarm.id, reason: 'Travaux', untilAt: new Date(Date.now() + 25 * 3_600_000).toISOString() });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'alarm.shelve-too-long', details: { maxHours: 24 } } });
    expect(await oncall.request('alarm.shelve', { alarmId: alarm.id, reason: 'Travaux', untilAt: inOneHour })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const shelved = await operator.request('alarm.shelve', { alarmId: alarm.id, reason: 'Conteneur en réparation', untilAt: inOneHour });
    expect(shelved).toMatchObject({ ok: true, alarm: { state: 'shelved', shelvedBy: 'operateur', shelveReason: 'Conteneur en réparation' } });
    await sees(oncall, (e) => e.alarm?.id === alarm.id && e.alarm.state === 'shelved');
    await sees(oncall, (e) => e.asset?.id === alarm.assetId && e.asset.status !== 'alarm');
    expect(await oncall.request('alarm.acknowledge', { alarmId: alarm.id })).toMatchObject({ ok: false, error: { code: 'alarm.shelved' } });

    const late = await connect('admin');
    const snapshot = await late.waitFor((m) => m.op === 'snapshot');
    expect((snapshot.alarms as Alarm[]).find((a) => a.id === alarm.id)).toMatchObject({ state: 'shelved' });

    expect(await oncall.request('alarm.unshelve', { alarmId: alarm.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await operator.request('alarm.unshelve', { alarmId: alarm.id })).toMatchObject({ ok: true, alarm: { state: 'unacknowledged' } });
    await sees(oncall, (e) => e.asset?.id === alarm.assetId && e.asset.status === 'alarm');
    expect(await operator.request('alarm.unshelve', { alarmId: alarm.id })).toMatchObject({ ok: false, error: { code: 'alarm.not-shelved' } });
    expect((await audit('alarm.shelve')).map((r) => r.target)).toContain(alarm.id);
    expect((await audit('alarm.unshelve')).map((r) => r.target)).toContain(alarm.id);
    await device.close();
  });

  it('brings a shelved alarm back by itself at expiry, through the hub’s sweep', async () => {
    const { alarm, device } = await raiseBinAlarm();
    await operator.request('alarm.shelve', { alarmId: alarm.id, reason: 'Le temps d’un appel', untilAt: new Date(Date.now() + 2000).toISOString() });
    await device.uplink({ battery: 90, distance: 1500 });
    const back = await sees(oncall, (e) => e.alarm?.id === alarm.id && e.alarm.state === 'cleared-unacknowledged');
    expect(eventsOf(back).find((e) => e.alarm?.id === alarm.id)?.alarm?.shelvedBy).toBeUndefined();
    await device.close();
  });

  it('suppresses alarms of an asset under maintenance, journals them, shows it as maintenance, and raises at the end', async () => {
    const school = schools[0]!;
    const now = Date.now();
    const created = await operator.request('maintenance.create', {
      target: { assetId: school.id },
      fromAt: new Date(now - 60_000).toISOString(),
      toAt: new Date(now + 3_600_000).toISOString(),
      reason: 'Remplacement de la centrale de ventilation',
    });
    expect(created).toMatchObject({ ok: true, window: { target: { assetId: school.id }, commune: school.commune, createdBy: 'operateur' } });
    const windowId = (created.window as { id: string }).id;
    await sees(oncall, (e) => e.type === 'maintenance.updated' && e.window?.id === windowId);
    await sees(oncall, (e) => e.asset?.id === school.id && e.asset.status === 'maintenance');

    const sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, deviceOf(school.id, 'milesight-am307').devEui);
    await sensor.uplink({ battery: 90, temperature: 21, humidity: 45, co2: 1800 });
    await sees(oncall, (e) => e.type === 'alarm.suppressed' && e.assetId === school.id);
    expect(oncall.events().some((e) => e.type === 'alarm.raised' && (e as Event).alarm?.assetId === school.id)).toBe(false);
    const journaled = await test.hub.context.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM journal WHERE type = 'alarm.suppressed' AND body LIKE ?", [`%${school.id}%`]);
    expect(journaled?.n).toBe(1);

    const list = await oncall.request('maintenance.list');
    expect(list).toMatchObject({ ok: true, windows: [{ id: windowId }] });
    expect(await oncall.request('maintenance.delete', { windowId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await operator.request('maintenance.delete', { windowId })).toMatchObject({ ok: true, window: { deletedBy: 'operateur' } });
    await sees(oncall, (e) => e.type === 'alarm.raised' && e.alarm?.assetId === school.id && e.alarm.condition === 'co2.high');
    expect(await operator.request('maintenance.list')).toMatchObject({ ok: true, windows: [] });
    expect((await audit('maintenance.create')).map((r) => r.target)).toContain(windowId);
    expect((await audit('maintenance.delete')).map((r) => r.target)).toContain(windowId);
    const stored = await test.hub.context.db.get<{ deleted_by: string }>('SELECT deleted_by FROM maintenance_windows WHERE id = ?', [windowId]);
    expect(stored?.deleted_by).toBe('operateur');
    await sensor.close();
  });

  it('ends a commune-wide window by itself and evaluates again; refuses bad periods and foreign targets', async () => {
    const bin = homeBins[nextBin++]!;
    const device = await FieldDevice.connect(test.hub.brokerUrl, territory, deviceOf(bin.id).devEui);
    const now = Date.now();
    const period = { fromAt: new Date(now).toISOString(), toAt: new Date(now + 3000).toISOString(), reason: 'Coupure du réseau de collecte' };
    expect(await operator.request('maintenance.create', { ...period, target: { commune: '99999' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await operator.request('maintenance.create', { ...period, target: { assetId: 'bin-00000-000' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await operator.request('maintenance.create', { ...period, toAt: period.fromAt, target: { commune: home } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const elected = await connect(`elu-${foreignCommune}`);
    expect(await elected.request('maintenance.create', { ...period, target: { commune: home } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await elected.request('maintenance.list')).toMatchObject({ ok: true, windows: [] });

    const created = await operator.request('maintenance.create', { ...period, target: { commune: home } });
    expect(created).toMatchObject({ ok: true, window: { target: { commune: home } } });
    await device.uplink({ battery: 90, distance: 10 });
    await sees(oncall, (e) => e.type === 'alarm.suppressed' && e.assetId === bin.id);
    // At the window's end the sweep evaluates the bin's current fill again: it raises now.
    await sees(oncall, (e) => e.type === 'alarm.raised' && e.alarm?.assetId === bin.id);
    await device.close();
  });

  it('keeps shelved alarms, comments and maintenance windows across a restart, in force at once', async () => {
    const { alarm, device } = await raiseBinAlarm();
    await device.close();
    await operator.request('alarm.comment', { alarmId: alarm.id, comment: 'Avant redémarrage' });
    await operator.request('alarm.shelve', { alarmId: alarm.id, reason: 'Conteneur à remplacer', untilAt: new Date(Date.now() + 3_600_000).toISOString() });
    const school = schools[1]!;
    const created = await operator.request('maintenance.create', {
      target: { assetId: school.id },
      fromAt: new Date(Date.now() - 60_000).toISOString(),
      toAt: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'Travaux de toiture',
    });
    const windowId = (created.window as { id: string }).id;

    await test.restart();
    const watcher = await connect('operateur');
    const snapshot = await watcher.waitFor((m) => m.op === 'snapshot');
    expect((snapshot.alarms as Alarm[]).find((a) => a.id === alarm.id)).toMatchObject({
      state: 'shelved',
      shelvedBy: 'operateur',
      shelveReason: 'Conteneur à remplacer',
      comments: [{ by: 'operateur', text: 'Avant redémarrage' }],
    });
    expect(snapshot.maintenance).toEqual(expect.arrayContaining([expect.objectContaining({ id: windowId, reason: 'Travaux de toiture' })]));
    expect((snapshot.assets as { id: string; status: string }[]).find((a) => a.id === school.id)?.status).toBe('maintenance');

    const sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, deviceOf(school.id, 'milesight-am307').devEui);
    await sensor.uplink({ battery: 90, temperature: 21, humidity: 45, co2: 1800 });
    await sees(watcher, (e) => e.type === 'alarm.suppressed' && e.assetId === school.id);
    expect(watcher.events().some((e) => e.type === 'alarm.raised' && (e as Event).alarm?.assetId === school.id)).toBe(false);
    await sensor.close();
  });
});
