import { z } from 'zod';
import { Base64Bytes, DevEui, GatewayLocation } from './wire';

/**
 * ChirpStack v4 MQTT integration, JSON mode: event topics
 * `application/<applicationId>/device/<devEui>/event/<type>` and the command topic
 * `application/<applicationId>/device/<devEui>/command/down`. Payloads are the protobuf messages
 * of `api/proto/integration/integration.proto` in protobuf-JSON form: camelCase names, bytes as
 * base64, timestamps as RFC 3339 strings, enums as their names.
 *
 * Note: protobuf JSON leaves out fields at their zero value, so `fCnt` 0, `fPort` 0,
 * `acknowledged` false, `rssi` 0 or log level INFO arrive as absent fields: all optional here.
 * Objects are loose: newer ChirpStack versions add fields, which we keep and ignore.
 */

export const CHIRPSTACK_EVENT_SUBSCRIPTION = 'application/+/device/+/event/+';
export const CHIRPSTACK_COMMAND_SUBSCRIPTION = 'application/+/device/+/command/down';

const EVENT_TOPIC = /^application\/([^/]+)\/device\/([0-9a-fA-F]{16})\/event\/([A-Za-z]+)$/;
const COMMAND_TOPIC = /^application\/([^/]+)\/device\/([0-9a-fA-F]{16})\/command\/down$/;

export function chirpstackEventTopic(applicationId: string, devEui: string, event: string): string {
  return `application/${applicationId}/device/${devEui.toLowerCase()}/event/${event}`;
}

export function chirpstackCommandTopic(applicationId: string, devEui: string): string {
  return `application/${applicationId}/device/${devEui.toLowerCase()}/command/down`;
}

export function matchChirpstackEventTopic(topic: string): { applicationId: string; devEui: string; event: string } | undefined {
  const match = EVENT_TOPIC.exec(topic);
  if (!match) return undefined;
  const [, applicationId = '', devEui = '', event = ''] = match;
  return { applicationId, devEui: devEui.toLowerCase(), event };
}

export function matchChirpstackCommandTopic(topic: string): { applicationId: string; devEui: string } | undefined {
  const match = COMMAND_TOPIC.exec(topic);
  if (!match) return undefined;
  const [, applicationId = '', devEui = ''] = match;
  return { applicationId, devEui: devEui.toLowerCase() };
}

const Timestamp = z.string();

