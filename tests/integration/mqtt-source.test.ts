import { type MqttClient, connectAsync } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hexToBytes } from '../../electron/hub/codecs/bytes';
import { parseChirpstackDownlinkCommand } from '../../electron/hub/sources/chirpstack';
import { CHIRPSTACK_COMMAND_SUBSCRIPTION } from '../../electron/hub/sources/chirpstack-schema';
import { type EmbeddedBroker, startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { MqttSource } from '../../electron/hub/sources/mqtt-source';
import { TTS_CORRELATION_PREFIX } from '../../electron/hub/sources/tts';
import type { DownlinkReport, DownlinkRequest, Join, SourceSink, Uplink } from '../../electron/hub/sources/types';
import { cameraStatusTopic } from '../../electron/hub/sources/video';
import { APP, THERMOSTAT, ackEvent, joinEvent, json, topic, txackEvent, upEvent } from '../unit/sources/chirpstack-events';

/** Items in arrival order; `next()` waits for the next one (no sleeps, no timing). */
class Inbox<T> {
  private readonly items: T[] = [];
  private readonly waiting: ((item: T) => void)[] = [];
  /** How many items arrived so far, taken or not. */
  received = 0;

  push = (item: T): void => {
    this.received += 1;
    const waiter = this.waiting.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  };

  next(): Promise<T> {
    const item = this.items.shift();
    return item !== undefined ? Promise.resolve(item) : new Promise((resolve) => this.waiting.push(resolve));
  }
}

const setpoint = (ref: string): DownlinkRequest => ({
  devEui: THERMOSTAT,
  fPort: 85,
  bytes: Uint8Array.of(0xff, 0xb1, 0x13, 0x0a, 0x00),
  confirmed: true,
  ref,
});

let broker: EmbeddedBroker;
let source: MqttSource;
let network: MqttClient;
let uplinks: Inbox<Uplink>;
let reports: Inbox<DownlinkReport>;
let joins: Inbox<Join>;
let logLines: string[];

async function startSource(format: 'chirpstack' | 'tts', extra: { ttsApplicationId?: string } = {}) {
  uplinks = new Inbox();
  reports = new Inbox();
  joins = new Inbox();
  logLines = [];
  source = new MqttSource({ url: broker.url, format, reconnectPeriodMs: 100, log: (line) => logLines.push(line), ...extra });
  const sink: SourceSink = { uplink: uplinks.push, join: joins.push, downlinkReport: reports.push };
  await source.start(sink);
}

beforeEach(async () => {
  broker = await startEmbeddedBroker();
  // Plays the network server: publishes its events and reads the hub's commands.
  network = await connectAsync(broker.url, { clientId: 'network-server', reconnectPeriod: 100 });
});

afterEach(async () => {
  await source?.stop();
  await network.endAsync();
  await broker.stop();
});

describe('MqttSource with ChirpStack v4 events on a real broker', () => {
  beforeEach(() => startSource('chirpstack'));

  it('delivers an uplink published on application/<app>/device/<devEui>/event/up', async () => {
    await network.publishAsync(topic('up'), json(upEvent()), { qos: 1 });
    const uplink = await uplinks.next();
    expect(uplink).toMatchObject({ devEui: THERMOSTAT, fPort: 85, fCnt: 132, bytes: hexToBytes('017561 04672C01 03670A01 059264') });
  });

  it('delivers a join published on event/join', async () => {
    await network.publishAsync(topic('join'), json(joinEvent()), { qos: 1 });
    expect(await joins.next()).toEqual({ devEui: THERMOSTAT, joinedAt: '2025-01-16T08:10:02.118Z', devAddr: '01f3a9c2' });
    expect(source.counters.joins).toBe(1);
  });

  it('ignores a malformed message, logs one line without the payload, and keeps working', async () => {
    await network.publishAsync(topic('up'), '{"deviceInfo": "secret-payload-text"', { qos: 1 });
    await network.publishAsync(topic('up'), json(upEvent({ fCnt: 133 })), { qos: 1 });
    expect((await uplinks.next()).fCnt).toBe(133);
    expect(source.counters).toMatchObject({ malformed: 1, uplinks: 1 });
    const complaint = logLines.filter((line) => line.includes('message ignoré'));
    expect(complaint).toHaveLength(1);
    expect(complaint[0]).toContain(topic('up'));
    expect(complaint[0]).not.toContain('secret-payload-text');
  });

  it('publishes a downlink on command/down and maps txack and ack back to its ref', async () => {
    const commands = new Inbox<{ topic: string; payload: Buffer }>();
    network.on('message', (where, payload) => commands.push({ topic: where, payload }));
    await network.subscribeAsync(CHIRPSTACK_COMMAND_SUBSCRIPTION, { qos: 1 });
    await network.publishAsync(topic('up'), json(upEvent()), { qos: 1 });
    await uplinks.next();

    await source.enqueueDownlink(setpoint('cmd-setpoint-19'));
    const sent = await commands.next();
    expect(sent.topic).toBe(`application/${APP}/device/${THERMOSTAT}/command/down`);
    const { command } = parseChirpstackDownlinkCommand(sent.topic, sent.payload);
    expect(command).toMatchObject({ devEui: THERMOSTAT, fPort: 85, confirmed: true, data: hexToBytes('ffb1130a00') });

    const queueItemId = command.id ?? '';
    await network.publishAsync(topic('txack'), json(txackEvent(queueItemId)), { qos: 1 });
    expect(await reports.next()).toMatchObject({ ref: 'cmd-setpoint-19', devEui: THERMOSTAT, outcome: 'sent' });
    await network.publishAsync(topic('ack'), json(ackEvent(queueItemId, true)), { qos: 1 });
    expect(await reports.next()).toMatchObject({ ref: 'cmd-setpoint-19', outcome: 'acked' });
  });

  it('holds a downlink for a device not heard since start, and queues it on command/down right after its first uplink', async () => {
    const commands = new Inbox<{ topic: string; payload: Buffer; uplinksBefore: number }>();
    network.on('message', (where, payload) => commands.push({ topic: where, payload, uplinksBefore: uplinks.received }));
    await network.subscribeAsync(CHIRPSTACK_COMMAND_SUBSCRIPTION, { qos: 1 });

    // A hub restart, then a setpoint before the thermostat has spoken: its application is unknown.
    const enqueued = source.enqueueDownlink(setpoint('cmd-after-restart'));
    expect(source.heldDownlinks).toBe(1);
    expect(logLines.some((line) => line.includes(`${THERMOSTAT} en attente de sa première remontée`))).toBe(true);

    const heard = upEvent({ deviceInfo: { ...upEvent().deviceInfo, applicationId: 'app-batiments' } });
    await network.publishAsync(topic('up', THERMOSTAT, 'app-batiments'), json(heard), { qos: 1 });
    expect((await uplinks.next()).devEui).toBe(THERMOSTAT);
    const sent = await commands.next();
    // Published only once the device's uplink had reached the hub, to the application it came from.
    expect(sent.uplinksBefore).toBe(1);
    expect(sent.topic).toBe(`application/app-batiments/device/${THERMOSTAT}/command/down`);
    expect(parseChirpstackDownlinkCommand(sent.topic, sent.payload).command).toMatchObject({
      devEui: THERMOSTAT,
      fPort: 85,
      confirmed: true,
      data: hexToBytes('ffb1130a00'),
    });
    await expect(enqueued).resolves.toBeUndefined();
    expect(source.heldDownlinks).toBe(0);
  });

  it('gives up a held downlink with a French reason when the source stops', async () => {
    const held = expect(source.enqueueDownlink(setpoint('cmd-held'))).rejects.toThrow(
      /source MQTT arrêtée : la liaison descendante, en attente de la première remontée du capteur/,
    );
    await source.stop();
    await held;
  });

  it('lets the hub withdraw a held downlink (its command expired), which is then never published', async () => {
    const commands = new Inbox<string>();
    network.on('message', (where) => commands.push(where));
    await network.subscribeAsync(CHIRPSTACK_COMMAND_SUBSCRIPTION, { qos: 1 });
    const withdrawn = source.enqueueDownlink(setpoint('cmd-expired'));
    const kept = source.enqueueDownlink(setpoint('cmd-newer'));
    expect(source.withdrawDownlink('cmd-expired')).toBe(true);
    await expect(withdrawn).rejects.toThrow(/retirée avant d’être transmise/);
    expect(source.withdrawDownlink('cmd-expired')).toBe(false);

    await network.publishAsync(topic('up'), json(upEvent()), { qos: 1 });
    await kept;
    const published = await commands.next();
    expect(published).toBe(`application/${APP}/device/${THERMOSTAT}/command/down`);
    expect(source.heldDownlinks).toBe(0);
  });

  it('turns camera status from the video management system into an uplink', async () => {
    const camera = 'accc8eff2f0e3b9c';
    await network.publishAsync(cameraStatusTopic(camera), JSON.stringify({ online: false, recording: false }), { qos: 1 });
    expect(await uplinks.next()).toMatchObject({ devEui: camera, object: { online: false, recording: false } });
  });

  it('reconnects and resubscribes by itself after the broker restarts', async () => {
    const { port } = broker;
    await network.endAsync();
    await broker.stop();
    broker = await startEmbeddedBroker({ port });
    network = await connectAsync(broker.url, { clientId: 'network-server' });
    // Retained, so it reaches the source whenever its new subscription lands.
    await network.publishAsync(topic('up'), json(upEvent({ fCnt: 500 })), { qos: 1, retain: true });
    expect((await uplinks.next()).fCnt).toBe(500);
    expect(logLines.some((line) => line.includes('connexion perdue'))).toBe(true);
  });
});

describe('MqttSource with The Things Stack v3 messages on a real broker', () => {
  const GATE = 'a840412200000001';
  const ttsTopic = (event: string) => `v3/beffroi@syndicat/devices/portail-lardy/${event}`;
  const ids = { device_id: 'portail-lardy', application_ids: { application_id: 'beffroi' }, dev_eui: GATE.toUpperCase() };

  beforeEach(() => startSource('tts'));

  it('subscribes to joins and delivers them', async () => {
    const joinAccept = { session_key_id: 'AYzLq0xYv6KJ0hXv2mJ1dw==', received_at: '2025-01-16T08:10:02.118Z' };
    await network.publishAsync(ttsTopic('join'), JSON.stringify({ end_device_ids: ids, join_accept: joinAccept }), { qos: 1 });
    expect(await joins.next()).toEqual({ devEui: GATE, joinedAt: '2025-01-16T08:10:02.118Z' });
  });

  it('delivers an uplink and carries the ref through down/push and down/ack', async () => {
    const pushes = new Inbox<{ topic: string; payload: Buffer }>();
    network.on('message', (where, payload) => pushes.push({ topic: where, payload }));
    await network.subscribeAsync('v3/+/devices/+/down/push', { qos: 1 });

    const frame = Buffer.from(hexToBytes('0000 0000 0000 0000 08 00 41')).toString('base64');
    await network.publishAsync(ttsTopic('up'), JSON.stringify({ end_device_ids: ids, uplink_message: { f_port: 2, f_cnt: 9, frm_payload: frame } }), { qos: 1 });
    expect(await uplinks.next()).toMatchObject({ devEui: GATE, fPort: 2, fCnt: 9 });

    await source.enqueueDownlink({ devEui: GATE, fPort: 1, bytes: Uint8Array.of(3, 1, 0x11), confirmed: true, ref: 'cmd-gate' });
    const push = await pushes.next();
    expect(push.topic).toBe(ttsTopic('down/push'));
    const correlation = `${TTS_CORRELATION_PREFIX}cmd-gate`;
    expect(JSON.parse(push.payload.toString()).downlinks[0].correlation_ids).toEqual([correlation]);

    await network.publishAsync(ttsTopic('down/ack'), JSON.stringify({ end_device_ids: ids, downlink_ack: { f_port: 1, correlation_ids: [correlation] } }), { qos: 1 });
    expect(await reports.next()).toMatchObject({ ref: 'cmd-gate', devEui: GATE, outcome: 'acked' });
  });
});

describe('MqttSource without a broker', () => {
  it('start() fails with a French message when no broker answers, and downlinks are refused', async () => {
    const { url } = broker;
    await network.endAsync();
    await broker.stop();
    broker = await startEmbeddedBroker(); // for afterEach; the source points at the stopped one
    network = await connectAsync(broker.url);
    source = new MqttSource({ url, format: 'chirpstack', connectTimeoutMs: 500, reconnectPeriodMs: 100, log: () => undefined });
    await expect(source.start({ uplink: () => undefined, join: () => undefined, downlinkReport: () => undefined })).rejects.toThrow(/injoignable/);
    await expect(source.enqueueDownlink(setpoint('cmd-1'))).rejects.toThrow(/courtier MQTT déconnecté/);
  });
});
