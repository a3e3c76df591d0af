import type { SourceOrigin, SourceSettings, SourceView } from '../../../shared/domain/sources';
import { MqttSource, type MqttSourceOptions } from './mqtt-source';
import type { IntakeStatus } from './intake-gate';
import type { DownlinkRequest, Source, SourceSink } from './types';

/** One source as configured: its settings, where they come from, and what only the hub knows. */
export interface ConfiguredSource {
  settings: SourceSettings;
  origin: SourceOrigin;
  password?: string;
  /** Options the settings file may add (a fixed client id, default applications, a CA file). */
  extra?: Partial<MqttSourceOptions>;
}

interface Running {
  configured: ConfiguredSource;
  /** Absent while the source is disabled, or when it could not even start (`failure`). */
  mqtt?: MqttSource;
  /** Why a console source could not start (a certificate file gone), in French. */
  failure?: string;
}

/**
 * Every field source of the hub seen as one `Source`, changeable while it runs: an admin adds,
 * edits or removes a source and only that source reconnects. Uplinks and reports from all of them
 * reach the hub; a downlink goes to the source that last heard its device (its network server is
 * the one that can reach it), or to the first source, which holds it until the device speaks.
 */
export class FieldSources implements Source {
  readonly name = 'sources';
  private readonly running = new Map<string, Running>();
  private readonly heardBy = new Map<string, MqttSource>();
  private sink: SourceSink | undefined;
  private changing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: {
      /** Names this installation's MQTT sessions, so that two hubs never share one. */
      installId: string;
      log: (line: string) => void;
      /** Each source's intake cap (backpressure), unless its own settings say otherwise. */
      maxInFlightUplinks?: number;
    },
  ) {}

  /**
   * Starts every source. Those of the environment or the settings file must connect (the hub
   * refuses to start without its broker, as before); those of the console keep trying in the
   * background, so a wrong address typed by an admin never keeps the hub from starting.
   */
  async start(sink: SourceSink, configured: readonly ConfiguredSource[] = []): Promise<void> {
    this.sink = sink;
    await Promise.all(configured.map((source) => this.putNow(source)));
  }

  /** Adds or replaces a source (same name) and connects it; the others are left alone. */
  put(configured: ConfiguredSource): Promise<void> {
    return this.serially(() => this.putNow(configured));
  }

  /** Disconnects a source and drops its subscriptions from the broker's session. */
  remove(name: string): Promise<boolean> {
    return this.serially(async () => {
      const previous = this.running.get(name);
      if (!previous) return false;
      this.running.delete(name);
      if (previous.mqtt) await this.retire(previous.mqtt, undefined);
      return true;
    });
  }

  private async putNow(configured: ConfiguredSource): Promise<void> {
    const name = configured.settings.name;
    const previous = this.running.get(name);
    const mqtt = configured.settings.enabled ? this.mqttSource(configured) : undefined;
    const running: Running = { configured, ...(mqtt ? { mqtt } : {}) };
    this.running.set(name, running);
    if (previous?.mqtt) await this.retire(previous.mqtt, mqtt);
    if (!mqtt || !this.sink) return;
    try {
      await mqtt.start(this.relay(mqtt));
    } catch (error) {
      if (configured.origin !== 'console') throw error;
      // Keep the hub up and say why on the admin screen; saving the source again retries.
      delete running.mqtt;
      running.failure = `démarrage impossible : ${error instanceof Error ? error.message : String(error)}`;
      this.options.log(`[${name}] ${running.failure}`);
    }
  }

  /** Two admins saving at once: one change after the other, never two clients for one source. */
  private serially<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changing.then(change);
    this.changing = run.catch(() => undefined);
    return run;
  }

  get(name: string): ConfiguredSource | undefined {
    return this.running.get(name)?.configured;
  }

  /** Settings (never a password) and live status of every source, in the order they were added. */
  list(): SourceView[] {
    return [...this.running.values()].map(({ configured, mqtt, failure }) => ({
      ...configured.settings,
      origin: configured.origin,
      hasPassword: configured.password !== undefined,
      status: statusOf(mqtt, failure),
    }));
  }

  /** The MQTT source by name, while it runs (for tests and health). */
  mqtt(name: string): MqttSource | undefined {
    return this.running.get(name)?.mqtt;
  }

  /** Every running source's intake, summed: what `/api/health` shows of the hub's backpressure. */
  intake(): IntakeStatus & { sourcesPaused: number; acknowledged: number; reconnections: number } {
    const sources = [...this.running.values()].flatMap((r) => r.mqtt ?? []);
    const all = sources.flatMap((mqtt) => mqtt.intake() ?? []);
    return {
      acknowledged: sum(sources.map((mqtt) => mqtt.status().acknowledgedAfterCommit)),
      reconnections: sum(sources.map((mqtt) => mqtt.status().reconnections)),
      inFlight: sum(all.map((i) => i.inFlight)),
      maxInFlight: sum(all.map((i) => i.maxInFlight)),
      paused: all.some((i) => i.paused),
      sourcesPaused: all.filter((i) => i.paused).length,
      pauses: sum(all.map((i) => i.pauses)),
      pausedMs: sum(all.map((i) => i.pausedMs)),
    };
  }

  enqueueDownlink(request: DownlinkRequest): Promise<void> {
    const source = this.heardBy.get(request.devEui) ?? [...this.running.values()].find((r) => r.mqtt)?.mqtt;
    if (!source) return Promise.reject(new Error('aucune source réseau active : la liaison descendante n’a pas été transmise'));
    return source.enqueueDownlink(request);
  }

  withdrawDownlink(ref: string): boolean {
    return [...this.running.values()].map((r) => r.mqtt?.withdrawDownlink(ref) ?? false).some(Boolean);
  }

  async stop(): Promise<void> {
    const sources = [...this.running.values()];
    this.running.clear();
    await Promise.all(sources.map((r) => r.mqtt?.stop()));
  }

  private mqttSource(configured: ConfiguredSource): MqttSource {
    const { settings, password, extra, origin } = configured;
    return new MqttSource({
      label: settings.name,
      url: settings.url,
      format: settings.format,
      clientId: `beffroi-${this.options.installId}-${settings.name}`,
      ...(settings.username ? { username: settings.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(settings.tls ? { tls: settings.tls } : {}),
      applicationIds: settings.applicationIds,
      topicPrefix: settings.topicPrefix,
      keepTrying: origin === 'console',
      log: this.options.log,
      ...(this.options.maxInFlightUplinks === undefined ? {} : { maxInFlightUplinks: this.options.maxInFlightUplinks }),
      ...extra,
    });
  }

  /** Uplinks remember which source heard their device, for its downlinks. */
  private relay(mqtt: MqttSource): SourceSink {
    const sink = this.sink!;
    return {
      uplink: (uplink) => {
        this.heardBy.set(uplink.devEui, mqtt);
        sink.uplink(uplink);
      },
      join: (join) => {
        this.heardBy.set(join.devEui, mqtt);
        sink.join(join);
      },
      downlinkReport: (report) => sink.downlinkReport(report),
    };
  }

  /** Stops a replaced source; the filters its successor no longer wants leave the broker's session. */
  private async retire(old: MqttSource, successor: MqttSource | undefined): Promise<void> {
    for (const [devEui, source] of this.heardBy) if (source === old) this.heardBy.delete(devEui);
    const kept = new Set(successor && successor.sameBroker(old) ? successor.subscriptions : []);
    await old.stop({ unsubscribe: old.subscriptions.filter((topic) => !kept.has(topic)) });
  }
}

function statusOf(mqtt: MqttSource | undefined, failure: string | undefined): SourceView['status'] {
  if (!mqtt) return failure ? { link: 'error', reason: failure, messages: 0 } : { link: 'disabled', messages: 0 };
  const { link, reason, lastMessageAt, messages } = mqtt.status();
  return { link, ...(reason ? { reason } : {}), ...(lastMessageAt ? { lastMessageAt } : {}), messages };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
