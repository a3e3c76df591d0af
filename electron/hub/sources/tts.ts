import type { Inbound, NetworkServerFormat } from './format';
import {
  TTS_SUBSCRIPTIONS,
  TtsDownlinkEvent,
  type TtsDownlinkPushJson,
  TtsJoinMessage,
  TtsUplinkMessage,
  matchTtsTopic,
  ttsTopic,
} from './tts-schema';
import type { DownlinkReport, DownlinkRequest, Join, Uplink } from './types';
import { MalformedMessage, isoTime, parsePayload, receptionOf, strongestReception, toBase64 } from './wire';

/**
 * Prefix of the correlation id we put on every downlink. TTS copies an application's correlation
 * ids into every later event about that downlink, so the ref travels with it: reports are
 * matched without any state, even across a hub restart.
 */
export const TTS_CORRELATION_PREFIX = 'beffroi:downlink:';

/** The hub's uplink for an `up` message; undefined for a frame without application port. */
export function ttsUplink(message: TtsUplinkMessage): Uplink | undefined {
  const up = message.uplink_message;
  if (up.f_port === undefined || up.f_port === 0) return undefined;
  const devEui = message.end_device_ids.dev_eui;
  if (devEui === undefined) throw new MalformedMessage('remontée TTS sans dev_eui');
  const uplink: Uplink = {
    devEui,
    fPort: up.f_port,
    fCnt: up.f_cnt ?? 0,
    bytes: up.frm_payload ?? new Uint8Array(0),
    receivedAt: isoTime(up.received_at ?? message.received_at),
  };
  if (up.decoded_payload) uplink.object = up.decoded_payload;
  if (up.rx_metadata?.length) uplink.receptions = up.rx_metadata.map((rx) => receptionOf(rx.gateway_ids.gateway_id, rx));
  const best = strongestReception(up.rx_metadata ?? []);
  if (best) {
    uplink.gatewayId = best.gateway_ids.gateway_id;
    if (best.rssi !== undefined) uplink.rssiDbm = best.rssi;
    if (best.snr !== undefined) uplink.snrDb = best.snr;
  }
  return uplink;
}

/** The hub's join for a `join` message: a new session for the device. */
export function ttsJoin(message: TtsJoinMessage): Join {
  const devEui = message.end_device_ids.dev_eui;
  if (devEui === undefined) throw new MalformedMessage('jonction TTS sans dev_eui');
  const join: Join = { devEui, joinedAt: isoTime(message.join_accept.received_at ?? message.received_at) };
  if (message.end_device_ids.dev_addr) join.devAddr = message.end_device_ids.dev_addr;
  return join;
}

type DownlinkEventName = 'sent' | 'ack' | 'nack' | 'failed';

/** What a `down/sent|ack|nack|failed` event says, for the ref it carries (undefined: not ours). */
export function ttsReport(event: DownlinkEventName, message: TtsDownlinkEvent, devEui: string): DownlinkReport | undefined {
  const downlink =
    event === 'failed' ? message.downlink_failed?.downlink : message[`downlink_${event}`];
  const ids = [...(downlink?.correlation_ids ?? []), ...(message.correlation_ids ?? [])];
  const ours = ids.find((id) => id.startsWith(TTS_CORRELATION_PREFIX));
  if (ours === undefined) return undefined;
  const base = { ref: ours.slice(TTS_CORRELATION_PREFIX.length), devEui, at: isoTime(message.received_at) };
  switch (event) {
    case 'sent':
      return { ...base, outcome: 'sent' };
    case 'ack':
      return { ...base, outcome: 'acked' };
    case 'nack':
      return { ...base, outcome: 'failed', reason: 'The Things Stack : le capteur n’a pas acquitté la liaison descendante' };
    case 'failed': {
      const error = message.downlink_failed?.error;
      return { ...base, outcome: 'failed', reason: `The Things Stack : ${error?.message_format ?? error?.name ?? 'échec de la liaison descendante'}` };
    }
  }
}

