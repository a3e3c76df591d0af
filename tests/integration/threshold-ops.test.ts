import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Threshold } from '../../shared/domain/thresholds';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * Alarm thresholds changed by an admin over real WebSockets: applied by the hub at once (an
 * uplink that did not raise now raises), refused to operators, audited with before and after,
 * journaled to the consoles, and kept across a restart.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
const airSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;

type Event = Record<string, unknown> & { type: string };

describe('alarm thresholds in the console', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let admin: HubClient;
  let operator: HubClient;
  let sensor: FieldDevice;

  const co2Threshold = async (client: HubClient) =>
    ((await client.request('threshold.list')).thresholds as Threshold[]).find((t) => t.condition === 'co2.high')!;
  const co2Alarm = (client: HubClient) =>
    client.events().find((e: Event) => e.type === 'alarm.raised' && (e.alarm as { assetId: string; condition: string }).assetId === school.id && (e.alarm as { condition: string }).condition === 'co2.high');
  async function uplink(co2: number): Promise<void> {
    await sensor.uplink({ battery: 90, temperature: 21, humidity: 45, co2 });
    await admin.waitFor((m) => JSON.stringify(m).includes(`"co2Ppm":${co2}`));
  }

  beforeAll(async () => {
    test = await startTestHub();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    await admin.request('subscribe');
    operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    await operator.request('subscribe');
    sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, airSensor.devEui);
  });

  afterAll(async () => {
    await sensor?.close();
    await Promise.all([admin?.close(), operator?.close()]);
    await test?.stop();
  });

  it('lists the shipped defaults to admins and operators', async () => {
    expect(await co2Threshold(operator)).toEqual({ condition: 'co2.high', raise: 1500, clear: 1400, delaySeconds: 0, priority: 'medium', overridden: false });
    const conditions = ((await admin.request('threshold.list')).thresholds as Threshold[]).map((t) => t.condition);
    expect(conditions).toEqual(expect.arrayContaining(['bin.nearly-full', 'bin.full', 'intrusion', 'device.silent']));
  });

  it('refuses a change to an operator', async () => {
    const reply = await operator.request('threshold.update', { condition: 'co2.high', raise: 1200 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await co2Threshold(admin)).raise).toBe(1500);
  });

  it('refuses a clear value on the wrong side of the threshold, in French', async () => {
    const reply = await admin.request('threshold.update', { condition: 'co2.high', raise: 1200, clear: 1300 });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'La valeur de retour (1\u202f300 ppm) doit être inférieure ou égale au seuil (1\u202f200 ppm).' },
    });
  });

  it('applies an admin’s lower CO2 threshold to the next uplink, without a restart', async () => {
    await uplink(1300);
    expect(co2Alarm(admin)).toBeUndefined();

    const reply = await admin.request('threshold.update', { condition: 'co2.high', raise: 1200, clear: 1100 });
    expect(reply).toMatchObject({ ok: true, threshold: { condition: 'co2.high', raise: 1200, clear: 1100, overridden: true, updatedBy: 'admin' } });
    const journaled = await operator.waitFor((m) => JSON.stringify(m).includes('"type":"threshold.updated"'));
    expect(JSON.stringify(journaled)).toContain('"raise":1200');

    await uplink(1310);
    const raised = await admin.waitFor((m) => m.op === 'events' && co2Alarm(admin) !== undefined);
    expect(raised).toBeDefined();
    expect(co2Alarm(admin)!.alarm).toMatchObject({ priority: 'medium', message: 'CO₂ élevé : 1\u202f310 ppm (seuil 1\u202f200 ppm)' });
  });

  it('audits the change with the values before and after', async () => {
    const { entries } = (await admin.request('audit.list', { limit: 50 })) as unknown as { entries: { action: string; actor: string; target: string; details: Record<string, unknown> }[] };
    const entry = entries.find((e) => e.action === 'threshold.update' && e.target === 'co2.high');
    expect(entry).toMatchObject({
      actor: 'admin',
      details: {
        before: { raise: 1500, clear: 1400, delaySeconds: 0, priority: 'medium' },
        after: { raise: 1200, clear: 1100, delaySeconds: 0, priority: 'medium' },
      },
    });
  });

  /** Restarts the hub on the same data directory, with fresh consoles and sensor. */
  async function restart(): Promise<void> {
    await Promise.all([admin.close(), operator.close(), sensor.close()]);
    await test.restart();
    admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
    sensor = await FieldDevice.connect(test.hub.brokerUrl, territory, airSensor.devEui);
  }

  it('keeps the change across a restart, and resets to the defaults', async () => {
    await restart();
    expect(await co2Threshold(admin)).toMatchObject({ raise: 1200, clear: 1100, overridden: true });

    const reset = await admin.request('threshold.reset', { condition: 'co2.high' });
    expect(reset).toMatchObject({ ok: true, threshold: { raise: 1500, clear: 1400, overridden: false } });
    await restart();
    expect(await co2Threshold(admin)).toMatchObject({ raise: 1500, overridden: false });
  });
});
