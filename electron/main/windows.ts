import { DesktopSwitch } from '../../shared/desktop-bridge';
import { appEntryUrl } from './app-origin';
import type { BrowserWindowConstructor, BrowserWindowLike } from './electron-api';
import type { HubEndpoints } from './hub/hub-plan';
import { secureWebPreferences } from './security/web-preferences';

/** Dark control-room background, painted before the console's first frame (no white flash). */
export const CONSOLE_BACKGROUND = '#0b1016';
/** Route of the detachable alarm list, for a second screen. */
export const ALARM_ROUTE = '#/alarmes';

export interface WindowDeps {
  BrowserWindow: BrowserWindowConstructor;
  preloadPath: string;
  hub: HubEndpoints;
}

/** The hub's address, handed to the sandboxed preload on its command line. */
export function bridgeArguments(hub: HubEndpoints): string[] {
  return [`${DesktopSwitch.hubUrl}${hub.wsUrl}`, `${DesktopSwitch.hubHttpUrl}${hub.httpUrl}`];
}

function createConsoleWindow(deps: WindowDeps, route: string, size: { width: number; height: number }, title: string): BrowserWindowLike {
  const window = new deps.BrowserWindow({
    ...size,
    minWidth: 800,
    minHeight: 500,
    title,
    show: false,
    backgroundColor: CONSOLE_BACKGROUND,
    webPreferences: secureWebPreferences(deps.preloadPath, bridgeArguments(deps.hub)),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl(route));
  return window;
}

/** The main console window and the optional alarm window; each is opened at most once. */
export class ConsoleWindows {
  private main: BrowserWindowLike | null = null;
  private alarms: BrowserWindowLike | null = null;

  constructor(private readonly deps: WindowDeps) {}

  openMain(): BrowserWindowLike {
    if (this.main && !this.main.isDestroyed()) return bringToFront(this.main);
    const window = createConsoleWindow(this.deps, '', { width: 1600, height: 1000 }, 'Beffroi');
    window.on('closed', () => (this.main = null));
    return (this.main = window);
  }

  openAlarms(): BrowserWindowLike {
    if (this.alarms && !this.alarms.isDestroyed()) return bringToFront(this.alarms);
    const window = createConsoleWindow(this.deps, ALARM_ROUTE, { width: 900, height: 1000 }, 'Beffroi — Alarmes');
    window.on('closed', () => (this.alarms = null));
    return (this.alarms = window);
  }

  /** A second launch of the app brings the existing console forward instead. */
  focusMain(): void {
    if (this.main && !this.main.isDestroyed()) bringToFront(this.main);
    else this.openMain();
  }
}

function bringToFront(window: BrowserWindowLike): BrowserWindowLike {
  if (window.isMinimized()) window.restore();
  window.focus();
  return window;
}
