import { homedir } from 'node:os';
import { join } from 'node:path';
import { MAX_CONSOLE_BACKLOG_BYTES } from './api/broadcaster';
import { DEFAULT_MAX_SHELVE_H } from './alarms/alarm-book';
import { DEFAULT_MAX_IN_FLIGHT } from './sources/intake-gate';
import type { NotifyConfig } from './notify/channels';
import { DEFAULT_ESCALATION_POLICY, parseEscalationDelays, type EscalationPolicy } from './oncall/escalation-policy';
import { DEFAULT_CHATTER_SETTLE_S } from './alarms/chattering';
import { GATEWAY_SILENCE } from './rules/conditions';

/** The hub's settings, read from the environment variables of hub-contract.md. */
export interface HubConfig {
  host: string;
  port: number;
  dataDir: string;
  demo: 'essonne' | 'finistere' | 'none';
  demoPassword: string;
  /** A field broker to use instead of the embedded one. */
  mqttUrl?: string;
  /** Several field sources, from a JSON file (see sources/sources-file.ts). */
  sourcesFile?: string;
  mqttFormat: 'chirpstack' | 'tts';
  /** Uplinks a source may hold uncommitted before it stops reading its broker (backpressure). */
  ingestMaxInFlight: number;
  /** How many times faster than real time the demo's day runs. */
  simulationSpeed: number;
  /** Longest an alarm may be shelved, in hours (`BEFFROI_MAX_SHELVE_H`, 24 by default). */
  maxShelveH: number;
  /** A gateway is silent after this many periods of its most frequent device without an uplink. */
  gatewaySilentPeriods: number;
  /** How long a chattering condition must stay clear before its alarm clears, in seconds. */
  chatterSettleS: number;
  /** How long a command may wait for the device's confirmation before it expires. */
  commandTtlS: number;
  /** Where the built console is served from. */
  rendererDir: string;
  /** Whether the demo simulator runs (on by default for demo territories). */
  simulate: boolean;
  /** Certificate and key (PEM files) when the hub itself serves TLS. */
  tls?: { certPath: string; keyPath: string };
  /** The hub sits behind a proxy that terminates TLS (it may then listen in clear on a LAN address). */
  behindTlsProxy: boolean;
  /** How far a console may fall behind before it is cut off. */
  maxConsoleBacklogBytes: number;
  /** When the person on call is told about an unacknowledged alarm (`BEFFROI_ESCALATION_*`). */
  escalation: EscalationPolicy;
  /** E-mail and webhook channels; `publicUrl` absent = the hub's own address. */
  notify: NotifyConfig;
}

export class ConfigError extends Error {}

