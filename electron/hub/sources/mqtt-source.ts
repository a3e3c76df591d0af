import { randomBytes } from 'node:crypto';
import { type MqttClient, connect } from 'mqtt';
import { ChirpstackFormat } from './chirpstack';
import type { Inbound, NetworkServerFormat } from './format';
import { TtsFormat } from './tts';
import type { DownlinkRequest, Source, SourceSink } from './types';
import { VIDEO_STATUS_SUBSCRIPTION, cameraStatusUplink, isCameraStatusTopic } from './video';
import { MalformedMessage } from './wire';

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
  /** ChirpStack application id for downlinks to a device not heard since start. */
  chirpstackApplicationId?: string;
  /** TTS `appId@tenantId` for downlinks to a device not heard since start (device id `eui-<deveui>`). */
  ttsApplicationId?: string;
  /** Also take camera status from the video management system (default true). */
  videoStatus?: boolean;
  /** How long `start()` waits for the broker before failing. */
  connectTimeoutMs?: number;
  /** Pause between reconnection attempts. */
  reconnectPeriodMs?: number;
  /** One line per event worth an operator's attention; never payloads. */
  log?: (line: string) => void;
}

export interface MqttSourceCounters {
  messages: number;
  uplinks: number;
  reports: number;
  ignored: number;
  malformed: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_RECONNECT_PERIOD_MS = 1_000;
/** A broker flooding us with bad messages must not flood the log: the first ones, then a tally. */
const MALFORMED_LOGGED_IN_FULL = 20;
const MALFORMED_TALLY_EVERY = 1_000;

/**
 * The hub's LoRaWAN source: a network server's MQTT integration (ChirpStack v4 or TTS v3), plus
 * camera status from the VMS on the same broker. Subscribes with QoS 1, reconnects and
 * resubscribes by itself; a malformed message is counted and logged in one line, never thrown.
 *
 * Uplinks carry no `settle`: mqtt.js acknowledges a QoS 1 delivery as soon as the message is
 * handed to us. Deferring the PUBACK until the journal commit (`customHandleAcks`) needs MQTT 5,
 * which the embedded broker (aedes) does not speak, and mqtt.js processes incoming packets one
 * at a time until each is acknowledged, so holding acks would cap ingest at one uplink per
 * commit. Messages sent while the hub is away are kept by the broker when `clientId` is set.
 */
export class MqttSource implements Source {
  readonly name: string;
  readonly counters: MqttSourceCounters = { messages: 0, uplinks: 0, reports: 0, ignored: 0, malformed: 0 };
  private readonly format: NetworkServerFormat;
  private readonly log: (line: string) => void;
  private client: MqttClient | undefined;
  private sink: SourceSink | undefined;
  private wasConnected = false;
  private lastError: string | undefined;

