/**
 * A real hub for a benchmark: its own process with `npm run hub`'s command, a fresh data folder,
 * the demo simulator off and the field on the bench's own broker, so that nothing happens on the
 * territory but what the benchmark publishes. The port is the one the hub reports when ready
 * (BEFFROI_PORT=0: the system picks a free one, no race with other hubs on the machine).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HealthResponse } from '../../../shared/protocol/messages';
import { hubCommand, waitForHubHealth } from '../../../scripts/lib/hub-process.mjs';

export const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

export interface BenchHub {
  url: string;
  pid: number;
  /** Its data folder (the SQLite journal), removed by `stop()`. */
  dataDir: string;
  /** How long the hub took from spawn to healthy (seeding the demo included). */
  startS: number;
  health(): Promise<HealthResponse>;
  /** The hub's lines about its brokers (connected, lost, errors), oldest first: why a link dropped. */
  brokerLines(): readonly string[];
  stop(): Promise<void>;
}

/** Broker lines kept: the first ones (start) and the latest, never an unbounded log. */
const BROKER_LINES_KEPT = 200;

export interface BenchHubOptions {
  demo: 'essonne' | 'finistere';
  brokerUrl: string;
  /** The built console the hub serves (`dist/renderer` by default). */
  rendererDir?: string;
}

export async function startBenchHub(options: BenchHubOptions): Promise<BenchHub> {
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'beffroi-bench-'));
  const { command, args, cwd } = hubCommand(REPO_ROOT);
  const child = spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      BEFFROI_HOST: '127.0.0.1',
      BEFFROI_PORT: '0',
      BEFFROI_DATA_DIR: dataDir,
      BEFFROI_DEMO: options.demo,
      BEFFROI_SIMULATOR: 'off',
      BEFFROI_MQTT_URL: options.brokerUrl,
      BEFFROI_RENDERER_DIR: options.rendererDir ?? join(REPO_ROOT, 'dist', 'renderer'),
    },
    // The hub's own lines stay out of the figures; its errors are shown.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const signal = AbortSignal.any([AbortSignal.timeout(180_000), abortOnExit(exited)]);
    const brokerLines: string[] = [];
    const url = await readyAddress(child, signal, (line) => {
      if (!line.includes('[mqtt')) return;
      if (brokerLines.length >= BROKER_LINES_KEPT) brokerLines.splice(BROKER_LINES_KEPT / 2, 1);
      brokerLines.push(line);
    });
    await waitForHubHealth(url, { signal });
    return {
      url,
      pid: child.pid!,
      dataDir,
      startS: (performance.now() - started) / 1000,
      health: async () => HealthResponse.parse(await (await fetch(`${url}/api/health`)).json()),
      brokerLines: () => brokerLines,
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`le hub du banc n'a pas démarré (code ${child.exitCode ?? 'aucun'}) : ${(error as Error).message}`);
  }
}

function abortOnExit(exited: Promise<void>): AbortSignal {
  const controller = new AbortController();
  void exited.then(() => controller.abort(new Error('le hub s’est arrêté')));
  return controller.signal;
}

/** The address in the hub's « hub prêt : http://127.0.0.1:<port> … » line (electron/hub/cli.ts). */
function readyAddress(child: ChildProcess, signal: AbortSignal, onLine: (line: string) => void): Promise<string> {
  // The reader stays open to the end: closing it would pause the hub's stdout.
  const lines = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    lines.on('line', (line) => {
      onLine(line);
      const address = /hub prêt : (http:\/\/[^\s/]+)/.exec(line)?.[1];
      if (address) resolve(address);
    });
  });
}
