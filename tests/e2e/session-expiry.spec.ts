import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldFeed } from '../bench/support/field-feed';
import { ConsolePage, loginAs } from './support/console-page';
import { startFieldHub, type FieldHub } from './support/field-hub';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

test.describe('une session qui expire en plein service', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // Our own field (no simulator): the one alarm on the list is the full bin this test raises.
  const territory = generateTerritory('essonne');
  const allBins = territory.assets.filter((a) => a.kind === 'waste-container');
  const bin = allBins[0]!;
  let field: FieldHub;
  let hub: TestHub;
  let feed: FieldFeed;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    field = await startFieldHub('e2e-session-expiry', territory);
    ({ hub, feed } = field);
    // Every bin heard once, so none goes silent (stale, with its own alarm) during the test.
    await feed.report(
      allBins.map((a) => a.id),
      'normal',
    );
  });

  test.afterAll(async () => {
    await field?.stop();
  });

  /** An admin, on another workstation, closes the operator's sessions from the users tab. */
  async function adminClosesSessions(page: Page, username: string): Promise<void> {
    await page.goto(`${hub.baseURL}/#administration/users`);
    await loginAs(page, 'admin');
    await page.getByRole('button', { name: `Fermer les sessions de ${username}` }).click();
    await page.getByTestId('user-revoke-confirm').click();
    await expect(page.getByTestId('users-notice')).toHaveText(`Sessions de ${username} fermées (1).`);
  }

  test('le commentaire en cours reste, la reconnexion le garde, l’acquittement passe', async ({ page, browser }) => {
    test.setTimeout(360_000);
    await page.goto(hub.baseURL);
    const operator = new ConsolePage(page);
    await operator.login('operateur');
    await operator.waitForMapDrawn();

    await feed.report([bin.id], 'bin-full');
    const row = page.locator(`[data-testid="alarm-row"][data-asset-id="${bin.id}"]`);
    await expect(row).toHaveAttribute('data-alarm-state', 'unacknowledged');
    await operator.openAsset(bin.id);

    const comment = 'Tournée avancée, équipe prévenue';
    await row.getByTestId('alarm-acknowledge').click();
    await page.getByTestId('acknowledge-comment').fill(comment);

    const adminContext = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
    try {
      await adminClosesSessions(await adminContext.newPage(), 'operateur');
    } finally {
      await adminContext.close();
    }

    // Not the login screen: the dialog over the console, which keeps its panel and the comment.
    const expired = page.getByTestId('session-expired-dialog');
    await expect(expired).toBeVisible();
    await expect(expired.getByRole('heading', { name: 'Session expirée' })).toBeVisible();
    await expect(expired).toContainText('fermée par un administrateur');
    await expect(page.getByTestId('login-form')).toHaveCount(0);
    await expect(page.getByTestId('acknowledge-comment')).toHaveValue(comment);
    await expect(operator.assetPanel).toHaveAttribute('data-asset-id', bin.id);
    await page.screenshot({ path: join(SCREENSHOTS, 'session-expired.png') });

    // Escape belongs to the re-login dialog: the acknowledgement dialog underneath stays open.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('acknowledge-dialog')).toBeVisible();

    await expect(expired.getByLabel('Identifiant')).toHaveValue('operateur');
    await expired.getByLabel('Mot de passe').fill('beffroi');
    await expired.getByRole('button', { name: 'Se reconnecter' }).click();
    await expect(expired).toBeHidden();
    await expect(page.getByTestId('acknowledge-comment')).toHaveValue(comment);
    await expect(page.getByTestId('acknowledge-comment')).toBeFocused();

    await page.getByTestId('acknowledge-confirm').click();
    await expect(page.getByTestId('acknowledge-dialog')).toBeHidden();
    await expect(row).toHaveAttribute('data-alarm-state', 'acknowledged');
    await expect(row).toContainText(comment);
    await expect(operator.assetPanel).toHaveAttribute('data-asset-id', bin.id);
  });
});
