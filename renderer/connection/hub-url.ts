import { z } from 'zod';

/** What the Electron preload may expose; absent in a plain browser. */
const PreloadBridge = z.object({ hubUrl: z.string().url().optional() });

/**
 * Where the hub's WebSocket is: the preload's setting in Electron (embedded or remote hub),
 * otherwise the server that served this page (`/ws` on the same host, wss under https).
 */
export function resolveHubUrl(win: { location: Location; beffroi?: unknown } = window): string {
  const bridge = PreloadBridge.safeParse(win.beffroi ?? {});
  const fromPreload = bridge.success ? bridge.data.hubUrl : undefined;
  if (fromPreload) return toWebSocketUrl(fromPreload);
  const scheme = win.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${win.location.host}/ws`;
}

/** Accepts `http://host:port` as well as `ws://host:port/ws`. */
export function toWebSocketUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/ws';
  return parsed.toString();
}
