import { parseUrl } from '../app-origin';

/**
 * The console's Content-Security-Policy, sent on every `app://` response.
 *
 * - scripts only from the app itself: no `unsafe-eval`, no `unsafe-inline` scripts, no remote code;
 * - styles allow inline attributes because maplibre-gl and React position elements with `style`;
 * - workers and images from `blob:` because maplibre-gl builds its worker and sprites that way;
 * - media (alarm sounds) from the app only;
 * - network only to the app and to the one hub it was given (HTTP for `/api`, WebSocket for `/ws`).
 */
export function contentSecurityPolicy(hub: { httpUrl: string; wsUrl: string }): string {
  const hubOrigins = [originOf(hub.httpUrl), originOf(hub.wsUrl)];
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    'connect-src': ["'self'", 'data:', 'blob:', ...hubOrigins],
    'worker-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** `scheme://host[:port]`; WHATWG `URL.origin` is `"null"` for ws: in some runtimes, so build it. */
function originOf(raw: string): string {
  const url = parseUrl(raw);
  if (url === null) throw new Error(`Adresse du hub invalide : ${raw}`);
  return `${url.protocol}//${url.host}`;
}
