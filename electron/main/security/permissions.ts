import { APP_ORIGIN, isAppUrl } from '../app-origin';
import type { SessionLike } from '../electron-api';

/**
 * Web permissions the console may use, and only from its own origin: notifications (new alarms)
 * and fullscreen (a map on a control-room wall). Camera, microphone, geolocation, MIDI, USB, HID,
 * serial, clipboard reading, screen capture… are all refused without asking the user.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'fullscreen']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isFromApp(requestingUrl);
}

/** Installs deny-by-default request and check handlers on a session. */
export function denyPermissionsByDefault(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}

// Permission checks pass an origin (`app://beffroi`), requests a full URL: accept both forms.
function isFromApp(urlOrOrigin: string): boolean {
  return urlOrOrigin === APP_ORIGIN || isAppUrl(urlOrOrigin);
}
