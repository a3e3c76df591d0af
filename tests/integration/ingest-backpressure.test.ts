import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAsync } from 'mqtt';
import { getCodec } from '../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { MqttSource } from '../../electron/hub/sources/mqtt-source';
import type { Uplink } from '../../electron/hub/sources/types';
import { Database } from '../../electron/hub/store/db';
import { generateTerritory } from '../../electron/hub/territory';
import { HealthResponse } from '../../shared/protocol/messages';
import { startTestHub } from '../support/hub';
import { startMosquitto } from '../support/mosquitto';

/**
 * Overload: past its cap of uncommitted uplinks a source stops reading its broker (which holds
 * the rest), says so in `/api/health`, reads on once the writer caught up, and loses nothing.
 */
const CAMERA_TOPIC = (n: number) => `beffroi/video/00112233445566${n.toString(16).padStart(2, '0')}/status`;
const STATUS = JSON.stringify({ online: true, recording: true });

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; !(await condition()); i++) {
    expect(i, what).toBeLessThan(600);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('ingest backpressure', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A Mosquitto and a network server publishing to it, both stopped after the test. */
  async function brokerWithPublisher(clientId: string) {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const publisher = await connectAsync(broker.url, { clientId });
    cleanups.push(() => publisher.endAsync());
    return { broker, publisher };
  }

  it('stops reading at the cap, resumes when half is settled, and delivers every uplink in order', async () => {
    const { broker, publisher } = await brokerWithPublisher('backpressure-network-server');
    const received: Uplink[] = [];
    const source = new MqttSource({ url: broker.url, format: 'chirpstack', maxInFlightUplinks: 10, log: () => undefined });
    cleanups.push(() => source.stop());
    await source.start({ uplink: (u) => received.push(u), join: () => undefined, downlinkReport: () => undefined });
    for (let n = 0; n < 40; n++) await publisher.publishAsync(CAMERA_TOPIC(n), STATUS, { qos: 1 });

    // Nothing settled: ten taken, then reading stops; the broker holds the other thirty.
    await until(() => source.intake()?.paused === true, 'the intake did not pause at its cap');
    expect(received).toHaveLength(10);
    expect(source.intake()).toMatchObject({ inFlight: 10, maxInFlight: 10, paused: true, pauses: 1 });

    // Four settled: still above half the cap, still paused. One more: reading resumes.
    for (const uplink of received.slice(0, 4)) uplink.settle!();
    expect(source.intake()).toMatchObject({ inFlight: 6, paused: true });
    received[4]!.settle!();
    await until(() => received.length === 15, 'the intake did not resume once half the cap was settled');
    expect(source.intake()).toMatchObject({ inFlight: 10, paused: true, pauses: 2 });

    // The writer catching up: every uplink arrives, in the broker's order, each acknowledged once.
    let settled = 5;
    await until(() => {
      for (const uplink of received.slice(settled)) uplink.settle!();
      settled = received.length;
      return received.length === 40 && source.intake()?.inFlight === 0;
    }, 'not every uplink came through');
    expect(received.map((u) => u.devEui)).toEqual(Array.from({ length: 40 }, (_, n) => CAMERA_TOPIC(n).split('/')[2]));
    await until(() => source.status().acknowledgedAfterCommit === 40, 'not every uplink was acknowledged');
    expect(source.intake()).toMatchObject({ inFlight: 0, paused: false });
  }, 120_000);

  it('keeps a slow but flowing link: a PINGRESP queued behind held messages does not drop it', async () => {
    const { broker, publisher } = await brokerWithPublisher('backpressure-network-server-keepalive');
    const received: Uplink[] = [];
    const lines: string[] = [];
    // A writer committing one uplink every 150 ms, one in flight at a time: 40 uplinks take 6 s.
    // Mosquitto sends up to 20 ahead, so a PINGRESP waits up to 3 s behind them: twice what a
    // keep-alive of 1 s allows (1.5 s) before mqtt.js would drop the link as dead.
    const source = new MqttSource({ url: broker.url, format: 'chirpstack', maxInFlightUplinks: 1, keepaliveS: 1, log: (line) => lines.push(line) });
    cleanups.push(() => source.stop());
    await source.start({ uplink: (u) => (received.push(u), setTimeout(() => u.settle!(), 150)), join: () => undefined, downlinkReport: () => undefined });
    for (let n = 0; n < 40; n++) await publisher.publishAsync(CAMERA_TOPIC(n), STATUS, { qos: 1 });

    await until(() => source.status().acknowledgedAfterCommit === 40, 'not every uplink was acknowledged');
    expect(lines.filter((line) => /perdue|erreur/.test(line))).toEqual([]);
    expect(source.status().reconnections).toBe(0);
    // Each once, in order: no redelivery.
    expect(received.map((u) => u.devEui)).toEqual(Array.from({ length: 40 }, (_, n) => CAMERA_TOPIC(n).split('/')[2]));
    // Gone quiet, the link is still checked, and a broker that answers keeps it.
    await new Promise((r) => setTimeout(r, 2500));
    expect(source.status()).toMatchObject({ link: 'connected', reconnections: 0 });
  }, 120_000);

  it('an uplink whose commit failed frees its place without being acknowledged', async () => {
    const { broker, publisher } = await brokerWithPublisher('backpressure-network-server-2');
    const received: Uplink[] = [];
    const source = new MqttSource({ url: broker.url, format: 'chirpstack', maxInFlightUplinks: 2, log: () => undefined });
    cleanups.push(() => source.stop());
    await source.start({ uplink: (u) => received.push(u), join: () => undefined, downlinkReport: () => undefined });
    for (let n = 0; n < 3; n++) await publisher.publishAsync(CAMERA_TOPIC(n), STATUS, { qos: 1 });
    await until(() => source.intake()?.paused === true, 'the intake did not pause at its cap');
    received[0]!.abandon!();
    received[1]!.abandon!();
    await until(() => received.length === 3, 'the intake did not resume after the failed commits');
    received[2]!.settle!();
    await until(() => source.status().acknowledgedAfterCommit === 1, 'the committed uplink was not acknowledged');
    expect(source.intake()).toMatchObject({ inFlight: 0, paused: false });
  }, 120_000);

  it('a hub capped at one uplink in flight shows its pauses in /api/health and journals every uplink', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const running = await startTestHub({ BEFFROI_DEMO: 'essonne', BEFFROI_MQTT_URL: broker.url, BEFFROI_INGEST_MAX_IN_FLIGHT: '1' });
    cleanups.push(() => running.stop());
    const url = `http://127.0.0.1:${running.hub.port}`;
    const health = async () => HealthResponse.parse(await (await fetch(`${url}/api/health`)).json());
    expect((await health()).ingest).toMatchObject({ inFlight: 0, maxInFlight: 1, paused: false, pauses: 0, acknowledged: 0 });

    const territory = generateTerritory('essonne');
    const sensors = territory.devices.filter((d) => d.model === 'milesight-am307').slice(0, 10);
    const codec = getCodec('milesight-am307')!;
    const publisher = await connectAsync(broker.url, { clientId: 'backpressure-hub-network-server' });
    cleanups.push(() => publisher.endAsync());
    const FRAMES = 20;
    const publishing: Promise<unknown>[] = [];
    for (let fCnt = 1; fCnt <= FRAMES; fCnt++) {
      for (const device of sensors) {
        const info = deviceInfoFor(territory.name, device, territory.assets.find((a) => a.id === device.assetId)!);
        const { fPort, bytes } = codec.encodeUplink!({ battery: 90, temperature: 21, humidity: 45, co2: 500 + fCnt });
        const reception = { gatewayId: '0016c001f0000001', rssi: -97, snr: 6.5, dr: 5, frequency: 868_100_000, uplinkId: fCnt };
        const event = uplinkEvent({ info, deduplicationId: `bp-${device.devEui}-${fCnt}`, time: new Date().toISOString(), devAddr: '01020304', fCnt, fPort, bytes, reception });
        publishing.push(publisher.publishAsync(topicOf(info, 'up'), JSON.stringify(event), { qos: 1 }));
      }
    }
    await Promise.all(publishing);
    const total = sensors.length * FRAMES;
    await until(async () => (await health()).ingest.acknowledged === total, 'not every uplink was acknowledged');
    const after = (await health()).ingest;
    // One in flight at a time: every uplink held the next one at the broker until its commit.
    expect(after.pauses).toBeGreaterThanOrEqual(1);
    expect(after).toMatchObject({ inFlight: 0, paused: false, uplinksTotal: total, acknowledged: total });

    // What was acknowledged is in the database (WAL: read beside the running hub).
    const db = await Database.open(join(running.dataDir, 'beffroi.sqlite'));
    try {
      for (const sensor of sensors) {
        const device = await db.get<{ last_fcnt: number; uplinks_lost: number }>('SELECT last_fcnt, uplinks_lost FROM devices WHERE dev_eui = ?', [sensor.devEui]);
        expect(device, sensor.devEui).toEqual({ last_fcnt: FRAMES, uplinks_lost: 0 });
      }
    } finally {
      await db.close();
    }
  }, 300_000);
});