/** The `down/push` publish for a downlink. */
export function ttsDownlinkPush(application: string, deviceId: string, request: DownlinkRequest): { topic: string; payload: string } {
  const push: TtsDownlinkPushJson = {
    downlinks: [
      {
        f_port: request.fPort,
        frm_payload: toBase64(request.bytes),
        priority: 'NORMAL',
        confirmed: request.confirmed,
        correlation_ids: [`${TTS_CORRELATION_PREFIX}${request.ref}`],
      },
    ],
  };
  return { topic: ttsTopic(application, deviceId, 'down/push'), payload: JSON.stringify(push) };
}

interface TtsAddress {
  application: string;
  deviceId: string;
}

/**
 * The Things Stack dialect for `MqttSource`. Downlink topics name the device by its TTS device id,
 * not its DevEUI, so the format learns each device's address from its uplinks; a device not heard
 * since start is addressed as `<applicationId option>/eui-<deveui>` (the TTS console's default ids).
 */
export class TtsFormat implements NetworkServerFormat {
  readonly name = 'tts';
  readonly subscriptions = TTS_SUBSCRIPTIONS;
  private readonly addressOf = new Map<string, TtsAddress>();
  private readonly devEuiOf = new Map<string, string>();

  constructor(private readonly options: { applicationId?: string } = {}) {}

  read(topic: string, payload: Uint8Array): Inbound {
    const address = matchTtsTopic(topic);
    if (!address) throw new MalformedMessage('sujet TTS inattendu');
    const { event } = address;
    if (event === 'up') {
      const message = parsePayload(TtsUplinkMessage, payload, 'remontée TTS');
      const uplink = ttsUplink(message);
      if (!uplink) return { kind: 'ignored', why: 'trame MAC sans port applicatif' };
      this.learn(uplink.devEui, address);
      return { kind: 'uplink', uplink };
    }
    if (event === 'join') {
      const join = ttsJoin(parsePayload(TtsJoinMessage, payload, 'jonction TTS'));
      this.learn(join.devEui, address);
      return { kind: 'join', join };
    }
    const name = event.startsWith('down/') ? event.slice('down/'.length) : event;
    if (name !== 'sent' && name !== 'ack' && name !== 'nack' && name !== 'failed') {
      // Includes our own down/push, which the broker echoes back to us.
      return { kind: 'ignored', why: `événement ${event}` };
    }
    const message = parsePayload(TtsDownlinkEvent, payload, `événement TTS « ${event} »`);
    const devEui = message.end_device_ids.dev_eui ?? this.devEuiOf.get(`${address.application}/${address.deviceId}`);
    if (devEui === undefined) return { kind: 'ignored', why: `${event} d’un capteur inconnu` };
    const report = ttsReport(name, message, devEui);
    if (!report) return { kind: 'ignored', why: `${event} d’une liaison descendante inconnue` };
    return { kind: 'report', report };
  }

  addressable(devEui: string): boolean {
    return this.addressOf.has(devEui.toLowerCase()) || this.options.applicationId !== undefined;
  }

  downlink(request: DownlinkRequest): { topic: string; payload: string } {
    const devEui = request.devEui.toLowerCase();
    const address = this.addressOf.get(devEui) ?? this.defaultAddress(devEui);
    return ttsDownlinkPush(address.application, address.deviceId, request);
  }

  private learn(devEui: string, address: TtsAddress): void {
    this.addressOf.set(devEui, { application: address.application, deviceId: address.deviceId });
    this.devEuiOf.set(`${address.application}/${address.deviceId}`, devEui);
  }

  private defaultAddress(devEui: string): TtsAddress {
    if (this.options.applicationId === undefined) {
      throw new Error(`application TTS inconnue pour ${devEui} : aucune remontée reçue de ce capteur depuis le démarrage`);
    }
    return { application: this.options.applicationId, deviceId: `eui-${devEui}` };
  }

}
