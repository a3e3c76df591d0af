import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { hubEndpointsFromUrl } from '../../electron/main/hub/hub-plan';
import { contentSecurityPolicy } from '../../electron/main/security/csp';
import { loginAs } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, REPO_ROOT, test } from './support/hub';

/**
 * The built console under the desktop shell's own Content-Security-Policy, in a real Chromium.
 * Electron cannot run here, so the shell's app:// handler is put behind a loopback HTTP server
 * (same files, same headers, same CSP) and the preload's bridge is set up as the preload does;
 * the page then talks to a real hub. Any CSP violation (an eval in deck.gl or maplibre, a worker
 * from an unexpected origin…) fails the test.
 */
test.describe('la console sous la CSP du shell Electron', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  let server: Server;
  let shellUrl = '';

  test.beforeAll(async ({ hub }) => {
    const handler = createAppProtocolHandler({
      rootDir: join(REPO_ROOT, 'dist', 'renderer'),
      contentSecurityPolicy: contentSecurityPolicy(hubEndpointsFromUrl(hub.baseURL)),
    });
    server = createServer((req, res) => {
      void handler(new Request(`app://beffroi${req.url ?? '/'}`, { method: req.method ?? 'GET' })).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    shellUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  test('connexion, carte dessinée et alarmes, sans aucune violation de CSP', async ({ page, hub }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript((hubUrl) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
      });
      // What the preload exposes in Electron (electron/preload/bridge.ts).
      Object.defineProperty(window, 'beffroi', {
        value: Object.freeze({ hubUrl, hubHttpUrl: hubUrl.replace(/^ws/, 'http').replace(/\/ws$/, ''), platform: 'electron', notify: async () => {}, openAlarmWindow: async () => {} }),
      });
    }, hub.wsURL);

    const response = await page.goto(`${shellUrl}/index.html`);
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
    await loginAs(page, 'operateur');
    await expect(page.getByRole('heading', { name: 'Alarmes actives' })).toBeVisible();
    // deck.gl drew the demo assets (the console's read-only debug counters, renderer/app/debug.ts).
    await page.waitForFunction(() => ((window as { __beffroiDebug?: { assetsDrawn: number } }).__beffroiDebug?.assetsDrawn ?? 0) > 0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', 'console-under-desktop-csp.png') });
    expect(violations).toEqual([]);
  });
});
