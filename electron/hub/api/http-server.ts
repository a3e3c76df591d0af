import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { PROTOCOL_VERSION, type HealthResponse } from '../../../shared/protocol/messages';
import { ConsoleConnection } from './console-connection';
import type { HubContext } from './context';
import { serveStatic } from './static-files';

/**
 * ws refuses frames above this before they reach us (a hostile multi-megabyte frame is never
 * buffered whole); frames between our own limit and this one get a `message.too-large` reply.
 */
const WS_MAX_PAYLOAD_BYTES = 1024 * 1024;

export interface HttpOptions {
  rendererDir: string;
  /** PEM files: the hub serves HTTPS and WSS itself. */
  tls?: { certPath: string; keyPath: string };
  version: string;
  startedAtMs: number;
  health: () => Pick<HealthResponse, 'ingest'>;
}

/**
 * The hub's single port: `GET /api/health`, the console's files at `/`, and the WebSocket at `/ws`.
 */
export function createHubServer(hub: HubContext, options: HttpOptions): Server {
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD_BYTES, perMessageDeflate: false });
  const handler: RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/api/health') {
      const body: HealthResponse = {
        status: 'ok',
        version: options.version,
        seq: hub.journal.lastSeq,
        protocol: PROTOCOL_VERSION,
        uptimeS: Math.round((Date.now() - options.startedAtMs) / 1000),
        assets: hub.state.assets.size,
        consoles: hub.broadcaster.connections.size,
        ...options.health(),
      };
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
      return;
    }
    serveStatic(options.rendererDir, req, res).catch((error: Error) => {
      hub.log(`fichier statique ${path} : ${error.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: readFileSync(options.tls.certPath), key: readFileSync(options.tls.keyPath) }, handler)
    : createServer(handler);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (path !== '/ws' || !originAllowed(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => new ConsoleConnection(ws, hub, req.socket.remoteAddress ?? 'inconnue'));
  });
  server.on('close', () => wss.close());
  return server;
}

/**
 * A browser always sends `Origin`: it must be the hub's own page, the desktop app, or the
 * console's development server on this machine. Non-browser clients (integrations) send none.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol === 'app:') return true;
  if (url.host === req.headers.host) return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}
