import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm, AlarmPriority } from '../../shared/domain/alarms';
import type { AlarmNotification } from '../../shared/domain/oncall';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';
import { SmtpInbox } from '../support/smtp-inbox';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Escalation end to end: a real hub with the demo roster (`astreinte` at level 1, `operateur`
 * at level 2), a real SMTP server and a real HTTP receiver started by the test, consoles over real
 * WebSockets. The hub's clock is injected so minutes pass at once; each escalation round is run
 * and awaited (the hub also runs it every few seconds on its own).
 */
const territory = generateTerritory('essonne');
const cameras = territory.assets.filter((a) => a.kind === 'camera');
const PUBLIC_URL = 'https://console.exemple.test';
const SECRET = 'secret-de-test';
const MIN = 60_000;

describe('on-call escalation', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let inbox: SmtpInbox;
  let receiver: WebhookReceiver;
  let operator: HubClient;
  let oncall: HubClient;
  let offsetMs = 0;
  let nextCamera = 0;
  const clock = () => Date.now() + offsetMs;
  const clients: HubClient[] = [];

  const connect = async (username: string) => {
    const client = await HubClient.connect(test.hub.url);
    await client.login(username);
    await client.request('subscribe');
    clients.push(client);
    return client;
  };
  /** A critical alarm on a fresh camera, raised through the hub's own alarm book, at the hub's clock. */
  const raise = async (priority: AlarmPriority = 'critical'): Promise<Alarm> => {
    const camera = cameras[nextCamera++]!;
    const { context } = test.hub;
    const alarm = await context.writer.submit((changes) =>
      context.alarms.raise(context.state.assets.get(camera.id)!, 'test.intrusion', priority, 'Intrusion : porte du local technique ouverte', new Date(clock()).toISOString(), changes),
    );
    return { ...alarm! };
  };
  const escalate = () => test.hub.context.escalator.run();
  const notifications = async (client: HubClient, alarmId: string) =>
    (await client.request('alarm.notifications', { alarmId })).notifications as AlarmNotification[];
  const mailsAbout = (alarm: Alarm) => inbox.mails.filter((m) => m.text.includes(`#alarme/${alarm.id}`));

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    receiver = await WebhookReceiver.start();
    test = await startTestHub(
      {
        BEFFROI_SMTP_URL: inbox.url,
        BEFFROI_SMTP_FROM: 'Beffroi <beffroi@exemple.test>',
        BEFFROI_WEBHOOK_URL: receiver.url,
        BEFFROI_WEBHOOK_SECRET: SECRET,
        BEFFROI_PUBLIC_URL: PUBLIC_URL,
      },
      { now: clock },
    );
    operator = await connect('operateur');
    oncall = await connect('astreinte');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await test.stop();
    await inbox.close();
    await receiver.close();
  });

  it('tells level 1 by e-mail and webhook after 5 min, level 2 after 15 more, and survives a restart in between', async () => {
    const alarm = await raise('critical');
    const camera = territory.assets.find((a) => a.id === alarm.assetId)!;
    const commune = territory.communes.find((c) => c.code === alarm.commune)!;

    offsetMs += 4 * MIN + 50_000;
    await escalate();
    expect(mailsAbout(alarm)).toEqual([]);

    offsetMs += 15_000;
    await escalate();
    const mail = await inbox.waitFor((m) => m.text.includes(alarm.id));
    expect(mail.to).toEqual(['astreinte@demo.beffroi.example']);
    expect(mail.from).toBe('beffroi@exemple.test');
    expect(mail.subject).toBe(`[Beffroi] Alarme critique non acquittée — ${camera.name} (${commune.name})`);
    expect(mail.text).toContain(`${PUBLIC_URL}/#alarme/${alarm.id}`);
    expect(mail.text).toContain('Intrusion : porte du local technique ouverte');
    expect(mail.text).toContain('(heure de Paris)');
    expect(mail.text).toContain('niveau 1');

    const hook = receiver.hooks.find((h) => h.body.includes(alarm.id))!;
    expect(hook.headers['x-beffroi-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(hook.body).digest('hex')}`);
    expect(JSON.parse(hook.body)).toMatchObject({ level: 1, onCall: { username: 'astreinte', email: 'astreinte@demo.beffroi.example' }, link: `${PUBLIC_URL}/#alarme/${alarm.id}` });

    // Recorded: the alarm's history, the journal every console sees, the audit trail.
    expect(await notifications(operator, alarm.id)).toMatchObject([
      { level: 1, username: 'astreinte', channel: 'email', recipient: 'astreinte@demo.beffroi.example', outcome: 'sent' },
      { level: 1, username: 'astreinte', channel: 'webhook', outcome: 'sent' },
    ]);
    const streamed = await oncall.waitFor((m) => m.op === 'events' && (m.events as { type: string; notification?: AlarmNotification }[]).some((e) => e.type === 'alarm.notified' && e.notification?.alarmId === alarm.id));
    // Streamed to every console of the commune, elected officials' included: no address in it.
    expect(JSON.stringify(streamed)).not.toContain('@demo.beffroi.example');
    const audited = await test.hub.context.db.all<{ actor: string; details: string }>("SELECT actor, details FROM audit WHERE action = 'alarm.notify' AND target = ?", [alarm.id]);
    expect(audited.map((a) => ({ actor: a.actor, ...JSON.parse(a.details) }))).toMatchObject([
      { actor: 'hub', level: 1, username: 'astreinte', channel: 'email', outcome: 'sent' },
      { actor: 'hub', level: 1, username: 'astreinte', channel: 'webhook', outcome: 'sent' },
    ]);

    // The hub restarts mid-escalation: level 1 is not sent again, level 2 still comes on time.
    for (const client of clients.splice(0)) await client.close();
    await test.restart();
    operator = await connect('operateur');
    oncall = await connect('astreinte');
    offsetMs += 14 * MIN;
    await escalate();
    expect(mailsAbout(alarm)).toHaveLength(1);

    offsetMs += MIN;
    await escalate();
    const second = await inbox.waitFor((m) => m.text.includes(alarm.id) && m.to[0] === 'operateur@demo.beffroi.example');
    expect(second.text).toContain('niveau 2');
    expect((await notifications(operator, alarm.id)).map((n) => [n.level, n.username, n.channel, n.outcome])).toEqual([
      [1, 'astreinte', 'email', 'sent'],
      [1, 'astreinte', 'webhook', 'sent'],
      [2, 'operateur', 'email', 'sent'],
      [2, 'operateur', 'webhook', 'sent'],
    ]);

    // The person on call sees their own address, not their colleague's.
    const seenByOncall = await notifications(oncall, alarm.id);
    expect(seenByOncall.filter((n) => n.channel === 'email').map((n) => n.recipient)).toEqual(['astreinte@demo.beffroi.example', undefined]);

    // Two levels is the end of it.
    offsetMs += 60 * MIN;
    await escalate();
    expect(mailsAbout(alarm)).toHaveLength(2);
  }, 120_000);

  it('stops when someone acknowledges, and never notifies a shelved alarm or one under maintenance', async () => {
    const acknowledged = await raise('critical');
    const shelved = await raise('critical');
    const maintained = await raise('high');
    const lowOnly = await raise('low');
    expect(await oncall.request('alarm.acknowledge', { alarmId: acknowledged.id })).toMatchObject({ ok: true });
    const untilAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
    expect(await operator.request('alarm.shelve', { alarmId: shelved.id, reason: 'Intervention en cours', untilAt })).toMatchObject({ ok: true });
    const window = { target: { assetId: maintained.assetId }, fromAt: new Date(Date.now() - MIN).toISOString(), toAt: new Date(Date.now() + 3 * 3_600_000).toISOString(), reason: 'Changement de caméra' };
    expect(await operator.request('maintenance.create', window)).toMatchObject({ ok: true });

    offsetMs += 2 * 60 * MIN;
    await escalate();
    for (const alarm of [acknowledged, shelved, maintained, lowOnly]) {
      expect(mailsAbout(alarm)).toEqual([]);
      expect(await notifications(operator, alarm.id)).toEqual([]);
    }
  }, 60_000);

  it('records a failed channel and an alarm no roster covers, without stopping the others', async () => {
    // No roster covers anything once the demo one is gone: the attempt is recorded as `no-one`.
    const admin = await connect('admin');
    const roster = ((await admin.request('oncall.list')).rosters as { id: string }[])[0]!;
    const saved = (await admin.request('oncall.list')).rosters;
    expect(await admin.request('oncall.delete', { rosterId: roster.id })).toMatchObject({ ok: true });
    const orphan = await raise('critical');
    offsetMs += 10 * MIN;
    await escalate();
    expect(await notifications(operator, orphan.id)).toMatchObject([{ level: 1, channel: '-', outcome: 'no-one' }]);
    expect(await admin.request('oncall.save', { roster: (saved as object[])[0] })).toMatchObject({ ok: true });

    // The receiver refuses for good (HTTP 400): the webhook fails, the e-mail still goes.
    receiver.statuses.push(400);
    const alarm = await raise('critical');
    offsetMs += 10 * MIN;
    await escalate();
    expect((await notifications(operator, alarm.id)).map((n) => [n.channel, n.outcome, n.detail])).toEqual([
      ['email', 'sent', undefined],
      ['webhook', 'failed', 'webhook refusé (HTTP 400)'],
    ]);
  }, 60_000);
});
