import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type IPublishPacket, type MqttClient, connect } from 'mqtt';
import { ChirpstackFormat } from './chirpstack';
import { brokerErrorInFrench, eventSubscriptions, tlsOptions } from './broker-connection';
import type { MqttSourceOptions, MqttSourceStatus } from './mqtt-source-options';
import { CommitAcks } from './commit-acks';
import type { Inbound, NetworkServerFormat } from './format';
import { HeldDownlinks } from './held-downlinks';
import type { IntakeStatus } from './intake-gate';
import { TtsFormat } from './tts';
import type { DownlinkRequest, Source, SourceSink } from './types';
import { VIDEO_STATUS_SUBSCRIPTION, cameraStatusUplink, isCameraStatusTopic } from './video';
import { MalformedMessage } from './wire';

export type { MqttSourceOptions, MqttSourceStatus } from './mqtt-source-options';

export interface MqttSourceCounters {
  messages: number;
  uplinks: number;
  reports: number;
  joins: number;
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
const DEFAULT_KEEPALIVE_S = 60;
/** A broker flooding us with bad messages must not flood the log: the first ones, then a tally. */
const MALFORMED_LOGGED_IN_FULL = 20;
const MALFORMED_TALLY_EVERY = 1_000;

/**
 * The hub's LoRaWAN source: a network server's MQTT integration (ChirpStack v4 or TTS v3), plus
 * camera status from the VMS on the same broker. Subscribes with QoS 1, reconnects and
 * resubscribes by itself; a malformed message is counted and logged in one line, never thrown.
 *
 * A QoS 1 uplink is acknowledged to the broker only when the hub settles it, after the journal
 * commit that carries it (`Uplink.settle`, see `commit-acks.ts`); until then the broker keeps it
 * and redelivers it after a reconnection. Other messages (reports, joins, malformed, ignored) are
 * acknowledged on receipt. With `clientId` set the session is persistent: the broker also keeps
 * QoS 1 messages while the hub is away.
 */
export class MqttSource implements Source {
  readonly name: string;
  readonly counters: MqttSourceCounters = { messages: 0, uplinks: 0, reports: 0, joins: 0, ignored: 0, malformed: 0 };
  private readonly format: NetworkServerFormat;
  private readonly held: HeldDownlinks;
  private readonly log: (line: string) => void;
  private client: MqttClient | undefined;
  private sink: SourceSink | undefined;
  private acks: CommitAcks | undefined;
  private wasConnected = false;
  private connections = 0;
  private lastError: string | undefined;
  private lastMessageAtMs: number | undefined;
  private readonly topicPrefix: string;

  constructor(private readonly options: MqttSourceOptions) {
    const onlyApplication = options.applicationIds?.length === 1 ? options.applicationIds[0] : undefined;
    const ttsApplicationId = options.ttsApplicationId ?? onlyApplication;
    const chirpstackApplicationId = options.chirpstackApplicationId ?? onlyApplication;
    this.format =
      options.format === 'tts'
        ? new TtsFormat(ttsApplicationId === undefined ? {} : { applicationId: ttsApplicationId })
        : new ChirpstackFormat(chirpstackApplicationId === undefined ? {} : { defaultApplicationId: chirpstackApplicationId });
    this.topicPrefix = options.topicPrefix ?? '';
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

  /** What an admin sees of this source: its link to the broker and what came through it. */
  status(): MqttSourceStatus {
    const link = this.client?.connected ? 'connected' : this.lastError !== undefined ? 'error' : 'connecting';
    return {
      link,
      ...(link === 'error' ? { reason: this.lastError! } : {}),
      ...(this.lastMessageAtMs === undefined ? {} : { lastMessageAt: new Date(this.lastMessageAtMs).toISOString() }),
      messages: this.counters.messages,
      acknowledgedAfterCommit: this.acks?.acknowledged ?? 0,
      reconnections: Math.max(0, this.connections - 1),
    };
  }

  /** Backpressure on this source: uplinks awaiting their commit, and whether reading is paused. */
  intake(): IntakeStatus | undefined {
    return this.acks?.intakeStatus();
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
      keepalive: this.options.keepaliveS ?? DEFAULT_KEEPALIVE_S,
      // We subscribe on every connect that has no session (below); mqtt.js must not do it twice.
      resubscribe: false,
      ...(this.options.username === undefined ? {} : { username: this.options.username }),
      ...(this.options.password === undefined ? {} : { password: this.options.password }),
      ...(this.options.caFile === undefined ? {} : { ca: readFileSync(this.options.caFile) }),
      ...tlsOptions(this.options.tls),
    });
    this.client = client;
    this.acks = new CommitAcks(client, this.options.maxInFlightUplinks);
    client.on('message', (topic, payload, packet) => this.receive(topic, payload, packet));
    // A broker that stays down fails every reconnection the same way: say it once.
    client.on('error', (error) => {
      const reason = brokerErrorInFrench(error);
      if (reason !== this.lastError) this.log(`${this.prefix()} erreur : ${reason}`);
      this.lastError = reason;
    });
    client.on('offline', () => {
      if (this.wasConnected) this.log(`${this.prefix()} connexion perdue, nouvelles tentatives en cours`);
      this.wasConnected = false;
    });

