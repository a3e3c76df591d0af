import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAsync, type MqttClient } from 'mqtt';
import { generateTerritory, MODELS, type TerritorySeed } from '../../electron/hub/territory';
import { startSimulator, type RunningSimulator } from '../../electron/hub/simulator';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { chirpstackDownlinkCommand, chirpstackUplink, parseChirpstackEvent, type ChirpstackEvent } from '../../electron/hub/sources/chirpstack';
import { cameraStatusUplink, isCameraStatusTopic } from '../../electron/hub/sources/video';
import { getCodec } from '../../electron/hub/codecs/registry';
import type { CommandRequest } from '../../shared/domain/commands';

/**
 * The simulator against a real MQTT broker, read by an MQTT client the way the hub's source reads
 * it: ChirpStack v4 events every codec decodes, and the class A downlink round trip
 * (command/down → txack → ack → read-back). No timing assertions: each step waits for its message.
 */

/** One asset of each supervised kind (a school has two devices), reporting every second. */
function tinyTerritory(): TerritorySeed {
  const essonne = generateTerritory('essonne');
  const pick = (kind: string, category?: string) => {
    const asset = essonne.assets.find((a) => a.kind === kind && (category === undefined || a.category === category));
    if (!asset) throw new Error(`no ${kind} in essonne`);
    return asset;
  };
  const assets = [pick('building', 'school'), pick('lighting-cabinet'), pick('waste-container'), pick('gate'), pick('camera')];
  const ids = new Set(assets.map((a) => a.id));
  const devices = essonne.devices.filter((d) => ids.has(d.assetId)).map((d) => ({ ...d, uplinkPeriodS: 1 }));
  const gatewayIds = new Set(devices.map((d) => d.gatewayId));
  return {
    name: 'essonne',
    communes: essonne.communes.filter((c) => assets.some((a) => a.commune === c.code)),
    assets,
    devices,
    gateways: essonne.gateways.filter((g) => gatewayIds.has(g.id)),
  };
}

interface Received {
  index: number;
  topic: string;
  payload: Buffer;
}

/** Every message the subscriber got, in order, and a way to wait for the next one that matches. */
class Inbox {
  readonly messages: Received[] = [];
  private waiters: { from: number; match: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];

  constructor(client: MqttClient) {
    client.on('message', (topic, payload) => {
      const message = { index: this.messages.length, topic, payload };
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => !(message.index >= w.from && w.match(message) && (w.resolve(message), true)));
    });
  }

  next(match: (m: Received) => boolean, from = 0): Promise<Received> {
    const found = this.messages.find((m) => m.index >= from && match(m));
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ from, match, resolve }));
  }
}

const eventOf = (m: Received): ChirpstackEvent | undefined =>
  m.topic.startsWith('application/') ? parseChirpstackEvent(m.topic, m.payload) : undefined;
const isEvent = (type: ChirpstackEvent['type'], devEui: string) => (m: Received) => {
  const event = eventOf(m);
  return event !== undefined && event.type === type && 'body' in event && event.body.deviceInfo.devEui === devEui;
};
const queueItemOf = (m: Received): string | undefined => {
  const event = eventOf(m);
  return event && (event.type === 'txack' || event.type === 'ack') ? event.body.queueItemId : undefined;
};

