/**
 * What the desktop shell's preload exposes to the console as `window.beffroi`. It is absent in a
 * plain browser: the renderer feature-detects it (`window.beffroi?.platform === 'electron'`) and
 * falls back to the page's own origin for the hub and to the Web Notifications API.
 */
export interface DesktopBridge {
  /** WebSocket URL of the hub this console talks to (`ws://127.0.0.1:8417/ws` when embedded). */
  readonly hubUrl: string;
  /** HTTP base URL of the same hub (`http://127.0.0.1:8417`), for `GET /api/…`. */
  readonly hubHttpUrl: string;
  readonly platform: 'electron';
  /** Shows a native notification (new alarm on a second screen, for example). */
  notify(title: string, body: string): Promise<void>;
  /** Opens (or focuses) the detachable alarm window, for a second screen. */
  openAlarmWindow(): Promise<void>;
}

/** The global name under which the preload exposes the bridge. */
export const DESKTOP_BRIDGE_KEY = 'beffroi';

/** IPC channels between the preload and the main process; nothing else is listened to. */
export const DesktopIpc = {
  notify: 'beffroi:notify',
  openAlarmWindow: 'beffroi:open-alarm-window',
} as const;

/**
 * Renderer-process command-line switches the main process passes through `additionalArguments`
 * (the only channel a sandboxed preload can read synchronously at startup).
 */
export const DesktopSwitch = {
  hubUrl: '--beffroi-hub-url=',
  hubHttpUrl: '--beffroi-hub-http-url=',
} as const;
