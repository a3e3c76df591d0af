import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/domain/alarms';
import type { LogbookEntry, LogbookHandover } from '../../shared/domain/logbook';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * The main courante over real WebSockets, with alarms raised and commands confirmed by real
 * uplinks through the hub's MQTT broker, and everything read back from the real SQLite file:
 * live entries on every console, links checked against scope, append-only, the shift handover
 * after an acknowledgement and a command, and its CSV export.
 */
const territory = generateTerritory('essonne');
const bins = territory.assets.filter((a) => a.kind === 'waste-container');
const binCount = (commune: string) => bins.filter((b) => b.commune === commune).length;
const home = territory.communes.map((c) => c.code).sort((a, b) => binCount(b) - binCount(a))[0]!;
const homeBins = bins.filter((b) => b.commune === home);
const foreignBin = bins.find((b) => b.commune !== home)!;
const school = territory.assets.find((a) => a.category === 'school')!;
const thermostat = territory.devices.find((d) => d.assetId === school.id && d.model === 'mclimate-vicki')!;
const deviceOf = (assetId: string) => territory.devices.find((d) => d.assetId === assetId)!;
const vickiReport = (target: number) => ({ targetTemperatureFloat: target, sensorTemperature: 18.2, relativeHumidity: 45, motorRange: 540, valveOpenness: 40, batteryVoltage: 3.3 });

type Message = Record<string, unknown> & { op: string };
type Event = { type: string; alarm?: Alarm; entry?: LogbookEntry; command?: { id: string; state: string } };
const eventsOf = (m: Message): Event[] => (m.op === 'events' ? (m.events as Event[]) : []);
const entriesSeen = (client: HubClient) => client.received.flatMap(eventsOf).filter((e) => e.type === 'logbook.added').map((e) => e.entry!);

