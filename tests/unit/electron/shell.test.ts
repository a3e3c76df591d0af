import { describe, expect, it } from 'vitest';
import { runShell } from '../../../electron/main/shell';
import { DesktopIpc } from '../../../shared/desktop-bridge';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';
import type { FakeWebContents } from './fakes';

const PATHS = { root: '/app', preload: '/app/dist/electron/preload.cjs' };
// A remote hub is not waited for, so the shell runs to its first window without a hub process.
const REMOTE = { BEFFROI_HUB_URL: 'https://hub.sdef.fr' };
const quiet = (): void => {};

async function startedShell(env: NodeJS.ProcessEnv = REMOTE) {
  const fake = fakeElectron();
  const running = runShell(fake.electron, env, PATHS, quiet);
  fake.app.becomeReady();
  await running;
  return fake;
}

describe('before ready', () => {
  it('registers app:// as privileged and enforces the sandbox on every renderer', async () => {
    const fake = fakeElectron();
    const running = runShell(fake.electron, REMOTE, PATHS, quiet);
    expect(fake.log).toEqual(['registerSchemes', 'enableSandbox']);
    expect(fake.schemes.map((scheme) => scheme.scheme)).toEqual(['app']);
    fake.app.becomeReady();
    await running;
  });

  it('quits at once when another Beffroi already runs', async () => {
    const fake = fakeElectron();
    fake.app.hasLock = false;
    await runShell(fake.electron, REMOTE, PATHS, quiet);
    expect(fake.app.quits).toBe(1);
    expect(FakeBrowserWindow.created).toEqual([]);
  });

  it('locks down every webContents the app will create', async () => {
    const fake = fakeElectron();
    const running = runShell(fake.electron, REMOTE, PATHS, quiet);
    const contents = fake.newWebContents() as FakeWebContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    fake.app.becomeReady();
    await running;
  });
});

describe('once ready', () => {
  it('opens the console from app:// with the hub’s address for the preload', async () => {
    await startedShell();
    const [window] = FakeBrowserWindow.created;
    expect(window?.loadedUrl).toBe('app://beffroi/index.html');
    expect(window?.options.webPreferences.additionalArguments).toEqual(['--beffroi-hub-url=wss://hub.sdef.fr/ws', '--beffroi-hub-http-url=https://hub.sdef.fr']);
  });

  it('denies permissions by default on the session', async () => {
    const { session } = await startedShell();
    expect(session.request('media', 'app://beffroi/index.html')).toBe(false);
    expect(session.request('notifications', 'app://beffroi/index.html')).toBe(true);
  });

  it('serves app:// with a CSP that allows the configured hub and no eval', async () => {
    const { protocolHandlers } = await startedShell();
    const response = await protocolHandlers.get('app')?.(new Request('app://beffroi/does-not-exist.js'));
    const csp = response?.headers.get('content-security-policy') ?? '';
    expect(response?.status).toBe(404);
    expect(csp).toContain('wss://hub.sdef.fr');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('listens on the bridge’s IPC channels and sets a French menu', async () => {
    const { ipcMain, menus } = await startedShell();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(DesktopIpc).sort());
    expect(menus[0]?.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
  });

  it('brings the console forward when launched a second time', async () => {
    const { app } = await startedShell();
    app.emit('second-instance');
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  it('explains a bad setting in a French dialog and exits', async () => {
    const { errors, app } = await startedShell({ BEFFROI_HUB_URL: 'hub.sdef.fr' });
    expect(errors).toEqual([{ title: 'Beffroi ne peut pas démarrer', content: expect.stringContaining('Adresse du hub invalide') }]);
    expect(app.exitCode).toBe(1);
    expect(FakeBrowserWindow.created).toEqual([]);
  });

  it('lets a quit through once there is no embedded hub to wait for', async () => {
    const { app } = await startedShell();
    expect(app.requestQuit()).toBe(true); // held back while hub.stop() settles…
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.quits).toBe(1); // …then quit again, for real
    expect(app.requestQuit()).toBe(false);
  });
});
