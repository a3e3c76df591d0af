import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type MqttClient, connect } from 'mqtt';
import { ChirpstackFormat } from './chirpstack';
import type { Inbound, NetworkServerFormat } from './format';
import { HeldDownlinks } from './held-downlinks';
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
  /** PEM file of the certificate authority to trust for `mqtts://` (a syndicat's own CA). */
  caFile?: string;
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
const DEFAULT_HELD_DOWNLINK_MAX_WAIT_MS = 30 * 60_000;
/**
 * A class A device takes one downlink per uplink, and the hub replaces a pending command by a
 * newer one for the same setting: a handful per device is plenty; beyond, the oldest goes.
 */
const HELD_DOWNLINKS_PER_DEVICE = 8;
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
  private readonly held: HeldDownlinks;
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
    this.name = options.label ?? `mqtt-${this.format.name}`;
    this.held = new HeldDownlinks({
      maxWaitMs: options.heldDownlinkMaxWaitMs ?? DEFAULT_HELD_DOWNLINK_MAX_WAIT_MS,
      maxPerDevice: HELD_DOWNLINKS_PER_DEVICE,
    });
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
      ...(this.options.caFile === undefined ? {} : { ca: readFileSync(this.options.caFile) }),
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

  /**
   * Publishes the downlink to the network server; for a device not heard since start (its
   * application unknown), holds it until the device's first uplink and resolves once published.
   */
  async enqueueDownlink(request: DownlinkRequest): Promise<void> {
    const client = this.client;
    if (!client?.connected) throw new Error('courtier MQTT déconnecté : la liaison descendante n’a pas été transmise');
    if (!this.format.addressable(request.devEui)) {
      this.log(`${this.prefix()} liaison descendante pour ${request.devEui.toLowerCase()} en attente de sa première remontée depuis le démarrage`);
      return this.held.hold(request);
    }
    await this.publish(client, request);
  }

  withdrawDownlink(ref: string): boolean {
    return this.held.withdraw(ref);
  }

  /** Downlinks still waiting for their device's first uplink. */
  get heldDownlinks(): number {
    return this.held.size;
  }

  async stop(): Promise<void> {
    this.held.rejectAll('source MQTT arrêtée : la liaison descendante, en attente de la première remontée du capteur, n’a pas été transmise');
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync();
  }

  private async publish(client: MqttClient, request: DownlinkRequest): Promise<void> {
    const { topic, payload } = this.format.downlink(request);
    await client.publishAsync(topic, payload, { qos: 1 });
  }

  /** The device was just heard: queue what was held for it, in the order it was asked. */
  private release(devEui: string): void {
    const client = this.client;
    if (!client || !this.held.has(devEui) || !this.format.addressable(devEui)) return;
    for (const { request, resolve, reject } of this.held.take(devEui)) {
      this.publish(client, request).then(resolve, reject);
    }
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
        try {
          sink.uplink(inbound.uplink);
        } finally {
          // Heard is heard, even if the hub failed on the uplink: its held downlinks can go.
          this.release(inbound.uplink.devEui);
        }
        return;
      case 'report':
        this.counters.reports += 1;
        sink.downlinkReport(inbound.report);
        return;
      case 'ignored':
        this.counters.ignored += 1;
        if (inbound.devEui !== undefined) this.release(inbound.devEui);
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
