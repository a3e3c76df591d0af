import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppScheme, resolveAppFile } from '../../../electron/main/app-protocol';
import type { CustomScheme } from '../../../electron/main/electron-api';

// A real folder laid out like dist/renderer, with a secret beside it that must stay unreachable.
let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'beffroi-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Beffroi</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("console")');
  writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'communes.geojson'), '{}');
  writeFileSync(join(root, 'assets', 'data.bin'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the app:// scheme', () => {
  it('is registered standard and secure, without CSP bypass or service workers', () => {
    const registered: CustomScheme[][] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(schemes) });
    expect(registered).toEqual([[APP_SCHEME_PRIVILEGES]]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges.bypassCSP).toBeUndefined();
    expect(APP_SCHEME_PRIVILEGES.privileges.allowServiceWorkers).toBeUndefined();
  });
});

describe('resolveAppFile', () => {
  it.each([
    ['app://beffroi/', 'index.html'],
    ['app://beffroi/index.html', 'index.html'],
    ['app://beffroi/index.html#/alarmes', 'index.html'],
    ['app://beffroi/assets/index-abc123.js?v=1', join('assets', 'index-abc123.js')],
    ['app://beffroi/assets/../index.html', 'index.html'],
  ])('maps %s inside the renderer', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(join(root, file));
  });

  it.each([
    'app://beffroi/..%2fsecret.txt',
    'app://beffroi/assets%2f..%2f..%2fsecret.txt',
    'app://beffroi/..%5csecret.txt',
    'app://beffroi/%2e%2e%2frenderer-evil/x.js',
    'app://beffroi/index.html%00.js',
    'app://beffroi/%E0%A4%A',
    'app://other/index.html',
    'https://beffroi/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  // The URL parser folds these dot segments (plain or %2e-encoded) at the root, so they resolve to
  // a missing file inside it rather than to the file they aimed at.
  it.each([
    'app://beffroi/../../etc/passwd',
    'app://beffroi/%2e%2e/secret.txt',
    'app://beffroi/%2E%2E/%2E%2E/etc/passwd',
    'app://beffroi//etc/passwd', 'app://beffroi/%2Fetc%2Fpasswd', 'app://beffroi/C:/Windows/win.ini'])(
    'keeps %s under the root',
    (url) => {
      const resolved = resolveAppFile(root, url);
      expect(resolved === null || resolved.startsWith(root + '/')).toBe(true);
    },
  );
});

describe('createAppProtocolHandler', () => {
  const CSP = "default-src 'none'; script-src 'self'";
  const serve = (url: string, method = 'GET') => createAppProtocolHandler({ rootDir: root, contentSecurityPolicy: CSP })(new Request(url, { method }));

  it('serves the console with its content type and the CSP', async () => {
    const response = await serve('app://beffroi/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Beffroi</title>');
  });

  it.each([
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['assets/communes.geojson', 'application/geo+json; charset=utf-8'],
    ['assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (path, type) => {
    const response = await serve(`app://beffroi/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each(['app://beffroi/%2e%2e/secret.txt', 'app://beffroi/../secret.txt', 'app://beffroi/assets/missing.js', 'app://beffroi/assets/'])(
    'answers 404 for %s, never the secret',
    async (url) => {
      const response = await serve(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('do not serve');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
    },
  );

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await serve('app://beffroi/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await serve('app://beffroi/index.html', 'POST')).status).toBe(405);
  });
});
