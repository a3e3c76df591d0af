import { afterEach, describe, expect, it } from 'vitest';
import { connectAsync, type MqttClient } from 'mqtt';
import { getCodec } from '../../electron/hub/codecs/registry';
import type { RunningHub } from '../../electron/hub/hub';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { generateTerritory } from '../../electron/hub/territory';
import { HealthResponse } from '../../shared/protocol/messages';
import { startTestHub } from '../support/hub';
import { startMosquitto } from '../support/mosquitto';
import { startTcpProxy } from '../support/tcp-proxy';

/**
 * QoS 1 end to end with a real Mosquitto that persists its sessions: the hub acknowledges an
 * uplink only after the journal commit and keeps a persistent session, so a broker restart, a
 * network cut or the hub being away loses nothing the broker accepted, and what the broker
 * delivers twice is applied once (no double count, no duplicate alarm).
 */
const territory = generateTerritory('essonne');
const sensors = territory.devices.filter((d) => d.model === 'milesight-am307').slice(0, 20);
const UPLINKS_PER_SENSOR = 15;
const codec = getCodec('milesight-am307')!;
const startedAtMs = Date.now();

/** The ChirpStack uplink event of `device`'s frame `fCnt`, with a CO2 value that raises no alarm. */
function uplink(devEui: string, fCnt: number): { topic: string; payload: string } {
  const device = territory.devices.find((d) => d.devEui === devEui)!;
  const info = deviceInfoFor(territory.name, device, territory.assets.find((a) => a.id === device.assetId)!);
  const { fPort, bytes } = codec.encodeUplink!({ battery: 90, temperature: 21, humidity: 45, co2: 500 + fCnt });
  const event = uplinkEvent({
    info,
    deduplicationId: `qos-${devEui}-${fCnt}`,
    // Network-server time, one second per frame: a redelivery carries the time of the original.
    time: new Date(startedAtMs + fCnt * 1000).toISOString(),
    devAddr: '01020304',
    fCnt,
    fPort,
    bytes,
    reception: { gatewayId: '0016c001f0000001', rssi: -97, snr: 6.5, dr: 5, frequency: 868_100_000, uplinkId: fCnt },
  });
  return { topic: topicOf(info, 'up'), payload: JSON.stringify(event) };
}

/** The same, from a device nobody declared (it goes to quarantine). */
function unknownDeviceUplink(devEui: string, fCnt: number): { topic: string; payload: string } {
  const known = uplink(sensors[0]!.devEui, fCnt);
  const event = JSON.parse(known.payload) as { deviceInfo: { devEui: string } };
  event.deviceInfo.devEui = devEui;
  return { topic: known.topic.replace(sensors[0]!.devEui, devEui), payload: JSON.stringify(event) };
}

/** A network server with its own persistent session: what it published, the broker keeps. */
function networkServer(url: string): Promise<MqttClient> {
  return connectAsync(url, { clientId: `qos-network-server-${Math.random().toString(16).slice(2)}`, clean: false, reconnectPeriod: 100 });
}

/**
 * Publishes frames `from`..`to` of every sensor (QoS 1), running `after[fCnt]` once that frame is
 * out; resolves once the broker acknowledged every one (mqtt.js re-sends across reconnections).
 */
async function publishFrames(publisher: MqttClient, from: number, to: number, after: Record<number, () => Promise<void>> = {}): Promise<void> {
  const accepted: Promise<unknown>[] = [];
  for (let fCnt = from; fCnt <= to; fCnt++) {
    for (const sensor of sensors) {
      const { topic, payload } = uplink(sensor.devEui, fCnt);
      accepted.push(publisher.publishAsync(topic, payload, { qos: 1 }));
    }
    await after[fCnt]?.();
  }
  await Promise.all(accepted);
}

/** Uplinks the hub applied once each (duplicates and unknown devices set aside). */
const applied = (hub: RunningHub) => hub.counters.uplinks - hub.counters.duplicates - hub.counters.unknownDevices;

