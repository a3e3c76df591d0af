import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldFeed } from '../bench/support/field-feed';
import { ConsolePage } from './support/console-page';
import { openConsole as openConsoleAt, otherWorkstation, startFieldHub, type FieldHub } from './support/field-hub';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

test.describe('la main courante', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // Our own field: the simulator off, one full bin raised by the test, nothing else on the list.
  const territory = generateTerritory('essonne');
  const bin = territory.assets.find((a) => a.kind === 'waste-container')!;
  let field: FieldHub;
  let hub: TestHub;
  let feed: FieldFeed;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    field = await startFieldHub('e2e-logbook', territory);
    ({ hub, feed } = field);
  });

  test.afterAll(async () => {
    await field?.stop();
  });

  const openConsole = (page: Page, username: string): Promise<ConsolePage> => openConsoleAt(page, hub.baseURL, username);

  test('l’opérateur écrit une entrée liée à une alarme, l’astreinte la voit en direct, la relève l’exporte en CSV', async ({ page, browser }) => {
    test.setTimeout(360_000);
    // Between the console and the hub, able to answer one `logbook.add` with a failure of the hub.
    let refuseNextEntry = false;
    await page.routeWebSocket(/\/ws$/, (socket) => {
      const hubSide = socket.connectToServer();
      socket.onMessage((frame) => {
        const message = JSON.parse(String(frame)) as { op: string; id: unknown };
        if (refuseNextEntry && message.op === 'logbook.add') {
          refuseNextEntry = false;
          socket.send(JSON.stringify({ op: 'reply', id: message.id, ok: false, error: { code: 'internal', message: 'Erreur interne du hub : l’opération n’a pas été effectuée, réessayez.' } }));
          return;
        }
        hubSide.send(frame);
      });
    });
    const operator = await openConsole(page, 'operateur');
    const other = await otherWorkstation(browser);
    try {
      const oncall = await openConsole(other.page, 'astreinte');
      await other.page.getByRole('button', { name: 'Main courante' }).click();
      await expect(other.page.getByTestId('logbook')).toBeVisible();

      await feed.report([bin.id], 'bin-full');
      const row = page.locator(`[data-testid="alarm-row"][data-asset-id="${bin.id}"]`);
      await expect(row).toHaveAttribute('data-alarm-state', 'unacknowledged');
      const alarmId = (await row.getAttribute('data-alarm-id')) ?? '';
      const message = (await row.locator('.alarm-row__message').textContent()) ?? '';

      // Select the alarm in the list, then write about it in the main courante.
      await row.locator('.alarm-row__main').click();
      await expect(operator.assetPanel).toBeVisible();
      await page.getByRole('button', { name: 'Main courante' }).click();
      const logbook = page.getByTestId('logbook');
      const box = logbook.getByLabel('Nouvelle entrée');
      // An empty entry is refused in place, in French.
      await box.press('Control+Enter');
      await expect(logbook.getByTestId('logbook-error')).toHaveText('Écrivez le texte de l’entrée.');
      await box.fill('Benne pleine signalée par le gardien ; collecte demandée au prestataire.');
      await logbook.getByRole('button', { name: 'Lier à l’alarme sélectionnée' }).click();
      await expect(logbook.getByTestId('logbook-pending-links')).toContainText(message);
      const text = 'Benne pleine signalée par le gardien ; collecte demandée au prestataire.';

      // The hub fails: what was typed and linked stays, with the reason; sending again works.
      refuseNextEntry = true;
      await box.press('Control+Enter');
      await expect(logbook.getByTestId('logbook-error')).toHaveText('Erreur interne du hub : l’opération n’a pas été effectuée, réessayez.');
      await expect(box).toHaveValue(text);
      await expect(logbook.getByTestId('logbook-pending-links')).toContainText(message);
      await box.press('Control+Enter');
      await expect(box).toHaveValue('');
      await expect(logbook.getByTestId('logbook-error')).toHaveCount(0);

      const written = logbook.getByTestId('logbook-entry').filter({ hasText: text });
      await expect(written).toHaveCount(1);
      await expect(written.getByTestId('logbook-link')).toContainText(message);

      // The other console has it live, with the link; the link selects the alarm's asset there.
      const seen = other.page.getByTestId('logbook-entry').filter({ hasText: text });
      await expect(seen).toHaveCount(1);
      await expect(seen).toContainText('operateur');
      await seen.getByTestId('logbook-link').click();
      await expect(oncall.assetPanel).toBeVisible();
      await expect(oncall.alarmRow(alarmId)).toHaveAttribute('aria-selected', 'true');
      await other.page.screenshot({ path: join(SCREENSHOTS, 'logbook-live-entry.png') });

      // The handover lists the open alarm and the entry, and exports them as CSV.
      await other.page.getByTestId('logbook-tab-handover').click();
      const handover = other.page.getByTestId('logbook-handover');
      await expect(handover.getByTestId('handover-unacknowledged')).toContainText(message);
      await expect(handover.getByTestId('handover-entries')).toContainText(text);
      const [download] = await Promise.all([other.page.waitForEvent('download'), handover.getByRole('button', { name: 'Exporter en CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^beffroi-main-courante-\d{4}-\d\d-\d\d\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFrubrique;horodatage;auteur;')).toBe(true);
      const entryLine = csv.split('\r\n').find((line) => line.startsWith('Main courante;'));
      expect(entryLine).toContain(`"${text}"`);
      expect(entryLine).toContain(alarmId);
      expect(entryLine).toMatch(/^Main courante;\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00;operateur;/);
      await other.page.screenshot({ path: join(SCREENSHOTS, 'logbook-handover.png') });

      // On paper, the handover alone: the console (map, lists, drawer) is not printed.
      await other.page.emulateMedia({ media: 'print' });
      await expect(other.page.locator('#root')).toBeHidden();
      await expect(other.page.locator('.logbook-print')).toBeVisible();
      await expect(other.page.locator('.logbook-print')).toContainText(text);
      await other.page.screenshot({ path: join(SCREENSHOTS, 'logbook-handover-print.png'), fullPage: true });
    } finally {
      await other.close();
    }
  });

  test('un élu n’a pas de main courante', async ({ page }) => {
    await openConsole(page, `elu-${bin.commune}`);
    await expect(page.getByRole('button', { name: 'Déconnexion' })).toBeVisible();
    await expect(page.getByTestId('logbook-toggle')).toHaveCount(0);
  });
});
