import { HealthResponse } from '../../../shared/protocol/messages';

/** The part of `GET /api/health` the shell relies on (the contract's minimum). */
const HubHealth = HealthResponse.pick({ status: true, version: true, seq: true });
export type HubHealth = { status: 'ok'; version: string; seq: number };

/** One probe: the hub's health, or null when it is not (yet) answering as a hub should. */
export async function probeHubHealth(healthUrl: string, signal?: AbortSignal): Promise<HubHealth | null> {
  try {
    const response = await fetch(healthUrl, { signal: signal ?? null, headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const parsed = HubHealth.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // refused, reset, aborted or not JSON: not ready
  }
}

export interface WaitOptions {
  signal: AbortSignal;
  /** Delay between probes while the hub starts (it opens SQLite and seeds the demo first). */
  intervalMs?: number;
}

/** Probes until the hub answers, or rejects when `signal` aborts (timeout, or the hub exited). */
export async function waitForHubHealth(healthUrl: string, options: WaitOptions): Promise<HubHealth> {
  const intervalMs = options.intervalMs ?? 200;
  for (;;) {
    options.signal.throwIfAborted();
    const health = await probeHubHealth(healthUrl, options.signal);
    if (health !== null) return health;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