  constructor(private readonly options: MqttSourceOptions) {
    this.format =
      options.format === 'tts'
        ? new TtsFormat(options.ttsApplicationId === undefined ? {} : { applicationId: options.ttsApplicationId })
        : new ChirpstackFormat(
            options.chirpstackApplicationId === undefined ? {} : { defaultApplicationId: options.chirpstackApplicationId },
          );
    this.name = `mqtt-${this.format.name}`;
    this.log = options.log ?? ((line) => console.error(line));
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  /** Resolves once connected and subscribed; rejects if the broker cannot be reached in time. */
  start(sink: SourceSink): Promise<void> {
    if (this.client) throw new Error('source MQTT déjà démarrée');
    this.sink = sink;
    const { clientId } = this.options;
    const client = connect(this.options.url, {
      clientId: clientId ?? `beffroi-${randomBytes(6).toString('hex')}`,
      clean: clientId === undefined,
      reconnectPeriod: this.options.reconnectPeriodMs ?? DEFAULT_RECONNECT_PERIOD_MS,
      // We subscribe on every connect that has no session (below); mqtt.js must not do it twice.
      resubscribe: false,
      ...(this.options.username === undefined ? {} : { username: this.options.username }),
      ...(this.options.password === undefined ? {} : { password: this.options.password }),
    });
    this.client = client;
    client.on('message', (topic, payload) => this.receive(topic, payload));
    // A broker that stays down fails every reconnection the same way: say it once.
    client.on('error', (error) => {
      if (error.message !== this.lastError) this.log(`${this.prefix()} erreur : ${error.message}`);
      this.lastError = error.message;
    });
    client.on('offline', () => {
      if (this.wasConnected) this.log(`${this.prefix()} connexion perdue, nouvelles tentatives en cours`);
      this.wasConnected = false;
    });

    return new Promise((resolve, reject) => {
      const timeoutMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      const timer = setTimeout(() => {
        this.client = undefined;
        client.end(true);
        reject(new Error(`courtier MQTT ${redact(this.options.url)} injoignable après ${timeoutMs} ms`));
      }, timeoutMs);
      client.on('connect', (connack) => {
        this.log(`${this.prefix()} connecté à ${redact(this.options.url)}`);
        this.wasConnected = true;
        this.lastError = undefined;
        const subscribed = connack.sessionPresent ? Promise.resolve() : this.subscribe(client);
        void subscribed.then(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    });
  }

  async enqueueDownlink(request: DownlinkRequest): Promise<void> {
    const client = this.client;
    if (!client?.connected) throw new Error('courtier MQTT déconnecté : la liaison descendante n’a pas été transmise');
    const { topic, payload } = this.format.downlink(request);
    await client.publishAsync(topic, payload, { qos: 1 });
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync();
  }

  private async subscribe(client: MqttClient): Promise<void> {
    const topics = [...this.format.subscriptions];
    if (this.options.videoStatus !== false) topics.push(VIDEO_STATUS_SUBSCRIPTION);
    try {
      const granted = await client.subscribeAsync(topics, { qos: 1 });
      const refused = granted.filter((grant) => grant.qos === 128).map((grant) => grant.topic);
      if (refused.length > 0) this.log(`${this.prefix()} abonnement refusé par le courtier : ${refused.join(', ')}`);
    } catch (error) {
      this.log(`${this.prefix()} abonnement impossible : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private receive(topic: string, payload: Uint8Array): void {
    this.counters.messages += 1;
    let inbound: Inbound;
    try {
      inbound = isCameraStatusTopic(topic)
        ? { kind: 'uplink', uplink: cameraStatusUplink(topic, payload) }
        : this.format.read(topic, payload);
    } catch (error) {
      this.malformed(topic, error);
      return;
    }
    try {
      this.deliver(inbound);
    } catch (error) {
      // The hub's own failure: keep the source alive and say so.
      this.log(`${this.prefix()} le hub n’a pas pu traiter un message de ${topic} : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private deliver(inbound: Inbound): void {
    const sink = this.sink;
    if (!sink) return;
    switch (inbound.kind) {
      case 'uplink':
        this.counters.uplinks += 1;
        sink.uplink(inbound.uplink);
        return;
      case 'report':
        this.counters.reports += 1;
        sink.downlinkReport(inbound.report);
        return;
      case 'ignored':
        this.counters.ignored += 1;
        return;
    }
  }

  private malformed(topic: string, error: unknown): void {
    const count = ++this.counters.malformed;
    const reason = error instanceof MalformedMessage ? error.message : `erreur inattendue : ${String(error)}`;
    if (count <= MALFORMED_LOGGED_IN_FULL) this.log(`${this.prefix()} message ignoré sur ${topic} : ${reason}`);
    else if (count % MALFORMED_TALLY_EVERY === 0) this.log(`${this.prefix()} ${count} messages malformés ignorés depuis le démarrage`);
  }

  private prefix(): string {
    return `[${this.name}]`;
  }
}

/** The broker URL without its password, for logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
