import type { MqttClient } from 'mqtt';
import type { DeviceCodec } from '../codecs/types';
import type { Rng } from '../territory/random';
import type { ScenarioClock } from './clock';
import type { Incidents } from './incidents';
import type { SimDevice } from './devices';
import { parseChirpstackDownlinkCommand } from '../sources/chirpstack';
import { matchChirpstackCommandTopic } from '../sources/chirpstack-schema';
import { cameraStatusTopic } from '../sources/video';
import * as events from './chirpstack-events';

/**
 * The network server half of the simulator, behaving as ChirpStack v4 does on its MQTT
 * integration: an uplink becomes `event/up`; a `command/down` is queued per device and, the
 * device being class A, sent in the receive window after its next uplink (`event/txack`); a
 * confirmed downlink is acknowledged with the device's following uplink (`event/ack`, carrying
 * the queue item id the command gave as `id`). A device behind a failed gateway is not heard,
 * so its queue waits.
 */
export interface RadioDevice {
  kind: 'lorawan';
  device: SimDevice;
  codec: DeviceCodec;
  info: events.DeviceInfo;
  devAddr: string;
  gatewayId: string;
  /** The gateway's configured position, which ChirpStack adds to each reception. */
  gatewayLocation?: { lon: number; lat: number };
  distanceM: number;
  fCnt: number;
  fCntDown: number;
  queue: QueueItem[];
  awaitingAck?: { queueItemId: string; accepted: boolean; fCntDown: number };
}

/** A camera reports through the video management system, not through LoRaWAN. */
export interface VideoDevice {
  kind: 'video';
  device: SimDevice;
}

interface QueueItem {
  id: string;
  fPort: number;
  bytes: Uint8Array;
  confirmed: boolean;
}

/**
 * Chance that a device rejoins before an uplink (a power cycle, a battery change, its link check
 * failing): rare, but often enough across a territory that the demo shows rejoins.
 */
const REJOIN_CHANCE = 1 / 1_000;

const EU868_UPLINK_HZ = [868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000];

export class NetworkServer {
  private downlinkId = 1;
  uplinks = 0;
  downlinks = 0;
  joins = 0;

