// How the scripts and the end-to-end fixture run a real hub: plain Node with tsx on the TypeScript
// source (the same command as `npm run hub`, without npx in between, so signals reach the hub).
import { join } from 'node:path';

/** Command that starts the hub of the repository at `root`. */
export function hubCommand(root) {
  return { command: process.execPath, args: ['--import', 'tsx', join(root, 'electron', 'hub', 'cli.ts')], cwd: root };
}

/** The console's address for a hub started with `env` (hub-contract.md's defaults). */
export function hubBaseUrl(env) {
  const host = env.BEFFROI_HOST?.trim() || '127.0.0.1';
  const port = env.BEFFROI_PORT?.trim() || '8417';
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

/** Resolves with the health body once `GET /api/health` says ok; rejects when `signal` aborts. */
export async function waitForHubHealth(baseUrl, { signal, intervalMs = 200 }) {
  for (;;) {
    signal.throwIfAborted();
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal });
      const body = response.ok ? await response.json() : null;
      if (body !== null && typeof body === 'object' && body.status === 'ok') return body;
    } catch (error) {
      if (signal.aborted) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
