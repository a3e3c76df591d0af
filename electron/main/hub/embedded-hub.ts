import type { HubChild } from './hub-child';
import { type HubHealth, waitForHubHealth } from './health';

/** The first start seeds the demo territory (thousands of assets) into a new SQLite file. */
export const HUB_START_TIMEOUT_MS = 120_000;
/** Time the hub gets to flush its last batch and close SQLite before it is killed. */
export const HUB_STOP_GRACE_MS = 5_000;
/** Hub output kept to explain a failed start. */
const RECENT_LINES = 30;

export interface RunningHub {
  readonly health: HubHealth;
  /** Resolves once the hub process has exited. */
  stop(): Promise<void>;
}

export class HubStartError extends Error {
  override readonly name = 'HubStartError';
  constructor(
    message: string,
    readonly recentOutput: readonly string[],
  ) {
    super(message);
  }
}

export interface StartOptions {
  startTimeoutMs?: number;
  stopGraceMs?: number;
  /** Receives every line the hub prints (the shell forwards them to its own output). */
  log?: (line: string) => void;
}

/**
 * Waits until a freshly started hub answers `GET /api/health`. Rejects with a French explanation
 * and the hub's last lines if it exits first or takes too long, and then makes sure it is gone.
 */
export async function startEmbeddedHub(child: HubChild, healthUrl: string, options: StartOptions = {}): Promise<RunningHub> {
  const recent: string[] = [];
  child.onLine((line) => {
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
    options.log?.(line);
  });

  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.onExit((code) => {
      exitCode = code;
      resolve();
    }),
  );

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.startTimeoutMs ?? HUB_START_TIMEOUT_MS);
  void exited.then(() => abort.abort());
  try {
    const health = await waitForHubHealth(healthUrl, { signal: abort.signal });
    const hasExited = (): boolean => exitCode !== undefined;
    return { health, stop: () => stopHub(child, exited, hasExited, options.stopGraceMs ?? HUB_STOP_GRACE_MS) };
  } catch {
    const why =
      exitCode !== undefined
        ? `le hub embarqué s'est arrêté au démarrage (code ${exitCode ?? 'inconnu'})`
        : `le hub embarqué ne répond pas sur ${healthUrl}`;
    await stopHub(child, exited, () => exitCode !== undefined, 0);
    throw new HubStartError(`Impossible de démarrer Beffroi : ${why}.`, [...recent]);
  } finally {
    clearTimeout(timer);
  }
}

async function stopHub(child: HubChild, exited: Promise<void>, hasExited: () => boolean, graceMs: number): Promise<void> {
  if (hasExited()) return;
  child.kill(graceMs === 0);
  if (graceMs > 0) {
    const grace = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
    if ((await Promise.race([exited, grace])) === 'late') child.kill(true);
  }
  await exited;
}
