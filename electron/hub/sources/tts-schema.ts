import { z } from 'zod';
import { Base64Bytes, DevEui, GatewayLocation } from './wire';

/**
 * The Things Stack v3 MQTT server: topics `v3/<appId>[@<tenantId>]/devices/<deviceId>/<event>`
 * with events `up`, `join`, `down/queued|sent|ack|nack|failed`, and `down/push|replace` for the
 * application's downlinks. Payloads are TTS's JSON data formats (snake_case, bytes as base64).
 *
 * Note: TTS leaves out empty fields (`f_cnt` 0, `confirmed` false…), so they are optional here.
 * Note: TTS's own MQTT server speaks QoS 0 only; a QoS 1 subscription is granted as QoS 0.
 */

export const TTS_SUBSCRIPTIONS = ['v3/+/devices/+/up', 'v3/+/devices/+/join', 'v3/+/devices/+/down/+'] as const;

const TOPIC = /^v3\/([^/]+)\/devices\/([^/]+)\/(.+)$/;

export function matchTtsTopic(topic: string): { application: string; deviceId: string; event: string } | undefined {
  const match = TOPIC.exec(topic);
  if (!match) return undefined;
  const [, application = '', deviceId = '', event = ''] = match;
  return { application, deviceId, event };
}

export function ttsTopic(application: string, deviceId: string, event: string): string {
  return `v3/${application}/devices/${deviceId}/${event}`;
}

export const TtsEndDeviceIds = z.looseObject({
  device_id: z.string().min(1),
  application_ids: z.looseObject({ application_id: z.string().min(1) }),
  dev_eui: DevEui.optional(),
  join_eui: z.string().optional(),
  dev_addr: z.string().optional(),
});

export const TtsRxMetadata = z.looseObject({
  gateway_ids: z.looseObject({ gateway_id: z.string(), eui: z.string().optional() }),
  time: z.string().optional(),
  rssi: z.number().optional(),
  channel_rssi: z.number().optional(),
  snr: z.number().optional(),
  location: GatewayLocation,
});

export const TtsUplinkMessage = z.looseObject({
  end_device_ids: TtsEndDeviceIds,
  correlation_ids: z.array(z.string()).optional(),
  received_at: z.string().optional(),
  uplink_message: z.looseObject({
    session_key_id: z.string().optional(),
    f_port: z.number().int().min(0).max(255).optional(),
    f_cnt: z.number().int().nonnegative().optional(),
    frm_payload: Base64Bytes.optional(),
    decoded_payload: z.record(z.string(), z.unknown()).optional(),
    rx_metadata: z.array(TtsRxMetadata).optional(),
    settings: z.looseObject({}).optional(),
    received_at: z.string().optional(),
    confirmed: z.boolean().optional(),
  }),
});

/**
 * `join` message: the device completed a join, `join_accept` describes the new session (its
 * `received_at` is when the network server accepted the join-request).
 */
export const TtsJoinMessage = z.looseObject({
  end_device_ids: TtsEndDeviceIds,
  correlation_ids: z.array(z.string()).optional(),
  received_at: z.string().optional(),
  join_accept: z.looseObject({
    session_key_id: z.string().optional(),
    received_at: z.string().optional(),
  }),
});

/** A downlink as TTS reports it back in `down/*` events (our correlation ids included). */
export const TtsApplicationDownlink = z.looseObject({
  session_key_id: z.string().optional(),
  f_port: z.number().int().optional(),
  f_cnt: z.number().int().optional(),
  frm_payload: z.string().optional(),
  confirmed: z.boolean().optional(),
  priority: z.string().optional(),
  correlation_ids: z.array(z.string()).optional(),
});

export const TtsDownlinkEvent = z.looseObject({
  end_device_ids: TtsEndDeviceIds,
  correlation_ids: z.array(z.string()).optional(),
  received_at: z.string().optional(),
  downlink_queued: TtsApplicationDownlink.optional(),
  downlink_sent: TtsApplicationDownlink.optional(),
  downlink_ack: TtsApplicationDownlink.optional(),
  downlink_nack: TtsApplicationDownlink.optional(),
  downlink_failed: z
    .looseObject({
      downlink: TtsApplicationDownlink,
      error: z
        .looseObject({ namespace: z.string().optional(), name: z.string().optional(), message_format: z.string().optional() })
        .optional(),
    })
    .optional(),
});

/** `down/push` payload: downlinks appended to the device's queue. */
export const TtsDownlinkPush = z.object({
  downlinks: z
    .array(
      z.object({
        f_port: z.number().int().min(1).max(223),
        frm_payload: Base64Bytes.optional(),
        decoded_payload: z.record(z.string(), z.unknown()).optional(),
        priority: z.enum(['LOWEST', 'LOW', 'BELOW_NORMAL', 'NORMAL', 'ABOVE_NORMAL', 'HIGH', 'HIGHEST']).optional(),
        confirmed: z.boolean().optional(),
        correlation_ids: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

export type TtsUplinkMessageJson = z.input<typeof TtsUplinkMessage>;
export type TtsJoinMessageJson = z.input<typeof TtsJoinMessage>;
export type TtsJoinMessage = z.output<typeof TtsJoinMessage>;
export type TtsDownlinkEventJson = z.input<typeof TtsDownlinkEvent>;
export type TtsDownlinkPushJson = z.input<typeof TtsDownlinkPush>;
export type TtsUplinkMessage = z.output<typeof TtsUplinkMessage>;
export type TtsDownlinkEvent = z.output<typeof TtsDownlinkEvent>;
export type TtsDownlinkPush = z.output<typeof TtsDownlinkPush>;
