import type { Browser } from '@playwright/test';
import { ConsolePage } from './support/console-page';
import { expect, missingForEndToEnd, test } from './support/hub';

/**
 * The header on laptop screens: at 1440 px it ran off the right edge (the logout button cut in
 * half) and crushed the search field to a sliver, its results a column of one word per line. It
 * now folds what something else already says, then wraps to a second row rather than overflow.
 */
async function headerAt(browser: Browser, baseURL: string, width: number, username: string) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width, height: 800 } });
  const page = await context.newPage();
  const consolePage = new ConsolePage(page);
  await consolePage.open();
  await consolePage.login(username);
  await expect(page.getByTestId('logout')).toBeVisible();
  const header = (await page.locator('.app-header').boundingBox())!;
  const search = (await page.getByTestId('asset-search').boundingBox())!;
  // Every control of the header lies inside the window.
  const rightEdges = await page.locator('.app-header button, .app-header input').evaluateAll((elements) =>
    elements.filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().right),
  );
  return { page, context, header, search, rightmost: Math.max(...rightEdges) };
}

test.describe('l’en-tête sur un écran de portable', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  for (const width of [1366, 1440, 1600]) {
    test(`un opérateur à ${width} px : une seule ligne, tout dans la fenêtre, une recherche utilisable`, async ({ browser, hub }) => {
      const { context, header, search, rightmost, page } = await headerAt(browser, hub.baseURL, width, 'operateur');
      try {
        expect(header.height).toBeLessThan(70);
        expect(rightmost).toBeLessThanOrEqual(width);
        expect(search.width).toBeGreaterThanOrEqual(200);
        // The name the narrow header folds away is still told, by the logout button.
        await expect(page.getByTestId('logout')).toHaveAttribute('title', 'Déconnecter operateur (Opérateur)');
      } finally {
        await context.close();
      }
    });
  }

  test('un administrateur à 1280 px : l’en-tête passe sur deux lignes plutôt que de déborder', async ({ browser, hub }) => {
    const { context, header, search, rightmost, page } = await headerAt(browser, hub.baseURL, 1280, 'admin');
    try {
      expect(header.height).toBeGreaterThan(70);
      expect(rightmost).toBeLessThanOrEqual(1280);
      expect(search.width).toBeGreaterThanOrEqual(200);
      // Results stay readable: the list is wider than the field if need be.
      await page.getByTestId('asset-search').fill('école');
      const results = (await page.locator('.search__results').boundingBox())!;
      expect(results.width).toBeGreaterThanOrEqual(340);
    } finally {
      await context.close();
    }
  });
});
