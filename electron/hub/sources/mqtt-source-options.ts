import type { SourceTls } from './broker-connection';

/** How an `MqttSource` is set up: from the environment, the sources file or the console. */
export interface MqttSourceOptions {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883` (`BEFFROI_MQTT_URL`). */
  url: string;
  /** Network server dialect on that broker (`BEFFROI_MQTT_FORMAT`). */
  format: 'chirpstack' | 'tts';
  /**
   * A stable client id makes the session persistent (clean session off): the broker then keeps
   * QoS 1 messages for the hub while it is away. Without one, a random id and a clean session.
   */
  clientId?: string;
  username?: string;
  password?: string;
  /** PEM file of the certificate authority to trust for `mqtts://` (a syndicat's own CA). */
  caFile?: string;
  /**
   * TLS for `mqtts://`: the CA to trust, a client certificate and its key (each a file path or
   * the PEM text itself), and whether to refuse a certificate the CA does not vouch for.
   */
  tls?: SourceTls;
  /**
   * Only these applications (ChirpStack application ids, TTS `app@tenant`); all by default. With
   * exactly one, downlinks to a device not heard since start are addressed to it.
   */
  applicationIds?: readonly string[];
  /** Prepended to every topic, for a broker that bridges the network server under a prefix (`sdef/`). */
  topicPrefix?: string;
  /**
   * Keep trying to reach the broker for ever: `start()` resolves at once and `status()` says how
   * it goes (sources an admin configures must never keep the hub from starting).
   */
  keepTrying?: boolean;
  /** How this source is called in the logs, when the hub has several. */
  label?: string;
  /**
   * ChirpStack application id for downlinks to a device not heard since start. Without it, such
   * downlinks are held until the device's first uplink (or join) tells its application.
   */
  chirpstackApplicationId?: string;
  /** TTS `appId@tenantId` for downlinks to a device not heard since start (device id `eui-<deveui>`); otherwise held likewise. */
  ttsApplicationId?: string;
  /**
   * How long a downlink may wait for its device's first uplink before `enqueueDownlink` rejects
   * (default 30 min: well above the hub's command TTL, which normally withdraws it first).
   */
  heldDownlinkMaxWaitMs?: number;
  /** Also take camera status from the video management system (default true). */
  videoStatus?: boolean;
  /**
   * Uplinks received and not yet committed beyond which the source stops reading the broker
   * until half are settled (backpressure: the broker holds the excess). Default 5,000.
   */
  maxInFlightUplinks?: number;
  /** How long `start()` waits for the broker before failing. */
  connectTimeoutMs?: number;
  /** Pause between reconnection attempts. */
  reconnectPeriodMs?: number;
  /** MQTT keep-alive, in seconds: a silent link is checked (PINGREQ) after this long. Default 60. */
  keepaliveS?: number;
  /** One line per event worth an operator's attention; never payloads. */
  log?: (line: string) => void;
}

/** What an admin sees of a source's link to its broker. */
export interface MqttSourceStatus {
  link: 'connected' | 'connecting' | 'error';
  /** Why the last attempt failed, in French (`error` only). */
  reason?: string;
  lastMessageAt?: string;
  messages: number;
  acknowledgedAfterCommit: number;
  /** Connections made again after a loss, since start: each one has the broker redeliver what was not yet acknowledged. */
  reconnections: number;
}
