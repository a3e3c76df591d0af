import { join } from 'node:path';
import { APP_SCHEME } from './app-origin';
import { createAppProtocolHandler, registerAppScheme } from './app-protocol';
import { registerDesktopIpc } from './desktop-ipc';
import type { ElectronMain } from './electron-api';
import { connectHub, type HubConnection } from './hub/connect-hub';
import { HubStartError } from './hub/embedded-hub';
import { planHub } from './hub/hub-plan';
import { buildMenuTemplate } from './menu';
import { contentSecurityPolicy } from './security/csp';
import { EXTERNAL_LINK_ALLOW_LIST, lockDownWebContents } from './security/navigation';
import { denyPermissionsByDefault } from './security/permissions';
import { ConsoleWindows } from './windows';

export interface ShellPaths {
  /** The app's root: the repository in development, `app.asar` when packaged. */
  root: string;
  /** The built preload script (`dist/electron/preload.cjs`). */
  preload: string;
}

/**
 * The desktop shell from start to quit. Everything that must happen before `ready` (privileged
 * scheme, sandbox, single-instance lock, webContents lock-down) happens synchronously here, before
 * the first `await`.
 */
export async function runShell(
  electron: ElectronMain,
  env: NodeJS.ProcessEnv,
  paths: ShellPaths,
  log: (line: string) => void = console.log,
): Promise<void> {
  const { app, dialog } = electron;
  registerAppScheme(electron.protocol);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // another Beffroi is running: it gets 'second-instance' and comes forward
    return;
  }
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, {
      externalAllowList: EXTERNAL_LINK_ALLOW_LIST,
      openExternal: (url) => void electron.shell.openExternal(url),
    }),
  );
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  let hub: HubConnection;
  try {
    hub = await connectHub(planHub(env, { appPath: paths.root }), { utilityProcess: electron.utilityProcess, log });
  } catch (error) {
    dialog.showErrorBox('Beffroi ne peut pas démarrer', describeStartError(error));
    app.exit(1);
    return;
  }
  log(`Beffroi : console reliée au hub ${hub.endpoints.httpUrl} (${hub.origin}).`);
  stopHubBeforeQuit(electron, hub);

  denyPermissionsByDefault(electron.session.defaultSession);
  electron.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: join(paths.root, 'dist', 'renderer'), contentSecurityPolicy: contentSecurityPolicy(hub.endpoints) }),
  );

  const windows = new ConsoleWindows({ BrowserWindow: electron.BrowserWindow, preloadPath: paths.preload, hub: hub.endpoints });
  const openAlarmWindow = (): void => void windows.openAlarms();
  registerDesktopIpc(electron.ipcMain, { Notification: electron.Notification, openAlarmWindow });
  const showAbout = (): void =>
    void dialog.showMessageBox({
      type: 'info',
      title: 'À propos de Beffroi',
      message: `Beffroi ${app.getVersion()}`,
      detail: `Console de supervision du territoire.\nHub : ${hub.endpoints.httpUrl}`,
    });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(buildMenuTemplate({ openAlarmWindow, showAbout }, { isPackaged: app.isPackaged })));

  app.on('second-instance', () => windows.focusMain());
  windows.openMain();
}

/** Quitting waits for the embedded hub to close its database, then quits for real. */
function stopHubBeforeQuit(electron: ElectronMain, hub: HubConnection): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running';
  electron.app.on('before-quit', (event) => {
    if (state === 'stopped') return;
    event.preventDefault();
    if (state === 'stopping') return;
    state = 'stopping';
    void hub.stop().finally(() => {
      state = 'stopped';
      electron.app.quit();
    });
  });
}

function describeStartError(error: unknown): string {
  if (error instanceof HubStartError) {
    const tail = error.recentOutput.slice(-10).join('\n');
    return tail ? `${error.message}\n\nDernières lignes du hub :\n${tail}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
