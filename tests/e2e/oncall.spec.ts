import { generateTerritory } from '../../electron/hub/territory';
import { FieldFeed } from '../bench/support/field-feed';
import { ConsolePage } from './support/console-page';
import { startFieldHub, type FieldHub } from './support/field-hub';
import { expect, missingForEndToEnd, test, type TestHub } from './support/hub';

/** Paris wall-clock time of an instant, as a `datetime-local` field takes it. */
function parisLocal(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test.describe('astreintes', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  const territory = generateTerritory('essonne');
  const bin = territory.assets.find((a) => a.kind === 'waste-container')!;
  let field: FieldHub;
  let hub: TestHub;
  let feed: FieldFeed;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    field = await startFieldHub('e2e-oncall', territory);
    ({ hub, feed } = field);
  });

  test.afterAll(async () => {
    await field?.stop();
  });

  test('un administrateur modifie l’astreinte : roulement, exception de jour férié, et voit qui est d’astreinte', async ({ page }) => {
    await page.goto(`${hub.baseURL}/#administration/oncall`);
    await new ConsolePage(page).login('admin');
    const roster = page.locator('[data-testid="oncall-roster"][data-roster-name="Astreinte du territoire"]');
    await expect(roster.getByTestId('oncall-now')).toContainText('N1 astreinte');
    await expect(roster.getByTestId('oncall-now')).toContainText('N2 operateur');

    await roster.getByTestId('oncall-edit').click();
    await page.getByTestId('oncall-name').fill('Astreinte de nuit');
    await page.getByTestId('oncall-users-1').fill('astreinte, personne-inconnue');
    await page.getByTestId('oncall-save').click();
    await expect(page.getByTestId('oncall-error')).toHaveText('Compte inconnu ou désactivé : personne-inconnue.');

    // Level 1 is covered by `admin` from an hour ago to tomorrow (a public holiday).
    await page.getByTestId('oncall-users-1').fill('astreinte');
    const level1 = page.getByTestId('oncall-level-1');
    await level1.getByLabel('Du', { exact: true }).fill(parisLocal(Date.now() - 3_600_000));
    await level1.getByLabel('Au', { exact: true }).fill(parisLocal(Date.now() + 86_400_000));
    await level1.getByPlaceholder('Assurée par (identifiant)').fill('admin');
    await level1.getByPlaceholder('Motif').fill('Jour férié');
    await level1.getByRole('button', { name: 'Ajouter l’exception' }).click();
    await expect(level1.getByTestId('oncall-exception')).toContainText('admin assure l’astreinte');
    await page.getByTestId('oncall-save').click();

    const renamed = page.locator('[data-testid="oncall-roster"][data-roster-name="Astreinte de nuit"]');
    await expect(renamed.getByTestId('oncall-now')).toContainText('N1 admin');
    await page.reload();
    await expect(renamed.getByTestId('oncall-now')).toContainText('N1 admin');
    await expect(renamed.getByTestId('oncall-now')).toContainText('N2 operateur');

    // Where escalation reaches the people on the roster.
    const contact = page.locator('[data-testid="oncall-contact"][data-username="astreinte"]');
    await contact.getByLabel('Téléphone').fill('+33 6 12 34 56 78');
    await contact.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(contact).toContainText('Enregistré.');
    await page.reload();
    await expect(contact.getByLabel('Téléphone')).toHaveValue('+33612345678');
    await expect(contact.getByLabel('Adresse e-mail')).toHaveValue('astreinte@demo.beffroi.example');
  });

  test('le lien d’une notification ouvre l’alarme après la connexion et centre la carte sur l’équipement', async ({ page }) => {
    // An alarm to link to: a full bin, raised through the field broker, seen by an operator console.
    const operator = new ConsolePage(page);
    await page.goto(hub.baseURL);
    await operator.login('operateur');
    await feed.report([bin.id], 'bin-full');
    const row = page.locator(`[data-testid="alarm-row"][data-asset-id="${bin.id}"]`);
    await expect(row).toHaveAttribute('data-alarm-state', 'unacknowledged');
    const alarmId = (await row.getAttribute('data-alarm-id')) ?? '';
    await page.getByRole('button', { name: 'Déconnexion' }).click();

    // The on-call person follows the e-mail's link on another device: login first, then the alarm.
    const context = await page.context().browser()!.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
    try {
      const phone = await context.newPage();
      await phone.goto(`${hub.baseURL}/#alarme/${alarmId}`);
      const oncall = new ConsolePage(phone);
      await oncall.login('astreinte');
      const linked = phone.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`);
      await expect(linked).toHaveAttribute('aria-selected', 'true');
      await expect(linked).toBeInViewport();
      await expect(phone.getByTestId('asset-panel')).toContainText(bin.name);

      await phone.goto(`${hub.baseURL}/#alarme/al-qui-n-existe-pas`);
      await expect(phone.getByTestId('deep-link-missing')).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
