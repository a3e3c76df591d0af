import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldFeed } from '../bench/support/field-feed';
import { ConsolePage } from './support/console-page';
import { openConsole as openConsoleAt, otherWorkstation, startFieldHub, type FieldHub } from './support/field-hub';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

test.describe('la gestion des alarmes à plusieurs consoles', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // The field is ours: a broker the test publishes to, the hub's simulator off, so the alarms
  // on the list are the ones this test raised (full bins), nothing else.
  const territory = generateTerritory('essonne');
  const allBins = territory.assets.filter((a) => a.kind === 'waste-container');
  // The commune with the most bins: an elected official of it sees them all.
  const binsPerCommune = new Map<string, number>();
  for (const bin of allBins) binsPerCommune.set(bin.commune, (binsPerCommune.get(bin.commune) ?? 0) + 1);
  const commune = [...binsPerCommune].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const bins = allBins.filter((a) => a.commune === commune).slice(0, 6);
  let field: FieldHub;
  let hub: TestHub;
  let feed: FieldFeed;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // Shelving limited to 8 h here, so a 24 h choice meets the hub's refusal.
    field = await startFieldHub('e2e-alarm-ops', territory, { BEFFROI_MAX_SHELVE_H: '8' });
    ({ hub, feed } = field);
    // Every bin heard once: none goes silent (stale, with its own alarm) while the tests run.
    await feed.report(
      allBins.map((a) => a.id),
      'normal',
    );
  });

  test.afterAll(async () => {
    await field?.stop();
  });

  const openConsole = (page: Page, username: string): Promise<ConsolePage> => openConsoleAt(page, hub.baseURL, username);

  /** The alarm ids of the raised bins, once all of them are on the list unacknowledged. */
  async function raisedBinAlarms(consolePage: ConsolePage): Promise<string[]> {
    const binIds = new Set(bins.map((b) => b.id));
    let ids: string[] = [];
    await expect
      .poll(
        async () => {
          ids = await consolePage.page
            .locator('[data-testid="alarm-row"][data-alarm-state="unacknowledged"]')
            .evaluateAll((rows, wanted) => rows.filter((r) => wanted.includes(r.getAttribute('data-asset-id') ?? '')).map((r) => r.getAttribute('data-alarm-id') ?? ''), [...binIds]);
          return ids.length;
        },
        { message: 'the full bins never reached the list' },
      )
      .toBe(bins.length);
    return ids;
  }

  test('acquittement par lot sur une console, l’autre voit qui a acquitté ; un élu ne voit aucune commande', async ({ page, browser }) => {
    test.setTimeout(360_000);
    const first = await openConsole(page, 'operateur');
    const other = await otherWorkstation(browser);
    const elected = await otherWorkstation(browser);
    try {
      const second = await openConsole(other.page, 'astreinte');
      await feed.report(
        bins.map((b) => b.id),
        'bin-full',
      );
      const alarmIds = await raisedBinAlarms(first);
      expect(alarmIds.length).toBeGreaterThan(3);
      const chosen = alarmIds.slice(0, 3);
      for (const id of chosen) await first.alarmRow(id).getByRole('checkbox', { name: 'Sélectionner cette alarme' }).check();
      await page.getByLabel('Commentaire pour le lot (facultatif)').fill('Tournée de collecte avancée');
      await page.getByRole('button', { name: 'Acquitter la sélection (3)' }).click();
      await expect(page.getByTestId('bulk-summary')).toHaveText('3 acquittées');

      for (const id of chosen) {
        const row = second.alarmRow(id);
        await expect(row).toHaveAttribute('data-alarm-state', 'acknowledged');
        await expect(row.getByTestId('alarm-state')).toContainText(/acquittée par operateur à \d\d:\d\d/);
        await expect(row).toContainText('Tournée de collecte avancée');
      }

      // « Tout acquitter » takes what the filter shows: the rest, waiting for acknowledgement.
      await page.getByTestId('alarm-filter-pending').click();
      await page.getByRole('button', { name: /^Tout acquitter \(\d+\)$/ }).click();
      await page.getByRole('button', { name: /^Confirmer : acquitter \d+ alarmes$/ }).click();
      await expect(page.getByTestId('bulk-summary')).toHaveText(/^\d+ acquittées?$/);
      for (const id of alarmIds) await expect(second.alarmRow(id)).toHaveAttribute('data-alarm-state', 'acknowledged');
      await page.screenshot({ path: join(SCREENSHOTS, 'alarm-ops-bulk-acknowledged.png') });

      // An elected official sees the same alarms, and no control to act on them.
      const electedConsole = await openConsole(elected.page, `elu-${commune}`);
      await expect(electedConsole.alarmRow(alarmIds[0] ?? '')).toBeVisible();
      await expect(elected.page.getByTestId('alarm-select')).toHaveCount(0);
      await expect(elected.page.getByTestId('bulk-acknowledge')).toHaveCount(0);
    } finally {
      await other.close();
      await elected.close();
    }
  });

  test('mise de côté avec motif et durée, refus du hub en français, puis réintégration ; l’astreinte ne peut pas mettre de côté', async ({ page, browser }) => {
    test.setTimeout(360_000);
    const bin = allBins.find((a) => a.commune !== commune);
    if (!bin) throw new Error('no bin outside the first commune');
    const first = await openConsole(page, 'operateur');
    const other = await otherWorkstation(browser);
    try {
      const second = await openConsole(other.page, 'astreinte');
      await feed.report([bin.id], 'bin-full');
      const row = page.locator(`[data-testid="alarm-row"][data-asset-id="${bin.id}"]`);
      await expect(row).toHaveAttribute('data-alarm-state', 'unacknowledged');
      const alarmId = (await row.getAttribute('data-alarm-id')) ?? '';
      await expect(second.alarmRow(alarmId)).toBeVisible();
      await expect(second.alarmRow(alarmId).getByRole('button', { name: 'Mettre de côté' })).toHaveCount(0);

      await row.getByRole('button', { name: 'Mettre de côté' }).click();
      const dialog = page.getByTestId('shelve-dialog');
      await dialog.getByRole('button', { name: 'Mettre de côté' }).click();
      await expect(page.getByTestId('shelve-error')).toHaveText('Indiquez le motif de la mise de côté.');
      await page.getByLabel('Motif (obligatoire)').fill('Capteur de remplissage en panne, remplacement jeudi');
      // This hub allows 8 h at most: 24 h is refused, in its words.
      await dialog.getByLabel('24 h', { exact: true }).check();
      await dialog.getByRole('button', { name: 'Mettre de côté' }).click();
      await expect(page.getByTestId('shelve-error')).toContainText('limitée à 8 h');
      await dialog.getByLabel('4 h', { exact: true }).check();
      await dialog.getByRole('button', { name: 'Mettre de côté' }).click();
      await expect(dialog).toBeHidden();

      // Off both lists, counted and shown apart with who, until when and why.
      await expect(first.alarmRow(alarmId)).toHaveCount(0);
      await expect(second.alarmRow(alarmId)).toHaveCount(0);
      await other.page.getByRole('button', { name: /^Mises de côté \(\d+\)$/ }).click();
      const shelvedRow = other.page.locator(`[data-testid="shelved-row"][data-alarm-id="${alarmId}"]`);
      await expect(shelvedRow.getByTestId('shelved-by')).toHaveText(/^Mise de côté par operateur jusqu’au \d\d\/\d\d\/\d{4} \d\d:\d\d/);
      await expect(shelvedRow.getByTestId('shelved-reason')).toHaveText('Motif : Capteur de remplissage en panne, remplacement jeudi');
      await expect(shelvedRow.getByRole('button', { name: 'Réintégrer' })).toHaveCount(0);

      await page.getByRole('button', { name: /^Mises de côté \(\d+\)$/ }).click();
      await page.locator(`[data-testid="shelved-row"][data-alarm-id="${alarmId}"]`).getByRole('button', { name: 'Réintégrer' }).click();
      await expect(shelvedRow).toHaveCount(0);
      await other.page.getByRole('button', { name: 'Toutes', exact: true }).click();
      await expect(other.page.getByRole('button', { name: /^Mises de côté \(\d+\)$/ })).toHaveAttribute('aria-pressed', 'false');
      await expect(second.alarmRow(alarmId)).toBeVisible();
      await page.screenshot({ path: join(SCREENSHOTS, 'alarm-ops-unshelved.png') });
    } finally {
      await other.close();
    }
  });

  test('commentaires sur une alarme : l’opérateur et l’astreinte commentent, chacun voit l’historique avec qui et quand', async ({ page, browser }) => {
    test.setTimeout(360_000);
    const bin = allBins.filter((a) => a.commune !== commune)[1];
    if (!bin) throw new Error('no second bin outside the first commune');
    const first = await openConsole(page, 'operateur');
    const other = await otherWorkstation(browser);
    try {
      const second = await openConsole(other.page, 'astreinte');
      await feed.report([bin.id], 'bin-full');
      const row = page.locator(`[data-testid="alarm-row"][data-asset-id="${bin.id}"]`);
      await expect(row).toHaveAttribute('data-alarm-state', 'unacknowledged');
      const alarmId = (await row.getAttribute('data-alarm-id')) ?? '';

      await row.getByRole('button', { name: 'Commenter', exact: true }).click();
      const dialog = page.getByTestId('comment-dialog');
      await dialog.getByRole('button', { name: 'Ajouter le commentaire' }).click();
      await expect(page.getByTestId('comment-error')).toHaveText('Le commentaire est vide.');
      await dialog.getByLabel('Commentaire', { exact: true }).fill('Benne de remplacement commandée');
      await dialog.getByRole('button', { name: 'Ajouter le commentaire' }).click();
      await expect(dialog).toBeHidden();

      const seenElsewhere = second.alarmRow(alarmId).getByTestId('alarm-comment');
      await expect(seenElsewhere).toHaveCount(1);
      await expect(seenElsewhere.first()).toHaveText(/^operateur, \d\d\/\d\d\/\d{4} \d\d:\d\d(:\d\d)? : Benne de remplacement commandée$/);

      // On-call staff may comment too; the history stays oldest first on both consoles.
      await second.alarmRow(alarmId).getByRole('button', { name: 'Commenter', exact: true }).click();
      await other.page.getByTestId('comment-dialog').getByLabel('Commentaire', { exact: true }).fill('Passage prévu à 14 h');
      await other.page.getByTestId('comment-dialog').getByRole('button', { name: 'Ajouter le commentaire' }).click();
      const history = first.alarmRow(alarmId).getByTestId('alarm-comment');
      await expect(history).toHaveCount(2);
      await expect(history.nth(0)).toContainText('operateur');
      await expect(history.nth(1)).toHaveText(/^astreinte, \d\d\/\d\d\/\d{4} \d\d:\d\d(:\d\d)? : Passage prévu à 14 h$/);
      await page.screenshot({ path: join(SCREENSHOTS, 'alarm-ops-comments.png') });
    } finally {
      await other.close();
    }
  });
});