  constructor(
    private readonly client: MqttClient,
    private readonly radios: ReadonlyMap<string, RadioDevice>,
    private readonly clock: ScenarioClock,
    private readonly incidents: Incidents,
    private readonly rng: Rng,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * An OTAA join (or rejoin) accepted: `event/join` with the device's new DevAddr, and a new
   * session whose uplink frame counter restarts at 0. Behind a failed gateway nobody hears the
   * join-request, so the device keeps its session. Joins are timed a moment before `wallMs`.
   */
  join(radio: RadioDevice, wallMs: number): void {
    if (this.incidents.gatewayDown(radio.gatewayId, wallMs)) return;
    radio.devAddr = `01${this.rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
    radio.fCnt = -1;
    radio.fCntDown = 0;
    const join = events.joinEvent({ info: radio.info, deduplicationId: events.seededUuid(this.rng), time: new Date(wallMs).toISOString(), devAddr: radio.devAddr });
    this.publish(events.topicOf(radio.info, 'join'), join);
    this.joins++;
  }

  /** The device's periodic transmission, and whatever the network does around it. */
  uplink(radio: RadioDevice, wallMs: number): void {
    // The rejoin is timed just before the uplink it precedes, as the device sends it first.
    if (this.rng.next() < REJOIN_CHANCE) this.join(radio, wallMs - 1);
    radio.fCnt++;
    if (this.incidents.gatewayDown(radio.gatewayId, wallMs)) return; // transmitted, heard by no one
    const time = new Date(wallMs).toISOString();
    if (radio.awaitingAck) {
      const { queueItemId, accepted, fCntDown } = radio.awaitingAck;
      radio.awaitingAck = undefined;
      const ack = events.ackEvent({ info: radio.info, deduplicationId: events.seededUuid(this.rng), time, queueItemId, acknowledged: accepted, fCntDown });
      this.publish(events.topicOf(radio.info, 'ack'), ack);
    }
    const scenarioMs = this.clock.scenarioAt(wallMs);
    const { fPort, bytes } = encode(radio.codec, radio.device.report(scenarioMs, wallMs));
    const up = events.uplinkEvent({
      info: radio.info,
      deduplicationId: events.seededUuid(this.rng),
      time,
      devAddr: radio.devAddr,
      fCnt: radio.fCnt,
      fPort,
      bytes,
      reception: this.reception(radio),
    });
    this.publish(events.topicOf(radio.info, 'up'), up);
    this.uplinks++;
    this.sendNext(radio, scenarioMs, wallMs, time);
  }

  /** Class A receive window: the head of the queue goes out right after the uplink. */
  private sendNext(radio: RadioDevice, scenarioMs: number, wallMs: number, time: string): void {
    const item = radio.queue.shift();
    if (!item) return;
    radio.fCntDown++;
    const txack = events.txAckEvent({ info: radio.info, downlinkId: this.downlinkId++, time, queueItemId: item.id, fCntDown: radio.fCntDown, gatewayId: radio.gatewayId });
    this.publish(events.topicOf(radio.info, 'txack'), txack);
    this.downlinks++;
    let accepted: boolean;
    try {
      const applied = radio.codec.decodeDownlink?.(item.fPort, item.bytes);
      accepted = applied !== undefined && radio.device.apply(applied, scenarioMs, wallMs);
    } catch (error) {
      accepted = false;
      this.log(`${radio.info.devEui} refuse la commande ${item.id} : ${error instanceof Error ? error.message : String(error)}`);
    }
    if (item.confirmed) radio.awaitingAck = { queueItemId: item.id, accepted, fCntDown: radio.fCntDown };
  }

  /** `application/<app>/device/<devEui>/command/down`, as an application server publishes it. */
  handleCommand(topic: string, payload: Buffer): void {
    const address = matchChirpstackCommandTopic(topic);
    if (!address) return;
    const devEui = address.devEui;
    const radio = this.radios.get(devEui);
    if (!radio) {
      this.log(`commande pour un appareil inconnu du serveur de réseau : ${devEui}`);
      return;
    }
    const parsed = parseCommand(topic, payload);
    if ('problem' in parsed) {
      const log = events.logEvent({ info: radio.info, time: new Date().toISOString(), code: 'DOWNLINK_CODEC', description: parsed.problem });
      this.publish(events.topicOf(radio.info, 'log'), log);
      return;
    }
    radio.queue.push({ ...parsed, id: parsed.id ?? events.seededUuid(this.rng) });
  }

  /** The video management system's status message for a camera. */
  cameraStatus(video: VideoDevice, wallMs: number): void {
    const status = video.device.report(this.clock.scenarioAt(wallMs), wallMs);
    this.publish(cameraStatusTopic(video.device.seed.devEui), status);
  }

  /** Signal as the gateway heard it: path loss with distance, a little fading, ADR on top. */
  private reception(radio: RadioDevice): events.Reception {
    const rssi = clamp(Math.round(-45 - 28 * Math.log10(Math.max(radio.distanceM, 10) / 10) + this.rng.gaussian() * 3), -125, -35);
    const snr = clamp(Math.round(((rssi + 118) / 3 + this.rng.gaussian() * 1.5) * 4) / 4, -18, 12);
    const dr = snr > 0 ? 5 : snr > -5 ? 4 : snr > -8 ? 3 : snr > -11 ? 2 : snr > -14 ? 1 : 0;
    return {
      gatewayId: radio.gatewayId,
      ...(radio.gatewayLocation ? { location: radio.gatewayLocation } : {}),
      rssi,
      snr,
      dr,
      frequency: this.rng.pick(EU868_UPLINK_HZ),
      uplinkId: this.rng.int(0, 0xffff_ffff),
    };
  }

  private publish(topic: string, message: object): void {
    this.client.publish(topic, JSON.stringify(message), { qos: 1 }, (error) => {
      if (error) this.log(`publication MQTT refusée sur ${topic} : ${error.message}`);
    });
  }
}

/** A `command/down` payload checked as ChirpStack checks it before queueing (devEui must match the topic). */
function parseCommand(topic: string, payload: Buffer): (Omit<QueueItem, 'id'> & { id?: string }) | { problem: string } {
  try {
    const { command } = parseChirpstackDownlinkCommand(topic, payload);
    if (command.data === undefined) return { problem: 'aucun codec configuré sur le serveur : envoyer « data » en base64' };
    return { id: command.id, fPort: command.fPort, bytes: command.data, confirmed: command.confirmed ?? false };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function encode(codec: DeviceCodec, fields: Record<string, unknown>): { fPort: number; bytes: Uint8Array } {
  if (!codec.encodeUplink) throw new Error(`le codec ${codec.model} ne sait pas encoder de trame montante`);
  return codec.encodeUplink(fields);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
