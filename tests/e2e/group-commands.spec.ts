import { join } from 'node:path';
import { generateTerritory } from '../../electron/hub/territory';
import { ConsolePage } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, test } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');
const territory = generateTerritory('essonne');
const gate = territory.assets.find((a) => a.kind === 'gate')!;

test.describe('commandes groupées', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  test('un opérateur lasse des armoires, lit ce qu’il va couper, confirme deux fois et suit les commandes', async ({ page }) => {
    test.setTimeout(240_000);
    const consolePage = new ConsolePage(page);
    await consolePage.open();
    await consolePage.login('operateur');
    await consolePage.waitForMapDrawn();

    await page.getByTestId('group-toggle').click();
    const panel = page.getByTestId('group-panel');
    await expect(panel.getByTestId('group-summary')).toContainText('Aucun équipement sélectionné');
    await panel.getByTestId('group-lasso').click();

    // A freehand lasso around the middle of the map, where the département's cabinets are.
    const lasso = page.getByTestId('lasso');
    const box = (await lasso.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const [rx, ry] = [box.width * 0.2, box.height * 0.2];
    await page.mouse.move(cx - rx, cy - ry);
    await page.mouse.down();
    for (const [x, y] of [
      [cx + rx, cy - ry],
      [cx + rx, cy + ry],
      [cx - rx, cy + ry],
      [cx - rx, cy - ry + 10],
    ] as const) {
      await page.mouse.move(x, y, { steps: 8 });
    }
    await page.mouse.up();
    await expect(lasso).toBeHidden();

    // Highlighted on the map, and more than the size that takes a second confirmation.
    await expect.poll(async () => Number(await panel.getAttribute('data-selected'))).toBeGreaterThan(10);
    const selected = Number(await panel.getAttribute('data-selected'));
    expect(await page.evaluate(() => window.__beffroiDebug?.groupSize)).toBe(selected);
    await expect(panel.getByTestId('group-summary')).toContainText(`${selected.toLocaleString('fr-FR')} équipement(s) sélectionné(s)`);

    await panel.getByTestId('group-action-0').click();
    const impact = panel.getByTestId('group-impact');
    await expect(impact).toHaveText(new RegExp(`^Cette commande coupe ${selected.toLocaleString('fr-FR')} armoires, \\d+ communes?\\.$`));
    await page.screenshot({ path: join(SCREENSHOTS, 'group-lasso-impact.png') });

    await panel.getByTestId('group-send').click();
    const dialog = page.getByTestId('group-dialog');
    await expect(dialog.getByTestId('group-consequence')).toHaveText(await impact.innerText());
    await dialog.getByTestId('group-confirm').click();
    await expect(dialog).toHaveAttribute('data-step', '2');
    await expect(dialog.getByTestId('group-second')).toContainText(`${selected.toLocaleString('fr-FR')} équipement(s)`);
    await page.screenshot({ path: join(SCREENSHOTS, 'group-second-confirmation.png') });
    await dialog.getByTestId('group-confirm').click();
    await expect(dialog).toBeHidden();

    // Every selected cabinet got its command, and the store follows them through their states.
    const progress = panel.getByTestId('group-progress');
    await expect(progress).toHaveAttribute('data-sent', String(selected));
    await expect(progress).toHaveAttribute('data-refused', '0');
    const counted = async () => {
      let sum = 0;
      for (const state of ['requested', 'queued', 'sent', 'delivered', 'confirmed', 'failed', 'expired', 'cancelled']) {
        const item = progress.getByTestId(`group-state-${state}`);
        if ((await item.count()) > 0) sum += Number(await item.getAttribute('data-count'));
      }
      return sum;
    };
    await expect.poll(counted, { timeout: 60_000 }).toBe(selected);
    // Handed to the network server: past « demandée ».
    await expect.poll(async () => Number(await progress.getByTestId('group-state-requested').getAttribute('data-count')), { timeout: 60_000 }).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'group-progress.png') });
  });

  test('un élu sélectionne par filtre les portails de sa commune, et ouvrir demande toujours deux confirmations', async ({ page }) => {
    test.setTimeout(180_000);
    const consolePage = new ConsolePage(page);
    await consolePage.open();
    await consolePage.login(`elu-${gate.commune}`);
    await consolePage.waitForMapDrawn();

    await page.getByTestId('group-toggle').click();
    const panel = page.getByTestId('group-panel');
    // Lighting is not theirs: gates only, no choice of kind.
    await expect(panel.getByTestId('group-kind-gate')).toHaveCount(0);
    await panel.getByTestId('group-select-filtered').click();
    const gates = territory.assets.filter((a) => a.kind === 'gate' && a.commune === gate.commune).length;
    await expect(panel).toHaveAttribute('data-selected', String(gates));

    await panel.getByTestId('group-action-open').click();
    await expect(panel.getByTestId('group-impact')).toHaveText(`Cette commande ouvre ${gates} portail${gates > 1 ? 's' : ''} de cimetière, 1 commune.`);
    await panel.getByTestId('group-send').click();
    const dialog = page.getByTestId('group-dialog');
    await dialog.getByTestId('group-confirm').click();
    await expect(dialog).toHaveAttribute('data-step', '2');
    await dialog.getByTestId('group-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByTestId('group-progress')).toHaveAttribute('data-sent', String(gates));
  });

  test('un portail ouvert depuis son panneau change de position sur la carte', async ({ page }) => {
    test.setTimeout(360_000);
    const consolePage = new ConsolePage(page);
    await consolePage.open();
    await consolePage.login('operateur');
    await consolePage.waitForMapDrawn();
    await consolePage.openAsset(gate.name);
    const position = page.getByTestId('gate-position');
    await expect(position).not.toHaveAttribute('data-position', 'unknown', { timeout: 180_000 });
    const before = (await position.getAttribute('data-position'))!;
    const onMap = () => page.evaluate((id) => window.__beffroiDebug?.gatePosition(id), gate.id);
    await expect.poll(onMap).toBe(before);
    const wanted = before === 'open' ? 'closed' : 'open';

    await page.getByTestId(wanted === 'open' ? 'gate-open' : 'gate-close').click();
    const dialog = page.getByTestId('gate-dialog');
    await dialog.getByTestId('gate-confirm').click();
    await expect(dialog).toHaveAttribute('data-step', '2');
    await dialog.getByTestId('gate-confirm').click();
    await expect(dialog).toBeHidden();

    await expect(position).toHaveAttribute('data-position', wanted, { timeout: 300_000 });
    await expect.poll(onMap).toBe(wanted);
    await page.screenshot({ path: join(SCREENSHOTS, 'gate-position-on-map.png') });
  });
});
