import { ConsolePage } from './support/console-page';
import { expect, missingForEndToEnd, startTestHub, test, type TestHub } from './support/hub';

/**
 * An administrator changes the classroom CO2 threshold in « Seuils d'alarme », typing French
 * numbers (« 1 200 »): a clear value above the threshold is refused in French, the change is
 * kept after a reload, and « Valeur par défaut » brings back the product's 1 500 ppm.
 */
test.describe('les seuils d’alarme en administration', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  let hub: TestHub;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off' } });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('un administrateur modifie le seuil de CO₂ puis revient à la valeur par défaut', async ({ page }) => {
    await page.goto(hub.baseURL);
    await new ConsolePage(page).login('admin');
    await page.getByTestId('admin-toggle').click();
    await page.getByTestId('admin-tab-thresholds').click();
    const screen = page.getByTestId('thresholds-screen');
    await expect(screen.getByRole('heading', { name: 'Seuils d’alarme' })).toBeVisible();
    const co2 = screen.locator('[data-testid="threshold-kind"][data-kind="building"] [data-testid="threshold-row"][data-condition="co2.high"]');

    // The shipped defaults, written as a French reader expects them.
    await expect(co2.getByTestId('threshold-raise')).toHaveValue(/^1\s500$/);
    await expect(co2.getByTestId('threshold-clear')).toHaveValue(/^1\s400$/);
    await expect(co2).toHaveAttribute('data-overridden', 'false');
    await expect(co2.getByTestId('threshold-reset')).toBeDisabled();

    // A clear value above the threshold: the hub refuses it, in French.
    await co2.getByTestId('threshold-raise').fill('1 200');
    await co2.getByTestId('threshold-clear').fill('1 300');
    await co2.getByTestId('threshold-save').click();
    await expect(co2.getByTestId('threshold-error')).toContainText('doit être inférieure ou égale au seuil');

    await co2.getByTestId('threshold-clear').fill('1 100,5');
    await co2.getByTestId('threshold-delaySeconds').fill('30');
    await co2.getByTestId('threshold-priority').selectOption('high');
    await co2.getByTestId('threshold-save').click();
    await expect(co2).toHaveAttribute('data-overridden', 'true');
    await expect(co2).toContainText('Modifié par admin');
    await expect(co2.getByTestId('threshold-error')).toHaveCount(0);

    // Kept by the hub: the reloaded console (back on the same screen) fetches it again.
    await page.reload();
    await expect(co2.getByTestId('threshold-raise')).toHaveValue(/^1\s200$/);
    await expect(co2.getByTestId('threshold-clear')).toHaveValue(/^1\s100,5$/);
    await expect(co2.getByTestId('threshold-delaySeconds')).toHaveValue('30');
    await expect(co2.getByTestId('threshold-priority')).toHaveValue('high');

    await co2.getByTestId('threshold-reset').click();
    await expect(co2).toHaveAttribute('data-overridden', 'false');
    await expect(co2.getByTestId('threshold-raise')).toHaveValue(/^1\s500$/);
    await expect(co2.getByTestId('threshold-priority')).toHaveValue('medium');
  });
});
