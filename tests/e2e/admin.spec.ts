import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { auditExportFileName, frenchDay } from '../../renderer/admin/audit/audit-filter';
import { HubClient } from '../support/hub-client';
import { loginAs } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, startTestHub, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

test.describe('l’administration des comptes et le journal d’audit', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // A hub of its own: this spec creates and disables accounts, which no other spec should meet.
  // No simulator: accounts and the trail need no field, and the machine's two cores are shared.
  let hub: TestHub;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off' } });
  });
  test.afterAll(async () => {
    await hub?.stop();
  });

  /** The administration screen straight after login: the map is never opened. */
  async function openAdmin(page: Page, tab: 'users' | 'audit'): Promise<void> {
    await page.goto(`${hub.baseURL}/#administration/${tab}`);
    await loginAs(page, 'admin');
    await expect(page.getByTestId(`${tab}-tab`)).toBeVisible();
  }

  async function otherWorkstation(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
    const context = await browser.newContext({ baseURL: hub.baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
    return { page: await context.newPage(), close: () => context.close() };
  }

  const userRow = (page: Page, username: string) => page.locator(`[data-testid="user-row"][data-username="${username}"]`);

  test('crée un élu sur une commune, change son mot de passe (qui ouvre une session ailleurs), le désactive', async ({ page, browser }) => {
    test.setTimeout(300_000);
    await openAdmin(page, 'users');
    await expect(userRow(page, 'operateur').getByTestId('user-role-cell')).toHaveText('Opérateur');
    await expect(page.getByRole('tab', { name: 'Utilisateurs' })).toHaveAttribute('aria-selected', 'true');

    // The rule shows before anything is typed; a short password is refused next to its field.
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const form = page.getByTestId('user-form');
    await expect(form.getByText('12 caractères au moins (0 saisis).')).toBeVisible();
    await form.getByLabel('Identifiant', { exact: true }).fill('operateur');
    await form.getByLabel('Mot de passe', { exact: true }).fill('court');
    await form.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Élu' });
    await form.getByLabel('Rechercher une commune').fill('Massy');
    await form.getByRole('checkbox', { name: 'Massy (91377)' }).check();
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await expect(page.getByTestId('user-password-error')).toHaveText('Le mot de passe doit compter au moins 12 caractères.');

    // The hub refuses an existing username: shown next to it, nothing typed lost.
    await form.getByLabel('Mot de passe', { exact: true }).fill('horloge-beffroi-2026');
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await expect(page.getByTestId('user-username-error')).toHaveText('Le compte « operateur » existe déjà.');
    await expect(form.getByLabel('Mot de passe', { exact: true })).toHaveValue('horloge-beffroi-2026');
    await expect(form.getByTestId('commune-chip')).toHaveText(/Massy/);

    await form.getByLabel('Identifiant', { exact: true }).fill('maire-massy');
    await form.getByTestId('grants-custom').check();
    await form.getByRole('checkbox', { name: 'Consigne de chauffage' }).check();
    await form.getByLabel('Consigne de chauffage : minimum en °C').fill('18');
    await form.getByLabel('Consigne de chauffage : maximum en °C').fill('21,5');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-user-create.png') });
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await expect(page.getByTestId('users-notice')).toHaveText('Compte maire-massy créé.');
    const mayor = userRow(page, 'maire-massy');
    await expect(mayor.getByTestId('user-role-cell')).toHaveText('Élu');
    await expect(mayor.getByTestId('user-communes-cell')).toHaveText('Massy');
    await expect(mayor.getByTestId('user-state-cell')).toHaveText('Actif');
    await expect(mayor).toContainText(/\d\d\/\d\d\/\d{4}/);

    // Edited: a second commune found by its INSEE code, the grants back to the role's defaults.
    await page.getByRole('button', { name: 'Modifier maire-massy' }).click();
    const edit = page.getByTestId('user-form');
    await expect(edit.getByRole('heading', { name: 'Modifier maire-massy' })).toBeVisible();
    await edit.getByLabel('Rechercher une commune').fill('91228');
    await edit.getByRole('checkbox', { name: 'Évry (91228)' }).check();
    await edit.getByRole('radio', { name: 'Celles du rôle (par défaut)' }).check();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByTestId('users-notice')).toHaveText('Compte maire-massy modifié ; ses sessions ouvertes ont été fermées.');
    await expect(mayor.getByTestId('user-communes-cell')).toHaveText('Massy, Évry');

    // A new password, then the mayor logs in with it on another workstation.
    await page.getByRole('button', { name: 'Nouveau mot de passe pour maire-massy' }).click();
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('marie-de-massy-2026');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByTestId('users-notice')).toHaveText('Mot de passe de maire-massy changé.');
    const other = await otherWorkstation(browser);
    try {
      await other.page.goto('/');
      await loginAs(other.page, 'maire-massy', 'marie-de-massy-2026');
      await expect(other.page.getByTestId('current-user')).toContainText('maire-massy');

      // Disabled after a confirmation: the mayor's console loses its session at once.
      await page.getByRole('button', { name: 'Désactiver maire-massy' }).click();
      const confirm = page.getByTestId('user-disable-dialog');
      await expect(confirm).toContainText('maire-massy ne pourra plus se connecter');
      await confirm.getByRole('button', { name: 'Désactiver' }).click();
      await expect(mayor.getByTestId('user-state-cell')).toHaveText('Désactivé');
      await expect(other.page.getByTestId('session-expired-dialog')).toBeVisible();
      await other.page.getByTestId('relogin-password').fill('marie-de-massy-2026');
      await other.page.getByTestId('relogin-submit').click();
      await expect(other.page.getByTestId('relogin-error')).toBeVisible();
    } finally {
      await other.close();
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-users.png') });
  });

  test('filtre le journal d’audit et l’exporte en CSV', async ({ page }) => {
    test.setTimeout(240_000);
    await openAdmin(page, 'audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();

    await page.getByLabel('Acteur', { exact: true }).fill('admin');
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Création de compte' });
    const today = frenchDay(auditExportFileName(new Date()).slice('beffroi-audit-'.length, -'.csv'.length));
    // A day that does not exist is refused next to its field, the filter left as typed.
    await page.getByLabel('Du', { exact: true }).fill('31/11/2026');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await expect(page.getByTestId('audit-from-error')).toContainText('« 31/11/2026 » n’est pas une date');
    await page.getByLabel('Du', { exact: true }).fill(today);
    await page.getByLabel('Au (inclus)', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-action', 'user.create');
    await expect(rows.first()).toContainText('maire-massy');
    await expect(rows.first()).toContainText('role : elected');
    await expect(rows.first()).toContainText('communes : 91377');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-audit.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^beffroi-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await file.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id;horodatage;acteur;adresse;action;cible;détails;empreinte');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d+;[^;]+;admin;[^;]*;user\.create;maire-massy;/);
    await expect(page.getByTestId('audit-exported')).toContainText('1 ligne(s) exportée(s)');
    await expect(page.getByTestId('audit-truncated')).toHaveCount(0);

    // The export is itself in the trail.
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Export du journal' });
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await expect(rows.first()).toHaveAttribute('data-action', 'audit.export');

    // More exports than a page holds (made over the protocol, it is the paging under test):
    // « Plus ancien » brings the older ones after the newest hundred, then there are no more.
    const script = await HubClient.connect(hub.baseURL);
    try {
      await script.login('admin');
      for (let i = 0; i < 120; i += 1) await script.request('audit.export', { action: 'aucune' });
    } finally {
      await script.close();
    }
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await expect(rows).toHaveCount(100);
    await page.getByRole('button', { name: 'Plus ancien' }).click();
    await expect(rows).toHaveCount(121);
    await expect(page.getByRole('button', { name: 'Plus ancien' })).toHaveCount(0);
    const ids = (await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-audit-id'))))) as number[];
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