describe('main courante', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let operator: HubClient;
  let oncall: HubClient;
  let elected: HubClient;
  let nextBin = 0;
  const clients: HubClient[] = [];
  const connect = async (username: string, password?: string) => {
    const client = await HubClient.connect(test.hub.url);
    await client.login(username, password);
    await client.request('subscribe');
    clients.push(client);
    return client;
  };
  const seesEntry = (client: HubClient, test: (entry: LogbookEntry) => boolean) =>
    client.waitFor((m) => eventsOf(m).some((e) => e.type === 'logbook.added' && test(e.entry!)));

  /** Fills a fresh bin of the home commune through a real uplink; resolves with its alarm. */
  async function raiseBinAlarm(): Promise<Alarm> {
    const bin = homeBins[nextBin++]!;
    const device = await FieldDevice.connect(test.hub.brokerUrl, territory, deviceOf(bin.id).devEui);
    await device.uplink({ battery: 90, distance: 10 });
    await device.close();
    const raised = await operator.waitFor((m) => eventsOf(m).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === bin.id));
    return eventsOf(raised).find((e) => e.alarm?.assetId === bin.id)!.alarm!;
  }

  beforeAll(async () => {
    test = await startTestHub();
    operator = await connect('operateur');
    oncall = await connect('astreinte');
    elected = await connect(`elu-${home}`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await test.stop();
  });

  it('shows an entry written on one console on the other at once, links resolved by the hub', async () => {
    const alarm = await raiseBinAlarm();
    const reply = await operator.request('logbook.add', { text: '  Appel du gardien : la benne déborde, équipe prévenue.  ', alarmIds: [alarm.id] });
    expect(reply).toMatchObject({
      ok: true,
      entry: {
        author: 'operateur',
        kind: 'note',
        commune: home,
        text: 'Appel du gardien : la benne déborde, équipe prévenue.',
        links: [{ kind: 'alarm', id: alarm.id, assetId: alarm.assetId, label: expect.stringContaining(alarm.message) }],
      },
    });
    const entry = reply.entry as LogbookEntry;
    const seen = await seesEntry(oncall, (e) => e.id === entry.id);
    expect(eventsOf(seen).find((e) => e.entry?.id === entry.id)!.entry).toEqual(entry);

    const listed = await oncall.request('logbook.list', { alarmId: alarm.id });
    expect(listed).toMatchObject({ ok: true, entries: [entry], more: false });
  });

  it('keeps elected officials out of the main courante, stream included', async () => {
    for (const [op, fields] of [['logbook.add', { text: 'Essai' }], ['logbook.list', {}], ['logbook.handover', {}], ['logbook.export', {}]] as const) {
      expect(await elected.request(op, fields)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const marker = await operator.request('logbook.add', { text: 'Repère pour l’élu', assetIds: [homeBins[0]!.id] });
    await seesEntry(oncall, (e) => e.id === (marker.entry as LogbookEntry).id);
    // A later event of the same commune arrives: the entry before it would have too.
    await raiseBinAlarm();
    await elected.waitFor((m) => eventsOf(m).some((e) => e.type === 'alarm.raised'));
    expect(entriesSeen(elected)).toEqual([]);
  });

  it('refuses unknown and foreign links, empty and oversized text, and scopes a scoped on-call user', async () => {
    expect(await operator.request('logbook.add', { text: 'x', alarmIds: ['al-inconnue'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await operator.request('logbook.add', { text: 'x', commandIds: ['cmd-inconnue'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await operator.request('logbook.add', { text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await operator.request('logbook.add', { text: 'a'.repeat(4001) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await operator.request('logbook.add', { text: 'a'.repeat(4000) })).toMatchObject({ ok: true });

    const admin = await connect('admin');
    const created = await admin.request('user.create', { username: 'astreinte-locale', password: 'une phrase de passe', role: 'oncall', communes: [home] });
    expect(created).toMatchObject({ ok: true });
    const local = await connect('astreinte-locale', 'une phrase de passe');
    expect(await local.request('logbook.add', { text: 'x', assetIds: [foreignBin.id] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await local.request('logbook.add', { text: 'x', commune: foreignBin.commune })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const own = await local.request('logbook.add', { text: 'Ronde faite, rien à signaler.' });
    expect(own).toMatchObject({ ok: true, entry: { author: 'astreinte-locale', commune: home } });
    const territoryWide = await operator.request('logbook.add', { text: 'Consigne générale : vigilance orages.' });
    expect(territoryWide.entry).not.toHaveProperty('commune');
    const elsewhere = await operator.request('logbook.add', { text: 'Autre commune', assetIds: [foreignBin.id] });
    await seesEntry(local, (e) => e.id === (own.entry as LogbookEntry).id);
    await seesEntry(operator, (e) => e.id === (elsewhere.entry as LogbookEntry).id);

    const listed = (await local.request('logbook.list', { limit: 500 })).entries as LogbookEntry[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((e) => e.commune === home)).toBe(true);
    expect(entriesSeen(local).map((e) => e.id)).not.toContain((territoryWide.entry as LogbookEntry).id);
    expect(entriesSeen(local).map((e) => e.id)).not.toContain((elsewhere.entry as LogbookEntry).id);
  });

  it('is append-only: a correction is a new entry naming the earlier one; the disk refuses edits', async () => {
    const first = (await operator.request('logbook.add', { text: 'Benne 12 vidée à 10 h' })).entry as LogbookEntry;
    const fix = await operator.request('logbook.add', { text: 'Correction : vidée à 11 h', corrects: first.id });
    expect(fix).toMatchObject({ ok: true, entry: { corrects: first.id } });
    expect(await operator.request('logbook.add', { text: 'x', corrects: 'lb-inconnue' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A correction stays where the entry it corrects is read: a commune's on-call staff see both.
    const aboutBin = (await operator.request('logbook.add', { text: 'Benne 7 renversée', assetIds: [homeBins[1]!.id] })).entry as LogbookEntry;
    const aboutBinFix = await operator.request('logbook.add', { text: 'Correction : benne 8', corrects: aboutBin.id });
    expect(aboutBinFix).toMatchObject({ ok: true, entry: { commune: home, links: [] } });
    await expect(test.hub.context.db.transaction([{ sql: 'UPDATE logbook SET text = ? WHERE id = ?', params: ['réécrit', first.id] }])).rejects.toThrow(/ajout seulement/);
    await expect(test.hub.context.db.transaction([{ sql: 'DELETE FROM logbook WHERE id = ?', params: [first.id] }])).rejects.toThrow(/ajout seulement/);
    const listed = await operator.request('logbook.list', { text: 'vidée à' });
    expect((listed.entries as LogbookEntry[]).map((e) => e.text)).toEqual(['Correction : vidée à 11 h', 'Benne 12 vidée à 10 h']);
  });

  it('pages back in time and filters by author and words', async () => {
    const page1 = await operator.request('logbook.list', { limit: 2 });
    expect(page1).toMatchObject({ ok: true, more: true });
    const [a, b] = page1.entries as LogbookEntry[];
    const page2 = await operator.request('logbook.list', { limit: 2, before: b!.id });
    const older = page2.entries as LogbookEntry[];
    expect(older.map((e) => e.id)).not.toContain(a!.id);
    expect(older.every((e) => e.at <= b!.at)).toBe(true);
    const byLocal = (await operator.request('logbook.list', { author: 'astreinte-locale' })).entries as LogbookEntry[];
    expect(byLocal.map((e) => e.text)).toEqual(['Ronde faite, rien à signaler.']);
    // Words are data: a % matches a %, not anything.
    expect((await operator.request('logbook.list', { text: '%' })).entries).toEqual([]);
    expect(await operator.request('logbook.list', { before: 'lb-inconnue' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('hands over the shift: open alarms, what was acknowledged, commands with their outcome, entries', async () => {
    const from = new Date().toISOString();
    const acked = await raiseBinAlarm();
    const left = await raiseBinAlarm();
    const shelved = await raiseBinAlarm();
    await oncall.request('alarm.acknowledge', { alarmId: acked.id, comment: 'Collecte demandée au prestataire' });
    const shelveUntil = new Date(Date.now() + 3_600_000).toISOString();
    await operator.request('alarm.shelve', { alarmId: shelved.id, reason: 'Capteur en cours de remplacement', untilAt: shelveUntil });

    // A setpoint the thermostat confirms, the test playing the network server and the device.
    const device = await FieldDevice.connect(test.hub.brokerUrl, territory, thermostat.devEui);
    await device.uplink(vickiReport(17));
    const sent = await operator.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19.5 } });
    const commandId = sent.commandId as string;
    const downlink = await device.waitForDownlink();
    await device.txAck(downlink.id);
    await device.ack(downlink.id);
    await device.uplink(vickiReport(19.5));
    await device.close();

    // The notable actions wrote themselves into the main courante, live.
    const ackEntry = await seesEntry(operator, (e) => e.kind === 'auto' && e.links.some((l) => l.id === acked.id));
    expect(eventsOf(ackEntry).find((e) => e.entry?.links.some((l) => l.id === acked.id))!.entry).toMatchObject({ author: 'astreinte', text: 'Acquittement : Collecte demandée au prestataire' });
    await seesEntry(operator, (e) => e.kind === 'auto' && e.text.startsWith('Alarme mise de côté') && e.text.endsWith('Capteur en cours de remplacement'));
    const confirmed = await seesEntry(operator, (e) => e.links.some((l) => l.id === commandId));
    expect(eventsOf(confirmed).find((e) => e.entry?.links.some((l) => l.id === commandId))!.entry).toMatchObject({
      kind: 'auto',
      author: 'operateur',
      text: expect.stringMatching(/^Consigne de chauffage 19,5 °C — commande confirmée par l’appareil/),
      links: [{ kind: 'command', id: commandId, assetId: school.id, label: expect.stringContaining(school.name) }],
    });
    const note = (await operator.request('logbook.add', { text: 'Relève : surveiller le secteur nord', alarmIds: [left.id] })).entry as LogbookEntry;

    const reply = await oncall.request('logbook.handover', { from });
    expect(reply).toMatchObject({ ok: true });
    const handover = reply.handover as LogbookHandover;
    const ids = (alarms: Alarm[]) => alarms.map((a) => a.id);
    expect(ids(handover.open.unacknowledged)).toContain(left.id);
    expect(ids(handover.open.acknowledged)).toContain(acked.id);
    expect(handover.open.shelved.find((a) => a.id === shelved.id)).toMatchObject({ shelveReason: 'Capteur en cours de remplacement', shelvedUntil: shelveUntil });
    expect(handover.done.acknowledgements).toEqual([expect.objectContaining({ id: acked.id, acknowledgedBy: 'astreinte', comment: 'Collecte demandée au prestataire' })]);
    expect(handover.done.commands).toEqual([expect.objectContaining({ id: commandId, state: 'confirmed', requestedBy: 'operateur' })]);
    expect(handover.done.entries.map((e) => e.text)).toEqual(expect.arrayContaining(['Acquittement : Collecte demandée au prestataire', note.text]));
    expect(handover.done.entries.at(-1)!.id).toBe(note.id);
    expect(handover.totals).toMatchObject({ acknowledgements: 1, commands: 1, entries: handover.done.entries.length });
    // What happened outside the shift is not in it.
    expect(handover.done.entries.every((e) => e.at >= from)).toBe(true);
    const before = (await oncall.request('logbook.handover', { to: from })).handover as LogbookHandover;
    expect(before.done.entries.map((e) => e.id)).not.toContain(note.id);
    expect(before.done.commands).toEqual([]);

    expect(await oncall.request('logbook.handover', { from: new Date().toISOString(), to: from })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('exports the handover as CSV for a French spreadsheet, audited as an export', async () => {
    const trap = (await operator.request('logbook.add', { text: '=HYPERLINK("http://exemple.invalid";"clic")' })).entry as LogbookEntry;
    const reply = await oncall.request('logbook.export', {});
    expect(reply).toMatchObject({ ok: true });
    const csv = reply.csv as string;
    expect(csv.startsWith('\uFEFFrubrique;horodatage;auteur;commune;équipement;objet;état;détail;liens;identifiant\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(reply.rows as number);
    const trapLine = lines.find((l) => l.endsWith(trap.id))!;
    // Paris local time with its offset; the formula is neutralised (and quoted for its ; and ").
    expect(trapLine).toMatch(/^Main courante;\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00;operateur;;;"'=HYPERLINK\(""http:\/\/exemple\.invalid"";""clic""\)";/);
    expect(lines.some((l) => l.startsWith('Commande;') && l.includes('Consigne de chauffage 19,5 °C;confirmée'))).toBe(true);
    expect(lines.some((l) => l.startsWith('En cours — mise de côté;'))).toBe(true);
    const audit = await test.hub.context.db.all<{ actor: string; details: string }>("SELECT actor, details FROM audit WHERE action = 'logbook.export'");
    expect(audit).toEqual([expect.objectContaining({ actor: 'astreinte' })]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ rows: reply.rows, from: reply.from, to: reply.to });
  });

  it('keeps the main courante across a hub restart', async () => {
    const before = (await operator.request('logbook.list', { limit: 500 })).entries as LogbookEntry[];
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await test.restart();
    operator = await connect('operateur');
    expect((await operator.request('logbook.list', { limit: 500 })).entries).toEqual(before);
  });
});
