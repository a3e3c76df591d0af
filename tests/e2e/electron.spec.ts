import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, expect, test } from '@playwright/test';
import { electronPackageDir, findDisplay, findElectronBinary } from '../../scripts/lib/electron-binary.mjs';
import { hubCommand } from '../../scripts/lib/hub-process.mjs';
import { loginAs } from './support/console-page';
import { freePort } from './support/free-port';
import { ARTIFACTS_DIR, missingForEndToEnd, REPO_ROOT } from './support/hub';

/**
 * The desktop app as a user starts it: Electron on dist/electron/main.cjs, which starts its
 * embedded hub, opens the console from app://, and logs in. Runs wherever an Electron binary
 * exists (the npm package, or ELECTRON_PATH); skipped, saying why, everywhere else.
 */
const binary = findElectronBinary({ env: process.env, packageDir: electronPackageDir(REPO_ROOT) });

let xvfb: ChildProcess | null = null;
let display: string | undefined = process.env.DISPLAY;
let dataDir = '';
let app: ElectronApplication | null = null;

test.beforeAll(async () => {
  if (!binary.found) return;
  if (!findDisplay({ env: process.env, platform: process.platform }).found && existsSync('/usr/bin/Xvfb')) {
    // A headless Linux machine: give Electron a virtual screen.
    const screen = 90 + (process.pid % 100);
    display = `:${screen}`;
    xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await expect.poll(() => existsSync(`/tmp/.X11-unix/X${screen}`), { message: `Xvfb ${display} did not start`, timeout: 30_000 }).toBe(true);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'beffroi-electron-e2e-'));
});

test.afterAll(async () => {
  await app?.close();
  xvfb?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('Electron : la console s’ouvre sur app://, sans Node, reliée à son hub embarqué, et on s’y connecte', async () => {
  if (!binary.found) {
    const reason = `no Electron binary: ${binary.reason.en} (set ELECTRON_PATH to run it)`;
    console.log(`[electron e2e] skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }
  const missing = missingForEndToEnd();
  if (missing !== null) {
    console.log(`[electron e2e] skipped: ${missing}`);
    test.skip(true, missing);
    return;
  }
  if (!display && process.platform === 'linux') {
    const reason = 'no display and no /usr/bin/Xvfb to make one';
    console.log(`[electron e2e] skipped: ${reason}`);
    test.skip(true, reason);
    return;
  }

  const hub = hubCommand(REPO_ROOT);
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, {
    BEFFROI_PORT: String(port),
    BEFFROI_DATA_DIR: dataDir,
    BEFFROI_DEMO: 'essonne',
    BEFFROI_NODE: hub.command,
    BEFFROI_HUB_ARGS: JSON.stringify(hub.args),
    ...(display ? { DISPLAY: display } : {}),
  });
  const args = [REPO_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  app = await _electron.launch({ executablePath: binary.path, args, env, timeout: 180_000 });

  const page = await app.firstWindow({ timeout: 180_000 });
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toBe('app://beffroi/index.html');

  // The page is a web page: no Node, and only the bridge's data and calls.
  const inPage = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: (globalThis as { beffroi?: { platform: string; hubUrl: string } }).beffroi,
  }));
  expect(inPage.require).toBe('undefined');
  expect(inPage.process).toBe('undefined');
  expect(inPage.bridge).toMatchObject({ platform: 'electron', hubUrl: `ws://127.0.0.1:${port}/ws` });

  await loginAs(page, 'operateur');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', 'electron-console.png') });
});
