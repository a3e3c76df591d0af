import { join } from 'node:path';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldDevice } from '../support/field-device';
import { MOSQUITTO_MISSING, startMosquitto } from '../support/mosquitto';
import { ConsolePage } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, startTestHub, test, type TestHub } from './support/hub';

/**
 * An administrator adds a network source in « Sources réseau », pointing at a Mosquitto the test
 * started: a wrong address is refused in French before anything is sent, then the source shows
 * connected and counts the uplinks that come through it. The hub is never restarted.
 */
test.describe('les sources réseau en administration', () => {
  const missing = missingForEndToEnd() ?? MOSQUITTO_MISSING ?? null;
  test.skip(missing !== null, `skipped: ${missing}`);

  const territory = generateTerritory('essonne');
  const airSensor = territory.devices.find((d) => d.model === 'milesight-am307')!;
  let broker: Awaited<ReturnType<typeof startMosquitto>>;
  let hub: TestHub;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    broker = await startMosquitto();
    hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off' } });
  });

  test.afterAll(async () => {
    await hub?.stop();
    await broker?.stop();
  });

  test('un administrateur ajoute une source et la voit connectée', async ({ page }) => {
    await page.goto(hub.baseURL);
    await new ConsolePage(page).login('admin');
    await page.getByTestId('admin-toggle').click();
    await page.getByTestId('admin-tab-sources').click();
    const screen = page.getByTestId('sources-screen');
    await expect(screen.getByRole('heading', { name: 'Sources réseau' })).toBeVisible();

    // The embedded broker: connected, defined on the server, not editable here.
    const embedded = screen.locator('[data-testid="source-row"][data-source="mqtt-chirpstack"]');
    await expect(embedded).toHaveAttribute('data-link', 'connected');
    await expect(embedded).toContainText('Définie sur le serveur');

    await page.getByTestId('source-add').click();
    await page.getByTestId('source-name').fill('syndicat-e2e');
    await page.getByTestId('source-url').fill('http://courtier.exemple.fr');
    await page.getByTestId('source-save').click();
    await expect(page.getByTestId('source-error')).toContainText('adresse du courtier invalide');

    await page.getByTestId('source-url').fill(broker.url);
    await page.getByTestId('source-username').fill('beffroi');
    await page.getByTestId('source-password').fill('secret-du-courtier');
    await page.getByTestId('source-save').click();
    await expect(page.getByTestId('source-form')).toHaveCount(0);

    const added = screen.locator('[data-testid="source-row"][data-source="syndicat-e2e"]');
    await expect(added).toHaveAttribute('data-link', 'connected');
    await expect(added.getByTestId('source-status')).toHaveText('Connectée');

    const sensor = await FieldDevice.connect(broker.url, territory, airSensor.devEui);
    await sensor.uplink({ battery: 90, temperature: 21, humidity: 45, co2: 640 });
    await sensor.close();
    await expect(added.locator('td').nth(4)).not.toHaveText('0');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'screenshots', 'admin-sources.png') });

    // Editing shows the password as set, never its value.
    await added.getByTestId('source-edit').click();
    await expect(page.getByTestId('source-password')).toHaveValue('');
    await expect(page.getByTestId('source-password')).toHaveAttribute('placeholder', '(inchangé)');
  });
});
