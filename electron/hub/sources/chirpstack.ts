import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  CHIRPSTACK_EVENT_SUBSCRIPTION,
  ChirpstackAckEvent,
  ChirpstackDownlinkCommand,
  type ChirpstackDownlinkCommandJson,
  ChirpstackJoinEvent,
  ChirpstackLogEvent,
  ChirpstackStatusEvent,
  ChirpstackTxAckEvent,
  ChirpstackUplinkEvent,
  chirpstackCommandTopic,
  matchChirpstackCommandTopic,
  matchChirpstackEventTopic,
} from './chirpstack-schema';
import type { Inbound, NetworkServerFormat } from './format';
import { type PendingDownlink, PendingDownlinks } from './pending-downlinks';
import type { DownlinkReport, DownlinkRequest, Join, Uplink } from './types';
import { MalformedMessage, isoTime, parsePayload, receptionOf, strongestReception, toBase64 } from './wire';

/** A ChirpStack v4 event message, checked against its schema. */
export type ChirpstackEvent =
  | { type: 'up'; body: ChirpstackUplinkEvent }
  | { type: 'txack'; body: ChirpstackTxAckEvent }
  | { type: 'ack'; body: ChirpstackAckEvent }
  | { type: 'log'; body: ChirpstackLogEvent }
  | { type: 'join'; body: ChirpstackJoinEvent }
  | { type: 'status'; body: { deviceInfo: { devEui: string; applicationId: string } } }
  /** Event types the hub has no use for (location, integration…); not parsed. */
  | { type: 'other'; name: string };

/** Reads `application/<app>/device/<devEui>/event/<type>`; throws `MalformedMessage`. */
export function parseChirpstackEvent(topic: string, payload: Uint8Array | string): ChirpstackEvent {
  const address = matchChirpstackEventTopic(topic);
  if (!address) throw new MalformedMessage('sujet ChirpStack inattendu');
  const { event } = address;
  const read = <T extends z.ZodType<{ deviceInfo: { devEui: string; applicationId: string } }>>(schema: T): z.output<T> => {
    const body = parsePayload(schema, payload, `événement ChirpStack « ${event} »`);
    if (body.deviceInfo.devEui !== address.devEui || body.deviceInfo.applicationId !== address.applicationId) {
      throw new MalformedMessage(`événement ChirpStack « ${event} » : deviceInfo ne correspond pas au sujet`);
    }
    return body;
  };
  switch (event) {
    case 'up':
      return { type: 'up', body: read(ChirpstackUplinkEvent) };
    case 'txack':
      return { type: 'txack', body: read(ChirpstackTxAckEvent) };
    case 'ack':
      return { type: 'ack', body: read(ChirpstackAckEvent) };
    case 'log':
      return { type: 'log', body: read(ChirpstackLogEvent) };
    case 'join':
      return { type: 'join', body: read(ChirpstackJoinEvent) };
    case 'status':
      return { type: 'status', body: read(ChirpstackStatusEvent) };
    default:
      return { type: 'other', name: event };
  }
}

/** The hub's uplink for an `up` event; undefined for a frame without application port (MAC only). */
export function chirpstackUplink(event: ChirpstackUplinkEvent): Uplink | undefined {
  if (event.fPort === undefined || event.fPort === 0) return undefined;
  const best = strongestReception(event.rxInfo ?? []);
  const uplink: Uplink = {
    devEui: event.deviceInfo.devEui,
    fPort: event.fPort,
    fCnt: event.fCnt ?? 0,
    // Note: ChirpStack leaves `data` out when the payload is empty.
    bytes: event.data ?? new Uint8Array(0),
    receivedAt: isoTime(event.time),
  };
  if (event.object) uplink.object = event.object;
  if (event.rxInfo?.length) uplink.receptions = event.rxInfo.map((rx) => receptionOf(rx.gatewayId, rx));
  if (best) {
    uplink.gatewayId = best.gatewayId;
    if (best.rssi !== undefined) uplink.rssiDbm = best.rssi;
    if (best.snr !== undefined) uplink.snrDb = best.snr;
  }
  return uplink;
}

/** The hub's join for a `join` event: a new session for the device. */
export function chirpstackJoin(event: ChirpstackJoinEvent): Join {
  const join: Join = { devEui: event.deviceInfo.devEui, joinedAt: isoTime(event.time) };
  if (event.devAddr) join.devAddr = event.devAddr;
  const best = strongestReception(event.rxInfo ?? []);
  if (best) {
    join.gatewayId = best.gatewayId;
    if (best.rssi !== undefined) join.rssiDbm = best.rssi;
    if (best.snr !== undefined) join.snrDb = best.snr;
  }
  return join;
}

/**
 * `log` codes that end a downlink for good. DOWNLINK_GATEWAY is left out on purpose: the gateway
 * refused one transmission and ChirpStack keeps the item queued for the next receive window.
 */
const FINAL_LOG_CODES = new Set(['DOWNLINK_PAYLOAD_SIZE', 'DOWNLINK_CODEC', 'F_CNT_DOWN', 'EXPIRED']);

