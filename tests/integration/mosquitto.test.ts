import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAsync } from 'mqtt';
import { getCodec } from '../../electron/hub/codecs/registry';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';
import { startMosquitto } from '../support/mosquitto';

/**
 * The hub against a real Mosquitto (Debian's), as a command post runs it with BEFFROI_MQTT_URL:
 * ChirpStack v4 and The Things Stack v3 uplinks in, alarms out, downlinks on the right topics,
 * acknowledgements driving the command lifecycle, and a broker restart during ingest.
 */
const territory = generateTerritory('essonne');
const school = territory.assets.find((a) => a.category === 'school')!;
const airSensor = territory.devices.find((d) => d.assetId === school.id && d.model === 'milesight-am307')!;
const thermostat = territory.devices.find((d) => d.assetId === school.id && d.model === 'mclimate-vicki')!;
const vicki = (target: number) => ({ targetTemperatureFloat: target, sensorTemperature: 18, relativeHumidity: 45, motorRange: 540, valveOpenness: 30, batteryVoltage: 3.3 });

const raisedFor = (assetId: string) => (m: Record<string, unknown>) =>
  m.op === 'events' && (m.events as { type: string; alarm?: { assetId: string } }[]).some((e) => e.type === 'alarm.raised' && e.alarm?.assetId === assetId);
const commandIn = (id: string, state: string) => (m: Record<string, unknown>) =>
  m.op === 'events' && (m.events as { command?: { id: string; state: string } }[]).some((e) => e.command?.id === id && e.command.state === state);

describe('with Mosquitto and ChirpStack v4', () => {
  let broker: Awaited<ReturnType<typeof startMosquitto>>;
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let console_: HubClient;

  beforeAll(async () => {
    broker = await startMosquitto();
    test = await startTestHub({ BEFFROI_MQTT_URL: broker.url });
    console_ = await HubClient.connect(test.hub.url);
    await console_.login('operateur');
    await console_.request('subscribe');
  });

  afterAll(async () => {
    await console_.close();
    await test.stop();
    await broker.stop();
  });

  it('turns an uplink into an alarm on the console', async () => {
    const sensor = await FieldDevice.connect(broker.url, territory, airSensor.devEui);
    await sensor.uplink({ battery: 90, temperature: 22, humidity: 50, co2: 1750 });
    await console_.waitFor(raisedFor(school.id));
    await sensor.close();
  });

  it('queues the downlink on command/down; txack, ack and read-back confirm it; a refused ack fails it in French', async () => {
    const device = await FieldDevice.connect(broker.url, territory, thermostat.devEui);
    await device.uplink(vicki(17));
    await console_.waitFor((m) => JSON.stringify(m).includes('"setpointC":17'));
    const sent = await console_.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 19.5 } });
    const downlink = await device.waitForDownlink();
    expect(downlink.fPort).toBe(2);
    await device.txAck(downlink.id);
    await device.ack(downlink.id);
    await device.uplink(vicki(19.5));
    await console_.waitFor(commandIn(sent.commandId as string, 'confirmed'));

    const refused = await console_.request('command.send', { assetId: school.id, command: { type: 'heating.setpoint', celsius: 21 } });
    const second = await device.waitForNewDownlink(downlink.id);
    await device.txAck(second.id);
    await device.ack(second.id, false);
    const failed = await console_.waitFor(commandIn(refused.commandId as string, 'failed'));
    const detail = (failed.events as { command?: { id: string; detail?: string } }[]).find((e) => e.command?.id === refused.commandId)!.command!.detail;
    expect(detail).toMatch(/Refusée par le réseau ou l’appareil/);
    await device.close();
  });

  it('reconnects and resubscribes after a broker restart, and takes the uplinks that follow', async () => {
    await broker.restart();
    const sensor = await FieldDevice.connect(broker.url, territory, airSensor.devEui);
    // The hub's source resubscribes by itself; until it has, the broker drops what is published.
    for (let attempt = 0; ; attempt++) {
      await sensor.uplink({ battery: 90, temperature: 22, humidity: 50, co2: 420 + attempt });
      const seen = await console_
        .waitFor((m) => JSON.stringify(m).includes(`"co2Ppm":${420 + attempt}`), 1000)
        .then(() => true)
        .catch(() => false);
      if (seen) break;
      expect(attempt, 'the hub never came back to the restarted broker').toBeLessThan(30);
    }
    await sensor.close();
  });
});

describe('with Mosquitto and The Things Stack v3', () => {
  it('turns a TTS uplink into observations on the console', async () => {
    const broker = await startMosquitto();
    const test = await startTestHub({ BEFFROI_MQTT_URL: broker.url, BEFFROI_MQTT_FORMAT: 'tts' });
    try {
      const client = await HubClient.connect(test.hub.url);
      await client.login('operateur');
      await client.request('subscribe');
      const { fPort, bytes } = getCodec('milesight-am307')!.encodeUplink!({ battery: 80, temperature: 21.5, humidity: 40, co2: 1650 });
      const publisher = await connectAsync(broker.url);
      const deviceId = `eui-${airSensor.devEui}`;
      const ids = { device_id: deviceId, application_ids: { application_id: 'beffroi-essonne' }, dev_eui: airSensor.devEui.toUpperCase() };
      const joinedAt = new Date(Date.now() - 1000).toISOString();
      await publisher.publishAsync(
        `v3/beffroi-essonne@syndicat/devices/${deviceId}/join`,
        JSON.stringify({ end_device_ids: { ...ids, dev_addr: '260B9911' }, received_at: joinedAt, join_accept: { session_key_id: 'AYzLq0xYv6KJ0hXv2mJ1dw==', received_at: joinedAt } }),
        { qos: 1 },
      );
      await publisher.publishAsync(
        `v3/beffroi-essonne@syndicat/devices/${deviceId}/up`,
        JSON.stringify({
          end_device_ids: { device_id: deviceId, application_ids: { application_id: 'beffroi-essonne' }, dev_eui: airSensor.devEui.toUpperCase() },
          received_at: new Date().toISOString(),
          uplink_message: { f_port: fPort, f_cnt: 12, frm_payload: Buffer.from(bytes).toString('base64'), rx_metadata: [{ gateway_ids: { gateway_id: 'gw-1', eui: '7076FF0064030456' }, rssi: -90, snr: 7 }], received_at: new Date().toISOString() },
        }),
        { qos: 1 },
      );
      await client.waitFor(raisedFor(school.id));
      // The join came first on the same session: it is recorded by now, and shown in the registry.
      const listed = await client.request('device.list', { query: airSensor.devEui });
      expect(listed).toMatchObject({ total: 1, devices: [{ health: { lastJoinAt: joinedAt, joinCount: 1, rssiDbm: -90, snrDb: 7 } }] });
      await publisher.endAsync();
      await client.close();
    } finally {
      await test.stop();
      await broker.stop();
    }
  });
});