/** Per-user data folder, following each desktop's convention. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Beffroi');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Beffroi');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'beffroi');
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name}=${value} : valeur attendue parmi ${allowed.join(', ')}`);
}

function positiveNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name}=${value} : nombre positif attendu`);
  return n;
}

/** Loopback addresses: traffic never leaves the machine, TLS adds nothing there. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function readHubConfig(env: NodeJS.ProcessEnv = process.env, repoRoot = process.cwd()): HubConfig {
  // Port 0 asks the system for a free port (tests, several hubs on one machine).
  const port = env.BEFFROI_PORT === '0' ? 0 : positiveNumber('BEFFROI_PORT', env.BEFFROI_PORT, 8417);
  if (!Number.isInteger(port) || port > 65535) throw new ConfigError(`BEFFROI_PORT=${port} : port invalide`);
  const demo = oneOf('BEFFROI_DEMO', env.BEFFROI_DEMO, ['essonne', 'finistere', 'none'] as const, 'essonne');
  const host = env.BEFFROI_HOST || '127.0.0.1';
  const certPath = env.BEFFROI_TLS_CERT || undefined;
  const keyPath = env.BEFFROI_TLS_KEY || undefined;
  if ((certPath === undefined) !== (keyPath === undefined)) {
    throw new ConfigError('BEFFROI_TLS_CERT et BEFFROI_TLS_KEY vont ensemble : donnez le certificat et sa clé');
  }
  const behindTlsProxy = env.BEFFROI_TLS_PROXY === '1' || env.BEFFROI_TLS_PROXY === 'true';
  // Passwords and session tokens cross the network in the login and every frame: never in clear.
  if (!isLoopback(host) && !certPath && !behindTlsProxy) {
    throw new ConfigError(
      `BEFFROI_HOST=${host} expose le hub au réseau : donnez un certificat (BEFFROI_TLS_CERT, BEFFROI_TLS_KEY), ` +
        'ou BEFFROI_TLS_PROXY=1 si un proxy termine le TLS devant le hub',
    );
  }
  return {
    host,
    port,
    dataDir: env.BEFFROI_DATA_DIR || defaultDataDir(env),
    demo,
    demoPassword: env.BEFFROI_DEMO_PASSWORD || 'beffroi',
    mqttUrl: env.BEFFROI_MQTT_URL || undefined,
    ...(env.BEFFROI_SOURCES_FILE ? { sourcesFile: env.BEFFROI_SOURCES_FILE } : {}),
    mqttFormat: oneOf('BEFFROI_MQTT_FORMAT', env.BEFFROI_MQTT_FORMAT, ['chirpstack', 'tts'] as const, 'chirpstack'),
    ingestMaxInFlight: Math.ceil(positiveNumber('BEFFROI_INGEST_MAX_IN_FLIGHT', env.BEFFROI_INGEST_MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT)),
    simulationSpeed: positiveNumber('BEFFROI_SIM_SPEED', env.BEFFROI_SIM_SPEED, 60),
    commandTtlS: positiveNumber('BEFFROI_COMMAND_TTL_S', env.BEFFROI_COMMAND_TTL_S, 600),
    maxShelveH: positiveNumber('BEFFROI_MAX_SHELVE_H', env.BEFFROI_MAX_SHELVE_H, DEFAULT_MAX_SHELVE_H),
    gatewaySilentPeriods: positiveNumber('BEFFROI_GATEWAY_SILENT_PERIODS', env.BEFFROI_GATEWAY_SILENT_PERIODS, GATEWAY_SILENCE.defaultMissedPeriods),
    chatterSettleS: positiveNumber('BEFFROI_CHATTER_SETTLE_S', env.BEFFROI_CHATTER_SETTLE_S, DEFAULT_CHATTER_SETTLE_S),
    rendererDir: env.BEFFROI_RENDERER_DIR || join(repoRoot, 'dist', 'renderer'),
    simulate: demo !== 'none' && env.BEFFROI_SIMULATOR !== 'off',
    ...(certPath && keyPath ? { tls: { certPath, keyPath } } : {}),
    behindTlsProxy,
    escalation: readEscalation(env),
    notify: readNotify(env),
    maxConsoleBacklogBytes: positiveNumber('BEFFROI_CONSOLE_BACKLOG_MB', env.BEFFROI_CONSOLE_BACKLOG_MB, MAX_CONSOLE_BACKLOG_BYTES / 2 ** 20) * 2 ** 20,
  };
}

function readEscalation(env: NodeJS.ProcessEnv): EscalationPolicy {
  try {
    return {
      delaysMin: parseEscalationDelays(env.BEFFROI_ESCALATION_DELAYS_MIN),
      nextLevelMin: positiveNumber('BEFFROI_ESCALATION_NEXT_LEVEL_MIN', env.BEFFROI_ESCALATION_NEXT_LEVEL_MIN, DEFAULT_ESCALATION_POLICY.nextLevelMin),
    };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`BEFFROI_ESCALATION_DELAYS_MIN ${(error as Error).message}`);
  }
}

function readNotify(env: NodeJS.ProcessEnv): HubConfig['notify'] {
  const urlSetting = (name: string, protocols: string[]): string | undefined => {
    const value = env[name];
    if (!value) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(`${name}=${value} : adresse invalide`);
    }
    if (!protocols.includes(url.protocol)) throw new ConfigError(`${name} : schéma ${protocols.join(' ou ')} attendu`);
    return value;
  };
  const smtpUrl = urlSetting('BEFFROI_SMTP_URL', ['smtp:', 'smtps:']);
  const webhookUrl = urlSetting('BEFFROI_WEBHOOK_URL', ['http:', 'https:']);
  const publicUrl = urlSetting('BEFFROI_PUBLIC_URL', ['http:', 'https:']);
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    smtpFrom: env.BEFFROI_SMTP_FROM || 'Beffroi <beffroi@localhost>',
    ...(webhookUrl ? { webhookUrl } : {}),
    ...(env.BEFFROI_WEBHOOK_SECRET ? { webhookSecret: env.BEFFROI_WEBHOOK_SECRET } : {}),
    ...(publicUrl ? { publicUrl } : {}),
  };
}