/** What a `txack`, `ack` or downlink `log` event says about the downlink it concerns. */
export function chirpstackReport(
  event: Extract<ChirpstackEvent, { type: 'txack' | 'ack' | 'log' }>,
  downlink: PendingDownlink,
): DownlinkReport {
  const base = { ref: downlink.ref, devEui: downlink.devEui, at: isoTime(event.body.time) };
  switch (event.type) {
    case 'txack':
      return { ...base, outcome: 'sent' };
    case 'ack':
      return event.body.acknowledged === true
        ? { ...base, outcome: 'acked' }
        : { ...base, outcome: 'failed', reason: 'ChirpStack : le capteur n’a pas acquitté la liaison descendante' };
    case 'log':
      return {
        ...base,
        outcome: 'failed',
        reason: `ChirpStack ${event.body.code ?? 'UNKNOWN'} : ${event.body.description ?? 'erreur de liaison descendante'}`,
      };
  }
}

/** The `command/down` publish for a downlink; `queueItemId` comes back in `txack` and `ack`. */
export function chirpstackDownlinkCommand(
  applicationId: string,
  request: DownlinkRequest,
  queueItemId: string,
): { topic: string; payload: string } {
  const command: ChirpstackDownlinkCommandJson = {
    id: queueItemId,
    devEui: request.devEui.toLowerCase(),
    confirmed: request.confirmed,
    fPort: request.fPort,
    data: toBase64(request.bytes),
  };
  return { topic: chirpstackCommandTopic(applicationId, request.devEui), payload: JSON.stringify(command) };
}

/**
 * The ChirpStack dialect for `MqttSource`. Correlation: every downlink gets a fresh UUID as its
 * `command/down` `id`, which ChirpStack uses as the queue item id in `txack`/`ack`; the ref is
 * remembered under it until the final outcome. Downlink `log` errors carry no queue item id, so
 * they go to the device's oldest pending downlink (ChirpStack sends a device's queue in order).
 * Reports about downlinks this process did not queue (before a restart, or from another tool)
 * are ignored; the hub's read-back and expiry still settle those commands.
 */
export class ChirpstackFormat implements NetworkServerFormat {
  readonly name = 'chirpstack';
  readonly subscriptions = [CHIRPSTACK_EVENT_SUBSCRIPTION];
  private readonly pending = new PendingDownlinks();
  /** Which application each device was heard in, to address its downlinks. */
  private readonly applicationOf = new Map<string, string>();

  constructor(private readonly options: { defaultApplicationId?: string } = {}) {}

  read(topic: string, payload: Uint8Array): Inbound {
    const event = parseChirpstackEvent(topic, payload);
    switch (event.type) {
      case 'up': {
        this.applicationOf.set(event.body.deviceInfo.devEui, event.body.deviceInfo.applicationId);
        const uplink = chirpstackUplink(event.body);
        return uplink ? { kind: 'uplink', uplink } : { kind: 'ignored', why: 'trame MAC sans port applicatif', devEui: event.body.deviceInfo.devEui };
      }
      case 'txack':
      case 'ack':
        return this.report(event, event.body.queueItemId);
      case 'log':
        if (!FINAL_LOG_CODES.has(event.body.code ?? '')) return { kind: 'ignored', why: `journal ${event.body.code ?? 'INFO'}` };
        return this.report(event, undefined);
      case 'join':
        this.applicationOf.set(event.body.deviceInfo.devEui, event.body.deviceInfo.applicationId);
        return { kind: 'join', join: chirpstackJoin(event.body) };
      case 'status':
        // Nothing to ingest, but the device's application is known from now on.
        this.applicationOf.set(event.body.deviceInfo.devEui, event.body.deviceInfo.applicationId);
        return { kind: 'ignored', why: `événement ${event.type}`, devEui: event.body.deviceInfo.devEui };
      case 'other':
        return { kind: 'ignored', why: `événement ${event.name}` };
    }
  }

  addressable(devEui: string): boolean {
    return this.applicationOf.has(devEui.toLowerCase()) || this.options.defaultApplicationId !== undefined;
  }

  downlink(request: DownlinkRequest): { topic: string; payload: string } {
    const devEui = request.devEui.toLowerCase();
    const applicationId = this.applicationOf.get(devEui) ?? this.options.defaultApplicationId;
    if (applicationId === undefined) {
      throw new Error(`application ChirpStack inconnue pour ${devEui} : aucune remontée reçue de ce capteur depuis le démarrage`);
    }
    const queueItemId = randomUUID();
    this.pending.remember({ devEui, networkId: queueItemId, ref: request.ref, confirmed: request.confirmed });
    return chirpstackDownlinkCommand(applicationId, request, queueItemId);
  }

  private report(event: Extract<ChirpstackEvent, { type: 'txack' | 'ack' | 'log' }>, queueItemId: string | undefined): Inbound {
    const downlink = this.pending.find(event.body.deviceInfo.devEui, queueItemId);
    if (!downlink) return { kind: 'ignored', why: `${event.type} d’une liaison descendante inconnue` };
    const report = chirpstackReport(event, downlink);
    if (report.outcome !== 'sent' || !downlink.confirmed) this.pending.forget(downlink);
    return { kind: 'report', report };
  }
}

/**
 * Network-server side, for the simulator and tests: reads a `command/down` publish the way
 * ChirpStack does (the payload's devEui must match the topic's).
 */
export function parseChirpstackDownlinkCommand(
  topic: string,
  payload: Uint8Array | string,
): { applicationId: string; command: ChirpstackDownlinkCommand } {
  const address = matchChirpstackCommandTopic(topic);
  if (!address) throw new MalformedMessage('sujet de commande ChirpStack inattendu');
  const command = parsePayload(ChirpstackDownlinkCommand, payload, 'commande ChirpStack « down »');
  if (command.devEui !== address.devEui) throw new MalformedMessage('commande ChirpStack : devEui ne correspond pas au sujet');
  return { applicationId: address.applicationId, command };
}
