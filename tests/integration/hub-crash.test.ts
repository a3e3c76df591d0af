import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAsync } from 'mqtt';
import { hubCommand } from '../../scripts/lib/hub-process.mjs';
import { getCodec } from '../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { Database } from '../../electron/hub/store/db';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startMosquitto } from '../support/mosquitto';
import { tempDir } from '../support/temp-dir';

/**
 * The hub process killed (SIGKILL, no goodbye) in the middle of ingest, then started again on the
 * same data: every uplink the broker accepted ends in the journal once. An uplink acknowledged
 * before its commit would be lost with the process, and show as a frame-counter gap.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const territory = generateTerritory('essonne');
const sensors = territory.devices.filter((d) => d.model === 'milesight-am307').slice(0, 20);
const FRAMES = 100;
const codec = getCodec('milesight-am307')!;
const baseMs = Date.now();

function uplink(devEui: string, fCnt: number): { topic: string; payload: string } {
  const device = territory.devices.find((d) => d.devEui === devEui)!;
  const info = deviceInfoFor(territory.name, device, territory.assets.find((a) => a.id === device.assetId)!);
  const { fPort, bytes } = codec.encodeUplink!({ battery: 90, temperature: 21, humidity: 45, co2: 500 + fCnt });
  const reception = { gatewayId: '0016c001f0000001', rssi: -97, snr: 6.5, dr: 5, frequency: 868_100_000, uplinkId: fCnt };
  const event = uplinkEvent({ info, deduplicationId: `crash-${devEui}-${fCnt}`, time: new Date(baseMs + fCnt * 1000).toISOString(), devAddr: '01020304', fCnt, fPort, bytes, reception });
  return { topic: topicOf(info, 'up'), payload: JSON.stringify(event) };
}

/** A hub process on `dataDir`; resolves with its address once it says it is ready. */
async function startHubProcess(dataDir: string, brokerUrl: string): Promise<{ url: string; child: ChildProcess; exited: Promise<void> }> {
  const { command, args, cwd } = hubCommand(ROOT);
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, BEFFROI_PORT: '0', BEFFROI_DATA_DIR: dataDir, BEFFROI_DEMO: 'essonne', BEFFROI_SIMULATOR: 'off', BEFFROI_MQTT_URL: brokerUrl },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const address = /hub prêt : (http:\/\/[^\s/]+)/.exec(line)?.[1];
      if (address) resolve(address);
    });
    void exited.then(() => reject(new Error(`le hub s’est arrêté au démarrage (code ${child.exitCode})`)));
  });
  return { url, child, exited };
}

async function uplinksTotal(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { ingest?: { uplinksTotal?: number } };
  return health.ingest?.uplinksTotal ?? 0;
}

describe('a hub killed during ingest', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('gets again on restart what it had received but not committed, and applies everything once', async () => {
    const broker = await startMosquitto({ persistence: true });
    cleanups.push(() => broker.stop());
    const data = await tempDir('beffroi-crash-');
    cleanups.push(() => data.remove());
    let hub = await startHubProcess(data.path, broker.url);
    cleanups.push(async () => {
      hub.child.kill('SIGTERM');
      await hub.exited;
    });
    const publisher = await connectAsync(broker.url, { clientId: 'crash-network-server', clean: false, reconnectPeriod: 100 });
    cleanups.push(() => publisher.endAsync());

    const accepted: Promise<unknown>[] = [];
    const publish = (fCnt: number) => {
      for (const sensor of sensors) {
        const { topic, payload } = uplink(sensor.devEui, fCnt);
        accepted.push(publisher.publishAsync(topic, payload, { qos: 1 }));
      }
    };
    for (let fCnt = 1; fCnt <= FRAMES / 2; fCnt++) publish(fCnt);
    // Killed while uplinks are flowing in: some committed, some received and not yet committed.
    while ((await uplinksTotal(hub.url)) < 200) await new Promise((r) => setTimeout(r, 20));
    hub.child.kill('SIGKILL');
    await hub.exited;
    for (let fCnt = FRAMES / 2 + 1; fCnt <= FRAMES; fCnt++) publish(fCnt);
    await Promise.all(accepted);

    hub = await startHubProcess(data.path, broker.url);
    const console_ = await HubClient.connect(hub.url);
    await console_.login('admin');
    await console_.request('subscribe');
    // The broker delivers the session's queue in order and the writer commits in order: once the
    // last frame of the last sensor is on the console, everything before it is in the journal.
    const last = sensors.at(-1)!;
    const lastFrameOn = (assets: { id: string; metrics: Record<string, unknown> }[]) =>
      assets.some((a) => a.id === last.assetId && a.metrics.co2Ppm === 500 + FRAMES);
    await console_.waitFor(
      (m) =>
        (m.op === 'snapshot' && lastFrameOn(m.assets as never)) ||
        (m.op === 'events' && lastFrameOn((m.events as { asset?: never }[]).flatMap((e) => (e.asset ? [e.asset] : [])))),
      120_000,
    );
    await console_.close();
    hub.child.kill('SIGTERM');
    await hub.exited;

    const db = await Database.open(join(data.path, 'beffroi.sqlite'));
    try {
      for (const sensor of sensors) {
        const device = await db.get<{ last_fcnt: number }>('SELECT last_fcnt FROM devices WHERE dev_eui = ?', [sensor.devEui]);
        expect(device?.last_fcnt, sensor.devEui).toBe(FRAMES);
        const asset = await db.get<{ metrics: string }>('SELECT metrics FROM assets WHERE id = ?', [sensor.assetId]);
        expect((JSON.parse(asset!.metrics) as Record<string, unknown>).uplinksLost, `${sensor.devEui}: uplinks lost in the crash`).toBeUndefined();
      }
    } finally {
      await db.close();
    }
  }, 300_000);
});
