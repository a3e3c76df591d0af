import { join } from 'node:path';
import { loginAs, loginForm } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, test } from './support/hub';

test.describe('le hub sert la console', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);
  test('GET /api/health répond ok avec la version et le seq du journal', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', version: expect.any(String), seq: expect.any(Number) });
  });

  test('GET / sert la console avec une CSP sans unsafe-eval', async ({ request }) => {
    const response = await request.get('/');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('la page de connexion s’affiche en français', async ({ page }) => {
    await page.goto('/');
    const form = loginForm(page);
    await expect(form.username).toBeVisible();
    await expect(form.password).toBeVisible();
    await expect(form.submit).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', 'login.png') });
  });
});

test.describe('la console', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  test('un opérateur de démonstration se connecte et voit la console', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await loginAs(page, 'operateur');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', 'console-after-login.png') });
  });
});
