import type { DownlinkReport, DownlinkRequest, Join, Uplink } from './types';

/** What one broker message means to the hub, once a network-server format has read it. */
export type Inbound =
  | { kind: 'uplink'; uplink: Uplink }
  | { kind: 'report'; report: DownlinkReport }
  | { kind: 'join'; join: Join }
  /**
   * Well formed but nothing for the hub (device status, reports about unknown downlinks…);
   * `devEui` when the message still told where the device lives (a ChirpStack status).
   */
  | { kind: 'ignored'; why: string; devEui?: string };

/**
 * One network server's MQTT dialect (ChirpStack v4, The Things Stack v3). Stateful: it learns
 * where each device lives from its uplinks and remembers the downlinks it queued, so that the
 * network server's reports can be tied back to the hub's `ref`.
 */
export interface NetworkServerFormat {
  readonly name: 'chirpstack' | 'tts';
  /** Topic filters to subscribe to (QoS 1). */
  readonly subscriptions: readonly string[];
  /** Reads one message; throws `MalformedMessage` when it does not fit. */
  read(topic: string, payload: Uint8Array): Inbound;
  /** Whether a downlink to this device can be addressed now (its uplinks told where it lives, or a default). */
  addressable(devEui: string): boolean;
  /** The publish that queues this downlink at the network server; throws when it cannot be addressed. */
  downlink(request: DownlinkRequest): { topic: string; payload: string };
}