    // Subscribing again when the broker kept the session is harmless (it replaces each
    // subscription without interrupting the flow) and makes a changed set of filters take effect.
    const subscribed = new Promise<void>((resolve) =>
      client.on('connect', () => {
        this.log(`${this.prefix()} connecté à ${redact(this.options.url)}`);
        this.wasConnected = true;
        this.connections += 1;
        this.lastError = undefined;
        void this.subscribe(client).then(resolve);
      }),
    );
    if (this.options.keepTrying) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timeoutMs = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
      const timer = setTimeout(() => {
        this.client = undefined;
        client.end(true);
        reject(new Error(`courtier MQTT ${redact(this.options.url)} injoignable après ${timeoutMs} ms`));
      }, timeoutMs);
      void subscribed.then(() => {
        clearTimeout(timer);
        resolve();
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

  /**
   * Disconnects. The persistent session stays on the broker, which keeps queueing for the hub;
   * `unsubscribe` drops those filters from it first (a source deleted or narrowed by an admin must
   * not leave the broker a queue nobody will read).
   */
  async stop(options: { unsubscribe?: readonly string[] } = {}): Promise<void> {
    this.held.rejectAll('source MQTT arrêtée : la liaison descendante, en attente de la première remontée du capteur, n’a pas été transmise');
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    if (options.unsubscribe?.length && client.connected) {
      await client.unsubscribeAsync([...options.unsubscribe]).catch(() => undefined);
    }
    await client.endAsync();
  }

  private async publish(client: MqttClient, request: DownlinkRequest): Promise<void> {
    const { topic, payload } = this.format.downlink(request);
    await client.publishAsync(this.topicPrefix + topic, payload, { qos: 1 });
  }

  /** The device was just heard: queue what was held for it, in the order it was asked. */
  private release(devEui: string): void {
    const client = this.client;
    if (!client || !this.held.has(devEui) || !this.format.addressable(devEui)) return;
    for (const { request, resolve, reject } of this.held.take(devEui)) {
      this.publish(client, request).then(resolve, reject);
    }
  }

  /** Whether the other source reads the same broker session (same broker, same client id). */
  sameBroker(other: MqttSource): boolean {
    return this.options.url === other.options.url && this.options.clientId === other.options.clientId;
  }

  /** The topic filters this source subscribes to, as the broker sees them. */
  get subscriptions(): string[] {
    const topics = eventSubscriptions(this.format.name, this.format.subscriptions, this.options.applicationIds);
    if (this.options.videoStatus !== false) topics.push(VIDEO_STATUS_SUBSCRIPTION);
    return topics.map((topic) => this.topicPrefix + topic);
  }

  private async subscribe(client: MqttClient): Promise<void> {
    const topics = this.subscriptions;
    try {
      const granted = await client.subscribeAsync(topics, { qos: 1 });
      const refused = granted.filter((grant) => grant.qos === 128).map((grant) => grant.topic);
      if (refused.length > 0) this.log(`${this.prefix()} abonnement refusé par le courtier : ${refused.join(', ')}`);
    } catch (error) {
      this.log(`${this.prefix()} abonnement impossible : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private receive(brokerTopic: string, payload: Uint8Array, packet: IPublishPacket): void {
    this.counters.messages += 1;
    this.lastMessageAtMs = Date.now();
    const topic = brokerTopic.startsWith(this.topicPrefix) ? brokerTopic.slice(this.topicPrefix.length) : brokerTopic;
    let inbound: Inbound;
    try {
      inbound = isCameraStatusTopic(topic)
        ? { kind: 'uplink', uplink: cameraStatusUplink(topic, payload) }
        : this.format.read(topic, payload);
    } catch (error) {
      this.malformed(topic, error);
      return;
    }
    if (inbound.kind === 'uplink') {
      const deferred = this.acks?.defer(packet);
      if (deferred) Object.assign(inbound.uplink, deferred);
    }
    try {
      this.deliver(inbound);
    } catch (error) {
      // The hub's own failure: keep the source alive and say so. Its place in the intake is freed
      // (a slot leaked per failure would end up stopping the intake for good); not acknowledged.
      if (inbound.kind === 'uplink') inbound.uplink.abandon?.();
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
      case 'join':
        this.counters.joins += 1;
        try {
          sink.join(inbound.join);
        } finally {
          this.release(inbound.join.devEui);
        }
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
