import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared/domain/alarms';
import { composeNotice } from '../../../electron/hub/notify/message';
import { SIGNATURE_HEADER, WebhookChannel } from '../../../electron/hub/notify/webhook';
import { WebhookReceiver } from '../../support/webhook-receiver';

const alarm: Alarm = {
  id: 'al-42',
  assetId: 'cab-91377-001',
  commune: '91377',
  condition: 'cabinet.fault',
  priority: 'high',
  state: 'unacknowledged',
  message: 'Défaut signalé par l’armoire',
  raisedAt: '2026-07-14T21:30:00.000Z',
  lastAt: '2026-07-14T21:30:00.000Z',
  count: 1,
};
const notice = composeNotice({
  alarm,
  assetName: 'Armoire rue de Paris',
  assetKind: 'lighting-cabinet',
  communeName: 'Massy',
  level: 1,
  username: 'astreinte',
  contact: { username: 'astreinte', email: 'astreinte@exemple.test', phone: '+33600000001' },
  publicUrl: 'https://console.exemple.test/',
});

describe('the escalation message', () => {
  it('is in French, in Paris time, with the link that opens the alarm', () => {
    expect(notice.subject).toBe('[Beffroi] Alarme haute non acquittée — Armoire rue de Paris (Massy)');
    expect(notice.text).toContain('Depuis : mardi 14 juillet 2026 à 23:30 (heure de Paris)');
    expect(notice.text).toContain('Commune : Massy (91377)');
    expect(notice.link).toBe('https://console.exemple.test/#alarme/al-42');
  });
});

describe('webhook channel', () => {
  let receiver: WebhookReceiver;
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
    waits.length = 0;
  });
  afterEach(() => receiver.close());

  it('signs the raw body with HMAC-SHA256', async () => {
    await new WebhookChannel({ url: receiver.url, secret: 's3cret', sleep }).send(notice, '');
    const [hook] = receiver.hooks;
    expect(hook!.headers[SIGNATURE_HEADER]).toBe(`sha256=${createHmac('sha256', 's3cret').update(hook!.body).digest('hex')}`);
    expect(JSON.parse(hook!.body)).toMatchObject({ type: 'beffroi.alarm.escalation', level: 1, alarm: { id: 'al-42', priority: 'high' }, commune: { code: '91377', name: 'Massy' } });
  });

  it('retries a server error with exponential backoff, then succeeds', async () => {
    receiver.statuses.push(503, 502);
    await new WebhookChannel({ url: receiver.url, sleep, backoffMs: 1000, attempts: 3 }).send(notice, '');
    expect(receiver.hooks).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('gives up after its attempts, and at once on a client error', async () => {
    receiver.statuses.push(500, 500, 500);
    await expect(new WebhookChannel({ url: receiver.url, sleep, attempts: 3 }).send(notice, '')).rejects.toThrow('webhook refusé (HTTP 500)');
    expect(receiver.hooks).toHaveLength(3);
    receiver.statuses.push(404);
    await expect(new WebhookChannel({ url: receiver.url, sleep, attempts: 3 }).send(notice, '')).rejects.toThrow('HTTP 404');
    expect(receiver.hooks).toHaveLength(4);
  });

  it('has no signature header without a secret', async () => {
    await new WebhookChannel({ url: receiver.url, sleep }).send(notice, '');
    expect(receiver.hooks[0]!.headers[SIGNATURE_HEADER]).toBeUndefined();
  });
});
