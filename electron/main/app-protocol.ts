import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin';
import type { CustomScheme, ProtocolLike } from './electron-api';
import { contentTypeFor } from '../../shared/content-types';

/**
 * `app://` is standard (so relative URLs, `'self'` and storage work as on the web) and secure (a
 * secure context, like https). It gets neither `bypassCSP` nor service workers, and no CORS: no
 * other origin has any business fetching from it.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

/** Must run before the app's `ready` event: Chromium fixes its scheme registry at startup. */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * Maps an `app://beffroi/…` URL to a file inside `rootDir`, or null when the URL is not ours or
 * would leave the root. The URL parser already folds `..` and `%2e%2e` segments; the decoded path is
 * checked again because `%2f` and `%5c` only become separators after decoding.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';

  const root = resolve(rootDir);
  const candidate = resolve(root, `.${pathname}`);
  const inside = relative(root, candidate);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return candidate;
}

export interface AppProtocolOptions {
  /** The built renderer (`dist/renderer`). */
  rootDir: string;
  /** Content-Security-Policy header sent with every response. */
  contentSecurityPolicy: string;
}

/** The `protocol.handle('app', …)` handler: static files from the built renderer, nothing else. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const securityHeaders = {
    'content-security-policy': options.contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
  const answer = (status: number, body: string): Response =>
    new Response(body, { status, headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Méthode non autorisée');
    const filePath = resolveAppFile(options.rootDir, request.url);
    if (filePath === null) return answer(404, 'Introuvable');
    const file = await readRegularFile(filePath);
    if (file === null) return answer(404, 'Introuvable');
    const headers = { ...securityHeaders, 'content-type': contentTypeFor(filePath), 'cache-control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : file, { status: 200, headers });
  };
}

async function readRegularFile(filePath: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    if (!(await stat(filePath)).isFile()) return null;
    // Copied into a plain ArrayBuffer: Response bodies cannot take Node's pooled Buffer type.
    return new Uint8Array(await readFile(filePath));
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
}

function isMissingFileError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
