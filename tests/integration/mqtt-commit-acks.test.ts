import { afterEach, describe, expect, it } from 'vitest';
import { connectAsync } from 'mqtt';
import { MqttSource } from '../../electron/hub/sources/mqtt-source';
import type { Uplink } from '../../electron/hub/sources/types';
import { startMosquitto } from '../support/mosquitto';

/**
 * The source's side of "acknowledge after commit", against a persistent Mosquitto: an uplink the
 * hub never settled (it died between receipt and commit) comes back to the next process with the
 * same session; one it settled does not.
 */
const CAMERA_TOPIC = (n: number) => `beffroi/video/00112233445566${n.toString(16).padStart(2, '0')}/status`;
const STATUS = JSON.stringify({ online: true, recording: true });

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; !condition(); i++) {
    expect(i, what).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('QoS 1 acknowledgement after commit', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('redelivers to the same session what the hub received but never settled, and only that', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const publisher = await connectAsync(broker.url, { clientId: 'acks-network-server' });
    cleanups.push(() => publisher.endAsync());
    const hubSession = { url: broker.url, format: 'chirpstack' as const, clientId: 'beffroi-test-acks', log: () => undefined };

    // First process: settles cameras 0-4 (committed), receives 5-9 and dies before committing them.
    const first: Uplink[] = [];
    const crashed = new MqttSource(hubSession);
    await crashed.start({ uplink: (u) => first.push(u), join: () => undefined, downlinkReport: () => undefined });
    for (let n = 0; n < 10; n++) await publisher.publishAsync(CAMERA_TOPIC(n), STATUS, { qos: 1 });
    await until(() => first.length === 10, 'the first process did not receive the ten uplinks');
    for (const uplink of first.slice(0, 5)) uplink.settle!();
    await until(() => crashed.status().acknowledgedAfterCommit === 5, 'five acknowledgements were not sent');
    await crashed.stop();

    // The restarted hub's source, same session: gets 5-9 again, then what came meanwhile.
    await publisher.publishAsync(CAMERA_TOPIC(10), STATUS, { qos: 1 });
    const second: string[] = [];
    const restarted = new MqttSource(hubSession);
    cleanups.push(() => restarted.stop());
    await restarted.start({ uplink: (u) => (second.push(u.devEui), u.settle!()), join: () => undefined, downlinkReport: () => undefined });
    await until(() => second.length >= 6, 'the unsettled uplinks were not redelivered');
    expect(second).toEqual([5, 6, 7, 8, 9, 10].map((n) => `00112233445566${n.toString(16).padStart(2, '0')}`));
  });

  it('redelivers after a broker restart what was not settled before it', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const publisher = await connectAsync(broker.url, { clientId: 'acks-network-server-2', clean: false, reconnectPeriod: 100 });
    cleanups.push(() => publisher.endAsync());
    const received: Uplink[] = [];
    const source = new MqttSource({ url: broker.url, format: 'chirpstack', clientId: 'beffroi-test-acks-2', reconnectPeriodMs: 100, log: () => undefined });
    cleanups.push(() => source.stop());
    await source.start({ uplink: (u) => received.push(u), join: () => undefined, downlinkReport: () => undefined });
    for (let n = 0; n < 3; n++) await publisher.publishAsync(CAMERA_TOPIC(n), STATUS, { qos: 1 });
    await until(() => received.length === 3, 'the three uplinks were not received');

    await broker.restart();
    await until(() => received.length === 6, 'the unsettled uplinks were not redelivered after the restart');
    // Settling an uplink of the old connection sends nothing on the new one (its id means nothing there).
    received[0]!.settle!();
    for (const uplink of received.slice(3)) uplink.settle!();
    await until(() => source.status().acknowledgedAfterCommit === 3, 'the redelivered uplinks were not acknowledged');
    expect(received.slice(3).map((u) => u.devEui)).toEqual(received.slice(0, 3).map((u) => u.devEui));
  });
});
