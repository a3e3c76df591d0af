/**
 * The Electron preload's bridge (`window.beffroi`, see shared/desktop-bridge.ts), feature-detected:
 * absent in a browser, where the console falls back to the Web Notifications API.
 */
export interface DesktopFeatures {
  notify(title: string, body: string): Promise<void>;
  openAlarmWindow(): Promise<void>;
}

export function desktopFeatures(win: Window = window): DesktopFeatures | null {
  const bridge: unknown = Reflect.get(win, 'beffroi');
  if (typeof bridge !== 'object' || bridge === null) return null;
  const notify: unknown = Reflect.get(bridge, 'notify');
  const openAlarmWindow: unknown = Reflect.get(bridge, 'openAlarmWindow');
  if (typeof notify !== 'function' || typeof openAlarmWindow !== 'function') return null;
  return {
    notify: (title, body) => Promise.resolve(notify.call(bridge, title, body)).then(() => undefined),
    openAlarmWindow: () => Promise.resolve(openAlarmWindow.call(bridge)).then(() => undefined),
  };
}

/** The route the desktop shell opens for the detachable alarm window (electron/main/windows.ts). */
export const ALARM_WINDOW_HASH = '#/alarmes';
