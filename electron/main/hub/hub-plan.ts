import { join } from 'node:path';
import { z } from 'zod';
import { parseUrl } from '../app-origin';

/** Where a console reaches its hub: HTTP for `/api/…`, WebSocket for `/ws`. */
export interface HubEndpoints {
  httpUrl: string;
  wsUrl: string;
  healthUrl: string;
}

/**
 * How the shell runs an embedded hub.
 * - `node`: a plain Node.js child (development, started by `npm start`, which passes the Node it
 *   runs on): the hub's native modules were built for that Node, and tsx runs the TypeScript source.
 * - `utility`: an Electron utility process running the bundled hub (packaged app, where the only
 *   Node available is Electron's own and electron-builder rebuilt the native modules for it).
 */
export type HubLaunch =
  | { kind: 'node'; nodePath: string; args: string[]; cwd: string }
  | { kind: 'utility'; modulePath: string; cwd: string };

export type HubPlan =
  | { kind: 'remote'; endpoints: HubEndpoints }
  | { kind: 'embedded'; endpoints: HubEndpoints; launch: HubLaunch; env: Record<string, string | undefined> };

export const DEFAULT_HUB_HOST = '127.0.0.1';
export const DEFAULT_HUB_PORT = 8417;

/**
 * Endpoints of a hub given its address as a user would type it: `http(s)://host:port` or
 * `ws(s)://host:port[/ws]`. Any path is dropped: the hub's routes are fixed by its contract.
 */
export function hubEndpointsFromUrl(raw: string): HubEndpoints {
  const url = parseUrl(raw.trim());
  const secure = url?.protocol === 'https:' || url?.protocol === 'wss:';
  const plain = url?.protocol === 'http:' || url?.protocol === 'ws:';
  if (url === null || (!secure && !plain) || url.host === '') {
    throw new Error(`Adresse du hub invalide : « ${raw} ». Exemple attendu : http://serveur:8417`);
  }
  const httpUrl = `${secure ? 'https' : 'http'}://${url.host}`;
  return { httpUrl, wsUrl: `${secure ? 'wss' : 'ws'}://${url.host}/ws`, healthUrl: `${httpUrl}/api/health` };
}

const HubArgs = z.array(z.string());
const Port = z.coerce.number().int().min(1).max(65535);

/**
 * Decides between a remote hub (`BEFFROI_HUB_URL`) and an embedded one, and how to run the latter.
 * `BEFFROI_NODE` (+ optional `BEFFROI_HUB_ARGS`, a JSON array) selects a plain Node child.
 */
export function planHub(env: NodeJS.ProcessEnv, app: { appPath: string }): HubPlan {
  const remote = env.BEFFROI_HUB_URL?.trim();
  if (remote) return { kind: 'remote', endpoints: hubEndpointsFromUrl(remote) };

  const port = env.BEFFROI_PORT === undefined ? DEFAULT_HUB_PORT : parsePort(env.BEFFROI_PORT);
  const host = env.BEFFROI_HOST?.trim() || DEFAULT_HUB_HOST;
  const endpoints = hubEndpointsFromUrl(`http://${connectableHost(host)}:${port}`);
  return {
    kind: 'embedded',
    endpoints,
    launch: chooseLaunch(env, app.appPath),
    // The hub looks for the built console and its reference data from its working directory or its
    // own file; a bundled hub in app.asar must be told where they are.
    env: {
      BEFFROI_RENDERER_DIR: join(app.appPath, 'dist', 'renderer'),
      BEFFROI_RESOURCES_DIR: join(app.appPath, 'resources'),
      ...env,
      BEFFROI_HOST: host,
      BEFFROI_PORT: String(port),
    },
  };
}

function chooseLaunch(env: NodeJS.ProcessEnv, appPath: string): HubLaunch {
  const nodePath = env.BEFFROI_NODE?.trim();
  if (!nodePath) return { kind: 'utility', modulePath: join(appPath, 'dist', 'hub', 'cli.mjs'), cwd: appPath };
  const args = env.BEFFROI_HUB_ARGS
    ? parseHubArgs(env.BEFFROI_HUB_ARGS)
    : ['--import', 'tsx', join(appPath, 'electron', 'hub', 'cli.ts')];
  return { kind: 'node', nodePath, args, cwd: appPath };
}

function parseHubArgs(raw: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const parsed = HubArgs.safeParse(value);
  if (!parsed.success) throw new Error('BEFFROI_HUB_ARGS doit être un tableau JSON de chaînes, par exemple ["--import","tsx","electron/hub/cli.ts"].');
  return parsed.data;
}

function parsePort(raw: string): number {
  const parsed = Port.safeParse(raw);
  if (!parsed.success) throw new Error(`BEFFROI_PORT invalide : « ${raw} » (un nombre entre 1 et 65535).`);
  return parsed.data;
}

/** A hub listening on every interface is still reached through loopback from this machine. */
function connectableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
