/**
 * The console is loaded from `app://beffroi/…`, a privileged custom scheme served from the built
 * renderer, never from `file://` (which would grant the page the whole disk's origin).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'beffroi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The console's entry page, optionally at a hash route such as `#/alarmes`. */
export function appEntryUrl(route = ''): string {
  return `${APP_ORIGIN}/index.html${route}`;
}

/**
 * Whether a URL belongs to the app's own origin. Compared field by field because WHATWG `URL`
 * reports `origin: "null"` for non-special schemes such as `app:`.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
