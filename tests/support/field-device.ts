import { connectAsync, type MqttClient } from 'mqtt';
import { getCodec } from '../../electron/hub/codecs/registry';
import { ackEvent, deviceInfoFor, joinEvent, topicOf, txAckEvent, uplinkEvent, type DeviceInfo } from '../../electron/hub/simulator/chirpstack-events';
import type { TerritorySeed } from '../../electron/hub/territory/types';

/**
 * Plays one device and its network server by hand, over the hub's real MQTT broker: what a
 * ChirpStack v4 would publish for it, when the test decides. Lets a test drive an exact sequence
 * (an uplink with CO2 at 1,800 ppm, a txack, an ack) that the free-running simulator would not.
 */
export class FieldDevice {
  // Each test's device starts its frame counter elsewhere: the hub drops repeated counters as duplicates.
  private fCnt = Math.floor(Math.random() * 1_000_000);
  readonly downlinks: { id: string; fPort: number; data: string }[] = [];

  private constructor(
    private readonly client: MqttClient,
    readonly info: DeviceInfo,
    readonly model: string,
  ) {
    client.on('message', (_topic, payload) => {
      const command = JSON.parse(payload.toString()) as { id: string; fPort: number; data: string };
      this.downlinks.push(command);
    });
  }

  static async connect(brokerUrl: string, territory: TerritorySeed, devEui: string): Promise<FieldDevice> {
    const device = territory.devices.find((d) => d.devEui === devEui);
    const asset = territory.assets.find((a) => a.id === device?.assetId);
    if (!device || !asset) throw new Error(`appareil ${devEui} absent du territoire`);
    const client = await connectAsync(brokerUrl, { clientId: `test-${devEui}-${Date.now()}` });
    const info = deviceInfoFor(territory.name, device, asset);
    await client.subscribeAsync(`application/${info.applicationId}/device/${devEui}/command/down`, { qos: 1 });
    return new FieldDevice(client, info, device.model);
  }

  /**
   * Publishes an uplink carrying these vendor fields, encoded by the model's own codec, as heard
   * by one gateway (by default always the same test gateway).
   */
  async uplink(fields: Record<string, unknown>, radio: { gatewayId?: string; rssi?: number; snr?: number } = {}): Promise<void> {
    const codec = getCodec(this.model);
    if (!codec?.encodeUplink) throw new Error(`${this.model} : pas d'encodeur côté appareil`);
    const { fPort, bytes } = codec.encodeUplink(fields);
    this.fCnt += 1;
    const time = new Date().toISOString();
    const event = uplinkEvent({
      info: this.info,
      deduplicationId: `dedup-${this.info.devEui}-${this.fCnt}`,
      time,
      devAddr: '01020304',
      fCnt: this.fCnt,
      fPort,
      bytes,
      reception: {
        gatewayId: radio.gatewayId ?? '0016c001f0000001',
        rssi: radio.rssi ?? -97,
        snr: radio.snr ?? 6.5,
        dr: 5,
        frequency: 868_100_000,
        uplinkId: this.fCnt,
      },
    });
    await this.client.publishAsync(topicOf(this.info, 'up'), JSON.stringify(event), { qos: 1 });
  }

  /**
   * Publishes `event/join` (OTAA join or rejoin, timed now): a new session, so the device's next
   * uplink carries frame counter 0, as a real device's does.
   */
  async join(devAddr = '01020305'): Promise<string> {
    const time = new Date().toISOString();
    const event = joinEvent({ info: this.info, deduplicationId: `join-${this.info.devEui}-${time}`, time, devAddr });
    await this.client.publishAsync(topicOf(this.info, 'join'), JSON.stringify(event), { qos: 1 });
    this.fCnt = -1;
    return time;
  }

  /** Frames the device sends that no gateway hears: the next uplink's counter jumps by `count`. */
  unheard(count: number): void {
    this.fCnt += count;
  }

  async waitForDownlink(timeoutMs = 20_000): Promise<{ id: string; fPort: number; data: string }> {
    const started = Date.now();
    while (this.downlinks.length === 0) {
      if (Date.now() - started > timeoutMs) throw new Error('aucune liaison descendante reçue');
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.downlinks[this.downlinks.length - 1]!;
  }

  /** The next downlink after the one already seen. */
  async waitForNewDownlink(previousId: string, timeoutMs = 20_000): Promise<{ id: string; fPort: number; data: string }> {
    const started = Date.now();
    for (;;) {
      const latest = this.downlinks[this.downlinks.length - 1];
      if (latest && latest.id !== previousId) return latest;
      if (Date.now() - started > timeoutMs) throw new Error('aucune nouvelle liaison descendante reçue');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async txAck(queueItemId: string): Promise<void> {
    const event = txAckEvent({ info: this.info, downlinkId: 1, time: new Date().toISOString(), queueItemId, fCntDown: 1, gatewayId: '0016c001f0000001' });
    await this.client.publishAsync(topicOf(this.info, 'txack'), JSON.stringify(event), { qos: 1 });
  }

  async ack(queueItemId: string, acknowledged = true): Promise<void> {
    const event = ackEvent({ info: this.info, deduplicationId: `ack-${queueItemId}`, time: new Date().toISOString(), queueItemId, acknowledged, fCntDown: 1 });
    await this.client.publishAsync(topicOf(this.info, 'ack'), JSON.stringify(event), { qos: 1 });
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