describe('simulator on a real MQTT broker', () => {
  const territory = tinyTerritory();
  const deviceOf = (model: string) => {
    const device = territory.devices.find((d) => d.model === model);
    if (!device) throw new Error(`no ${model}`);
    return device;
  };
  const thermostat = deviceOf(MODELS.thermostat);
  let broker: EmbeddedBroker;
  let subscriber: MqttClient;
  let inbox: Inbox;
  let simulator: RunningSimulator;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    subscriber = await connectAsync(broker.url);
    inbox = new Inbox(subscriber);
    await subscriber.subscribeAsync(['application/+/device/+/event/+', 'beffroi/video/+/status'], { qos: 1 });
    simulator = await startSimulator({
      territory,
      brokerUrl: broker.url,
      speed: 600,
      seed: 'integration',
      startAt: new Date('2026-01-13T05:00:00Z'), // a Tuesday, 06:00 in Paris
      incidents: false, // the outage test triggers its own
    });
  });

  afterAll(async () => {
    await simulator?.stop();
    await subscriber?.endAsync();
    await broker?.stop();
  });

  /** Publishes a command/down as the hub's source does, with the application heard in the device's uplinks. */
  async function sendDownlink(devEui: string, command: CommandRequest, confirmed = true): Promise<{ queueItemId: string; from: number }> {
    const model = territory.devices.find((d) => d.devEui === devEui)?.model ?? '';
    const encoded = getCodec(model)?.encodeDownlink?.(command);
    if (!encoded) throw new Error(`${model} cannot encode ${command.type}`);
    return sendFrame(devEui, encoded, confirmed);
  }

  /** A downlink frame as given, even one the hub would never send. */
  async function sendFrame(devEui: string, encoded: { fPort: number; bytes: Uint8Array }, confirmed = true): Promise<{ queueItemId: string; from: number }> {
    const up = eventOf(await inbox.next(isEvent('up', devEui)));
    if (up?.type !== 'up') throw new Error('no uplink');
    const queueItemId = randomUUID();
    const { topic, payload } = chirpstackDownlinkCommand(up.body.deviceInfo.applicationId, { devEui, ...encoded, confirmed, ref: 'test' }, queueItemId);
    const from = inbox.messages.length;
    await subscriber.publishAsync(topic, payload, { qos: 1 });
    return { queueItemId, from };
  }

  it('has each device join the network before its first uplink, which then opens the session at counter 0', async () => {
    const device = thermostat.devEui;
    const joined = await inbox.next(isEvent('join', device));
    const join = eventOf(joined);
    if (join?.type !== 'join') throw new Error('not a join');
    expect(join.body.devAddr).toMatch(/^01[0-9a-f]{6}$/);
    const firstUp = inbox.messages.find((m) => isEvent('up', device)(m));
    // Nothing of this device came before its join.
    expect(firstUp === undefined || firstUp.index > joined.index).toBe(true);
    const up = eventOf(await inbox.next(isEvent('up', device), joined.index));
    if (up?.type !== 'up') throw new Error('not an uplink');
    expect(up.body.fCnt ?? 0).toBe(0); // protobuf JSON leaves a zero counter out
    expect(up.body.devAddr).toBe(join.body.devAddr);
    expect(Date.parse(up.body.time!)).toBeGreaterThan(Date.parse(join.body.time!));
    expect(simulator.stats().joins).toBeGreaterThanOrEqual(1);
  });

  it.each(territory.devices.filter((d) => d.model !== MODELS.camera).map((d) => [d.model, d] as const))(
    'publishes %s uplinks as ChirpStack v4 event/up that its codec decodes',
    async (_model, device) => {
      const first = eventOf(await inbox.next(isEvent('up', device.devEui)));
      if (first?.type !== 'up') throw new Error('not an uplink');
      const uplink = chirpstackUplink(first.body);
      expect(uplink?.gatewayId).toBe(device.gatewayId);
      expect(uplink?.rssiDbm).toBeLessThan(-30);
      expect(first.body.deviceInfo.deviceClassEnabled).toBe('CLASS_A');
      const decoded = getCodec(device.model)?.decodeUplink(uplink?.fPort ?? 0, uplink?.bytes ?? new Uint8Array());
      expect(decoded?.observations.length).toBeGreaterThan(0);

      const firstIndex = inbox.messages.findIndex((m) => isEvent('up', device.devEui)(m));
      const second = eventOf(await inbox.next(isEvent('up', device.devEui), firstIndex + 1));
      if (second?.type !== 'up') throw new Error('not an uplink');
      expect(second.body.fCnt).toBeGreaterThan(first.body.fCnt ?? 0);
    },
  );

  it('publishes camera status for the video management system', async () => {
    const camera = deviceOf(MODELS.camera);
    const message = await inbox.next((m) => isCameraStatusTopic(m.topic) && m.topic.includes(camera.devEui));
    const uplink = cameraStatusUplink(message.topic, message.payload);
    const decoded = getCodec(MODELS.camera)?.normaliseObject?.(uplink.object ?? {});
    expect(decoded?.observations.map((o) => o.metric).sort()).toEqual(['online', 'recording']);
  });

  it('takes a half-degree setpoint after the next uplink (txack), acknowledges it, then reports it', async () => {
    const { queueItemId, from } = await sendDownlink(thermostat.devEui, { type: 'heating.setpoint', celsius: 19.5 });
    const txack = await inbox.next((m) => isEvent('txack', thermostat.devEui)(m) && queueItemOf(m) === queueItemId, from);
    const ack = await inbox.next((m) => isEvent('ack', thermostat.devEui)(m) && queueItemOf(m) === queueItemId, txack.index);
    const ackEvent = eventOf(ack);
    expect(ackEvent?.type === 'ack' && ackEvent.body.acknowledged).toBe(true);
    const readBack = eventOf(await inbox.next(isEvent('up', thermostat.devEui), ack.index));
    if (readBack?.type !== 'up') throw new Error('not an uplink');
    const uplink = chirpstackUplink(readBack.body);
    const decoded = getCodec(MODELS.thermostat)?.decodeUplink(uplink?.fPort ?? 0, uplink?.bytes ?? new Uint8Array());
    expect(decoded?.observations).toContainEqual({ metric: 'setpointC', value: 19.5 });
  });

  it('reports a setpoint the thermostat refuses (31.5 °C, beyond the Vicki’s 5–30 °C) as not acknowledged', async () => {
    const { queueItemId, from } = await sendFrame(thermostat.devEui, { fPort: 2, bytes: Uint8Array.from([0x51, 0x01, 0x3b]) });
    const ack = await inbox.next((m) => isEvent('ack', thermostat.devEui)(m) && queueItemOf(m) === queueItemId, from);
    const ackEvent = eventOf(ack);
    expect(ackEvent?.type === 'ack' && ackEvent.body.acknowledged).toBe(false);
  });

  it('opens a cemetery gate on command, which then reads open', async () => {
    const gate = deviceOf(MODELS.gateController);
    const { queueItemId, from } = await sendDownlink(gate.devEui, { type: 'gate.set', position: 'open' });
    const ack = await inbox.next((m) => isEvent('ack', gate.devEui)(m) && queueItemOf(m) === queueItemId, from);
    const readBack = eventOf(await inbox.next(isEvent('up', gate.devEui), ack.index));
    if (readBack?.type !== 'up') throw new Error('not an uplink');
    const uplink = chirpstackUplink(readBack.body);
    const decoded = getCodec(MODELS.gateController)?.decodeUplink(uplink?.fPort ?? 0, uplink?.bytes ?? new Uint8Array());
    expect(decoded?.observations).toContainEqual({ metric: 'gateOpen', value: true });
  });

  it('answers a command whose devEui does not match its topic with a ChirpStack log error', async () => {
    const up = eventOf(await inbox.next(isEvent('up', thermostat.devEui)));
    if (up?.type !== 'up') throw new Error('no uplink');
    const from = inbox.messages.length;
    const topic = `application/${up.body.deviceInfo.applicationId}/device/${thermostat.devEui}/command/down`;
    await subscriber.publishAsync(topic, JSON.stringify({ devEui: '0000000000000001', fPort: 85, data: 'AA==' }), { qos: 1 });
    const log = eventOf(await inbox.next(isEvent('log', thermostat.devEui), from));
    expect(log?.type === 'log' && log.body.level).toBe('ERROR');
  });

  it('holds a downlink while the device’s gateway is down, and delivers it once the gateway is back', async () => {
    const gatewayId = thermostat.gatewayId ?? '';
    simulator.trigger({ kind: 'gateway-outage', gatewayId, durationS: 3_600 });
    const { queueItemId, from } = await sendDownlink(thermostat.devEui, { type: 'heating.setpoint', celsius: 18 });
    // Five camera reports later (cameras are not behind LoRaWAN gateways), nothing went out.
    const camera = deviceOf(MODELS.camera);
    let cursor = from;
    for (let i = 0; i < 5; i++) cursor = (await inbox.next((m) => m.topic.includes(camera.devEui), cursor)).index + 1;
    const fromThermostat = inbox.messages.slice(from).filter((m) => m.topic.includes(thermostat.devEui));
    expect(fromThermostat.filter((m) => queueItemOf(m) === queueItemId)).toEqual([]);
    const lastBefore = inbox.messages.slice(0, from).filter(isEvent('up', thermostat.devEui)).map(eventOf).at(-1);

    simulator.trigger({ kind: 'gateway-outage', gatewayId, durationS: 0 });
    const txack = await inbox.next((m) => queueItemOf(m) === queueItemId && isEvent('txack', thermostat.devEui)(m), from);
    const firstAfter = inbox.messages.slice(from, txack.index).filter(isEvent('up', thermostat.devEui)).map(eventOf).at(-1);
    // The frames sent into the outage were lost: the frame counter jumped over them.
    if (lastBefore?.type !== 'up' || firstAfter?.type !== 'up') throw new Error('uplinks around the outage missing');
    expect((firstAfter.body.fCnt ?? 0) - (lastBefore.body.fCnt ?? 0)).toBeGreaterThan(1);
  });
});