export const ChirpstackDeviceInfo = z.looseObject({
  tenantId: z.string().optional(),
  tenantName: z.string().optional(),
  applicationId: z.string().min(1),
  applicationName: z.string().optional(),
  deviceProfileId: z.string().optional(),
  deviceProfileName: z.string().optional(),
  deviceName: z.string().optional(),
  devEui: DevEui,
  deviceClassEnabled: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

export const ChirpstackRxInfo = z.looseObject({
  gatewayId: z.string(),
  uplinkId: z.number().optional(),
  location: GatewayLocation,
  time: Timestamp.optional(),
  rssi: z.number().optional(),
  snr: z.number().optional(),
  channel: z.number().optional(),
  context: z.string().optional(),
  crcStatus: z.string().optional(),
});

export const ChirpstackUplinkEvent = z.looseObject({
  deduplicationId: z.string().optional(),
  time: Timestamp.optional(),
  deviceInfo: ChirpstackDeviceInfo,
  devAddr: z.string().optional(),
  adr: z.boolean().optional(),
  dr: z.number().int().optional(),
  fCnt: z.number().int().nonnegative().optional(),
  fPort: z.number().int().min(0).max(255).optional(),
  confirmed: z.boolean().optional(),
  data: Base64Bytes.optional(),
  object: z.record(z.string(), z.unknown()).optional(),
  rxInfo: z.array(ChirpstackRxInfo).optional(),
  txInfo: z.looseObject({ frequency: z.number().optional() }).optional(),
});

/**
 * The device completed an OTAA join (or rejoin): a new session whose frame counters restart at 0.
 * `integration.proto`'s JoinEvent carries no `rxInfo` (only `relayRxInfo` behind a relay); some
 * deployments add it, so it is read when present.
 */
export const ChirpstackJoinEvent = z.looseObject({
  deduplicationId: z.string().optional(),
  time: Timestamp.optional(),
  deviceInfo: ChirpstackDeviceInfo,
  devAddr: z.string().optional(),
  rxInfo: z.array(ChirpstackRxInfo).optional(),
});

/** A confirmed downlink was acknowledged by the device, or timed out (`acknowledged` absent). */
export const ChirpstackAckEvent = z.looseObject({
  deduplicationId: z.string().optional(),
  time: Timestamp.optional(),
  deviceInfo: ChirpstackDeviceInfo,
  queueItemId: z.string().min(1),
  acknowledged: z.boolean().optional(),
  fCntDown: z.number().int().optional(),
});

/** A gateway accepted the downlink for transmission. */
export const ChirpstackTxAckEvent = z.looseObject({
  downlinkId: z.number().optional(),
  time: Timestamp.optional(),
  deviceInfo: ChirpstackDeviceInfo,
  queueItemId: z.string().min(1),
  fCntDown: z.number().int().optional(),
  gatewayId: z.string().optional(),
  txInfo: z.looseObject({}).optional(),
});

export const ChirpstackLogEvent = z.looseObject({
  time: Timestamp.optional(),
  deviceInfo: ChirpstackDeviceInfo,
  level: z.enum(['INFO', 'WARNING', 'ERROR']).optional(),
  code: z.string().optional(),
  description: z.string().optional(),
  context: z.record(z.string(), z.string()).optional(),
});

export const ChirpstackStatusEvent = z.looseObject({
  deduplicationId: z.string().optional(),
  time: Timestamp.optional(),
  deviceInfo: ChirpstackDeviceInfo,
  margin: z.number().optional(),
  externalPowerSource: z.boolean().optional(),
  batteryLevelUnavailable: z.boolean().optional(),
  batteryLevel: z.number().optional(),
});

/**
 * `command/down` payload. ChirpStack uses `id` (a UUID) as the queue item id it reports in
 * `txack` and `ack` events; when absent it picks a random one.
 */
export const ChirpstackDownlinkCommand = z.object({
  id: z.uuid().optional(),
  devEui: DevEui,
  confirmed: z.boolean().optional(),
  fPort: z.number().int().min(1).max(223),
  data: Base64Bytes.optional(),
  object: z.record(z.string(), z.unknown()).optional(),
});

/** The JSON as it travels (base64 strings); what producers such as the simulator build. */
export type ChirpstackUplinkEventJson = z.input<typeof ChirpstackUplinkEvent>;
export type ChirpstackJoinEventJson = z.input<typeof ChirpstackJoinEvent>;
export type ChirpstackAckEventJson = z.input<typeof ChirpstackAckEvent>;
export type ChirpstackTxAckEventJson = z.input<typeof ChirpstackTxAckEvent>;
export type ChirpstackLogEventJson = z.input<typeof ChirpstackLogEvent>;
export type ChirpstackStatusEventJson = z.input<typeof ChirpstackStatusEvent>;
export type ChirpstackDownlinkCommandJson = z.input<typeof ChirpstackDownlinkCommand>;

/** The parsed forms (bytes decoded, DevEUIs lower-cased). */
export type ChirpstackDeviceInfo = z.output<typeof ChirpstackDeviceInfo>;
export type ChirpstackUplinkEvent = z.output<typeof ChirpstackUplinkEvent>;
export type ChirpstackJoinEvent = z.output<typeof ChirpstackJoinEvent>;
export type ChirpstackAckEvent = z.output<typeof ChirpstackAckEvent>;
export type ChirpstackTxAckEvent = z.output<typeof ChirpstackTxAckEvent>;
export type ChirpstackLogEvent = z.output<typeof ChirpstackLogEvent>;
export type ChirpstackDownlinkCommand = z.output<typeof ChirpstackDownlinkCommand>;