async function waitForApplied(hub: () => RunningHub, expected: number): Promise<void> {
  for (let i = 0; applied(hub()) < expected; i++) {
    expect(i, `the hub applied ${applied(hub())} uplinks of ${expected}`).toBeLessThan(1200);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * After the last frame, every sensor's committed frame counter is the last one, no frame was
 * counted lost, and no alarm was raised: each uplink was applied once, in order.
 */
async function expectEachUplinkOnce(hub: RunningHub, lastFCnt: number): Promise<void> {
  await hub.context.writer.idle();
  const { db } = hub.context;
  for (const sensor of sensors) {
    const device = await db.get<{ last_fcnt: number }>('SELECT last_fcnt FROM devices WHERE dev_eui = ?', [sensor.devEui]);
    expect(device?.last_fcnt, sensor.devEui).toBe(lastFCnt);
    const asset = await db.get<{ metrics: string }>('SELECT metrics FROM assets WHERE id = ?', [sensor.assetId]);
    const metrics = JSON.parse(asset!.metrics) as Record<string, unknown>;
    expect(metrics.co2Ppm, sensor.devEui).toBe(500 + lastFCnt);
    expect(metrics.uplinksLost, `${sensor.devEui} counted lost uplinks`).toBeUndefined();
  }
  const alarms = await db.get<{ n: number }>(`SELECT count(*) AS n FROM alarms WHERE asset_id IN (${sensors.map(() => '?').join(',')})`, sensors.map((s) => s.assetId));
  expect(alarms?.n).toBe(0);
}

describe('QoS 1 with a persistent Mosquitto', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('loses and repeats nothing when the broker restarts during ingest', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const test = await startTestHub({ BEFFROI_MQTT_URL: broker.url });
    cleanups.push(() => test.stop());
    const publisher = await networkServer(broker.url);
    cleanups.push(() => publisher.endAsync());

    await publishFrames(publisher, 1, UPLINKS_PER_SENSOR, { 7: () => broker.restart() });
    await waitForApplied(() => test.hub, sensors.length * UPLINKS_PER_SENSOR);
    await expectEachUplinkOnce(test.hub, UPLINKS_PER_SENSOR);
    expect(test.hub.context.sources!.mqtt('mqtt-chirpstack')!.status().acknowledgedAfterCommit).toBeGreaterThan(0);
    // What health tells whoever audits "nothing acknowledged lost": the link came back, and what
    // came twice was recognised (acknowledged again, journaled once).
    const { ingest } = HealthResponse.parse(await (await fetch(`${test.hub.url}/api/health`)).json());
    expect(ingest.reconnections).toBeGreaterThanOrEqual(1);
    expect(ingest.duplicates).toBe(test.hub.counters.duplicates);
    expect(ingest.uplinksTotal - ingest.duplicates!).toBe(sensors.length * UPLINKS_PER_SENSOR);
  });

  it('loses and repeats nothing when the network between hub and broker is cut during ingest', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: broker.port });
    cleanups.push(() => proxy.stop());
    const test = await startTestHub({ BEFFROI_MQTT_URL: proxy.url });
    cleanups.push(() => test.stop());
    const publisher = await networkServer(broker.url);
    cleanups.push(() => publisher.endAsync());

    // Cut after frame 6, while the hub is still taking frames in; the network server goes on
    // publishing to the broker; the link comes back after frame 10.
    await publishFrames(publisher, 1, UPLINKS_PER_SENSOR, { 6: () => proxy.cut(), 10: () => proxy.restore() });
    await waitForApplied(() => test.hub, sensors.length * UPLINKS_PER_SENSOR);
    await expectEachUplinkOnce(test.hub, UPLINKS_PER_SENSOR);
  });

  it('acknowledges an uplink from an undeclared device once its quarantine row is committed, and counts a redelivery of it once', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const test = await startTestHub({ BEFFROI_MQTT_URL: broker.url });
    cleanups.push(() => test.stop());
    const publisher = await networkServer(broker.url);
    cleanups.push(() => publisher.endAsync());
    const stranger = 'fedcba9876543210';
    const { topic, payload } = unknownDeviceUplink(stranger, 3);
    // The same message twice, as the broker redelivers it when the first PUBACK was lost.
    await publisher.publishAsync(topic, payload, { qos: 1 });
    await publisher.publishAsync(topic, payload, { qos: 1 });
    const source = test.hub.context.sources!.mqtt('mqtt-chirpstack')!;
    for (let i = 0; source.status().acknowledgedAfterCommit < 2; i++) {
      expect(i, 'the quarantined uplinks were not acknowledged').toBeLessThan(300);
      await new Promise((r) => setTimeout(r, 100));
    }
    const row = await test.hub.context.db.get<{ count: number }>('SELECT count FROM quarantine WHERE dev_eui = ?', [stranger]);
    expect(row?.count).toBe(1);
  });

  it('gets what the broker kept for its session while the hub was stopped', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const test = await startTestHub({ BEFFROI_MQTT_URL: broker.url });
    cleanups.push(() => test.stop());
    const publisher = await networkServer(broker.url);
    cleanups.push(() => publisher.endAsync());

    await publishFrames(publisher, 1, 5);
    await waitForApplied(() => test.hub, sensors.length * 5);
    await test.restart(() => publishFrames(publisher, 6, UPLINKS_PER_SENSOR));
    // A fresh process: its counters start at zero and see only what came while it was away.
    await waitForApplied(() => test.hub, sensors.length * (UPLINKS_PER_SENSOR - 5));
    await expectEachUplinkOnce(test.hub, UPLINKS_PER_SENSOR);
  });
});
