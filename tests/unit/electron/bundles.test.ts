import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBrowserWindow, fakeElectron } from './fake-electron';

/**
 * The bundles Electron actually loads. A sandboxed preload can `require` nothing but `electron`
 * (and a few polyfilled modules): a stray import would only show up at runtime, in a blank window.
 * So the preload bundle is run here in a bare context whose `require` knows only `electron`.
 */
let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'beffroi-bundles-'));
  for (const mode of ['main', 'preload']) {
    await build({ configFile: 'vite.electron.config.ts', mode, logLevel: 'silent', build: { outDir, sourcemap: false } });
  }
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function requiredModules(bundle: string): string[] {
  return [...new Set([...readFileSync(join(outDir, bundle), 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((match) => match[1] ?? ''))];
}

describe('preload.cjs', () => {
  it('requires nothing but electron', () => {
    expect(requiredModules('preload.cjs')).toEqual(['electron']);
  });

  it('exposes window.beffroi through the context bridge when run as in a sandbox', () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => void invoked.push(args) },
    };
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron;
      throw new Error(`module not found in a sandboxed preload: ${name}`);
    };
    const argv = ['electron', '--type=renderer', '--beffroi-hub-url=ws://127.0.0.1:8417/ws', '--beffroi-hub-http-url=http://127.0.0.1:8417'];
    const module = { exports: {} };
    // A sandboxed preload has the web's globals (URL) and a reduced `process`, but no Node modules.
    const context = { require: sandboxRequire, module, exports: module.exports, process: { argv }, URL };
    runInNewContext(readFileSync(join(outDir, 'preload.cjs'), 'utf8'), context);
    expect(exposed.beffroi).toMatchObject({ platform: 'electron', hubUrl: 'ws://127.0.0.1:8417/ws', hubHttpUrl: 'http://127.0.0.1:8417' });
  });
});

describe('main.cjs', () => {
  it('requires only electron and Node built-ins: everything else is bundled', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(requiredModules('main.cjs').filter((name) => name !== 'electron' && !builtins.has(name))).toEqual([]);
  });

  it('starts the shell with the app’s paths when Electron runs it', async () => {
    const fake = fakeElectron();
    const nodeRequire = createRequire(import.meta.url);
    const shellRequire = (name: string): unknown => (name === 'electron' ? fake.electron : nodeRequire(name));
    const process = { env: { BEFFROI_HUB_URL: 'http://127.0.0.1:8417' }, exit: (code: number) => fake.app.exit(code) };
    // As Node runs a CommonJS file: its own require, module, __dirname (here: /app/dist/electron).
    const run = new Function('require', 'module', 'exports', '__dirname', 'process', 'console', readFileSync(join(outDir, 'main.cjs'), 'utf8'));
    const module = { exports: {} };
    run(shellRequire, module, module.exports, '/app/dist/electron', process, { log: () => {}, error: () => {} });
    fake.app.becomeReady();
    await new Promise((resolve) => setImmediate(resolve));
    const [window] = FakeBrowserWindow.created;
    expect(window?.loadedUrl).toBe('app://beffroi/index.html');
    expect(window?.options.webPreferences.preload).toBe('/app/dist/electron/preload.cjs');
    expect(fake.protocolHandlers.has('app')).toBe(true);
  });
});
