import { isAppUrl, parseUrl } from '../app-origin';
import type { NavigationEvent, WebContentsLike } from '../electron-api';

/**
 * Links the console may open in the user's browser (the data attributions shown on the map).
 * Anything else is simply refused: the console never opens other pages, in or out of the app.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = [
  'https://www.data.gouv.fr',
  'https://www.etalab.gouv.fr',
  'https://geo.api.gouv.fr',
];

export interface NavigationPolicy {
  /** Exact `https://host` origins whose links may open in the system browser. */
  externalAllowList: readonly string[];
  openExternal(url: string): void;
}

/** Whether a link may be handed to the system browser: http(s) only, and only allow-listed origins. */
export function isAllowedExternalLink(raw: string, allowList: readonly string[]): boolean {
  const url = parseUrl(raw);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  if (url.username !== '' || url.password !== '') return false;
  return allowList.includes(url.origin);
}

/**
 * Locks one webContents to the app: `window.open` is always denied (allow-listed links go to the
 * system browser instead), navigation and redirects outside `app://beffroi` are cancelled, and
 * `<webview>` can never attach. Applied to every webContents the app creates.
 */
export function lockDownWebContents(contents: WebContentsLike, policy: NavigationPolicy): void {
  const sendOutside = (url: string): void => {
    if (isAllowedExternalLink(url, policy.externalAllowList)) policy.openExternal(url);
  };

  contents.setWindowOpenHandler(({ url }) => {
    sendOutside(url);
    return { action: 'deny' };
  });

  const keepInsideApp = (event: NavigationEvent, legacyUrl?: string): void => {
    const url = event.url ?? legacyUrl ?? '';
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (event.isMainFrame !== false) sendOutside(url);
  };
  contents.on('will-navigate', keepInsideApp);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, legacyUrl) => {
    if (!isAppUrl(event.url ?? legacyUrl ?? '')) event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}
