import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { connectAsync, type MqttClient } from 'mqtt';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldFeed } from '../bench/support/field-feed';
import { ConsolePage, demoSchoolWith } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, startTestHub, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

/** A second console on its own session (a separate browser context, as another workstation). */
async function secondConsole(browser: Browser, baseURL: string): Promise<{ console: ConsolePage; close(): Promise<void> }> {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  return { console: new ConsolePage(page), close: () => context.close() };
}

async function loggedIn(page: Page, username = 'operateur'): Promise<ConsolePage> {
  const consolePage = new ConsolePage(page);
  await consolePage.open();
  await consolePage.login(username);
  return consolePage;
}

test.describe('la console en salle de supervision', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  test('l’opérateur voit la carte de l’Essonne avec tous les équipements dessinés', async ({ page }) => {
    const consolePage = await loggedIn(page);
    const drawn = await consolePage.waitForMapDrawn();
    expect(drawn).toBeGreaterThan(1000);
    await expect(page.getByText('Contours : IGN ADMIN EXPRESS, Licence Ouverte / Etalab')).toBeVisible();
    await expect(page.getByTestId('map-legend')).toContainText('En alarme');
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-link', 'connected');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-essonne.png') });
  });

  test('une alarme en direct arrive sur deux consoles ; acquittée sur l’une, l’autre voit qui et quand', async ({ page, browser, hub }) => {
    test.setTimeout(360_000);
    const first = await loggedIn(page);
    await first.waitForMapDrawn();
    const second = await secondConsole(browser, hub.baseURL);
    try {
      await second.console.open();
      await second.console.login('astreinte');
      await second.console.waitForMapDrawn();

      const known = new Set([...(await first.alarmIds()), ...(await second.console.alarmIds())]);
      const alarmId = await first.waitForNewAlarm(known);
      await expect(second.console.alarmRow(alarmId)).toBeVisible();

      await first.acknowledge(alarmId, 'Équipe prévenue, intervention demain matin');
      const seenElsewhere = second.console.alarmRow(alarmId);
      await expect(seenElsewhere).toHaveAttribute('data-alarm-state', /^acknowledged$|^cleared$/);
      await expect(seenElsewhere.getByTestId('alarm-state')).toContainText(/acquittée par operateur à \d\d:\d\d/);
      await expect(seenElsewhere).toContainText('Équipe prévenue, intervention demain matin');
      await second.console.page.screenshot({ path: join(SCREENSHOTS, 'console-alarm-acknowledged-elsewhere.png') });
    } finally {
      await second.close();
    }
  });

  test('une consigne de 19,5 °C sur une école va jusqu’à « confirmée »', async ({ page }) => {
    test.setTimeout(360_000);
    const consolePage = await loggedIn(page);
    await consolePage.waitForMapDrawn();
    await consolePage.openAsset(demoSchoolWith('mclimate-vicki').id);
    await consolePage.sendSetpoint('19,5');
    await expect(consolePage.commandState).toBeVisible();
    await expect(page.getByTestId('command-stepper')).toContainText('demandée');
    await expect(consolePage.commandState).toHaveAttribute('data-state', 'confirmed', { timeout: 300_000 });
    await expect(consolePage.commandState).toHaveText('confirmée');
    await expect(consolePage.metric('setpointC')).toHaveText('19,5\u00a0°C');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-setpoint-confirmed.png') });
  });

  test('une consigne de 45 °C est refusée avec le message du hub en français', async ({ page }) => {
    const consolePage = await loggedIn(page);
    await consolePage.waitForMapDrawn();
    await consolePage.openAsset('École');
    await consolePage.sendSetpoint('45');
    await expect(consolePage.setpointError).toBeVisible();
    await expect(consolePage.setpointError).toContainText('Consigne refusée');
    await expect(consolePage.setpointError).toContainText('45 °C');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-setpoint-refused.png') });
  });

  test('le formulaire de consigne suit le thermostat de l’école : au dixième sur une Vicki, en degrés entiers sur une WT101', async ({ page }) => {
    const consolePage = await loggedIn(page);
    await consolePage.waitForMapDrawn();

    await consolePage.openAsset(demoSchoolWith('mclimate-vicki').id);
    await expect(consolePage.setpointBounds).toHaveText('Entre 16 et 22 °C, au dixième de degré');
    await consolePage.setpointInput.fill('19,3');
    await page.getByRole('button', { name: '+0,5 °C' }).click();
    await expect(consolePage.setpointInput).toHaveValue('19,5');
    await page.getByRole('button', { name: '−0,5 °C' }).click();
    await expect(consolePage.setpointInput).toHaveValue('19');
    await consolePage.sendSetpoint('19,3');
    await expect(consolePage.setpointError).toBeHidden();
    await expect(page.getByTestId('command-stepper')).toContainText('demandée');

    await consolePage.openAsset(demoSchoolWith('milesight-wt101').id);
    await expect(consolePage.setpointBounds).toHaveText('Entre 16 et 22 °C, en degrés entiers');
    await consolePage.setpointInput.fill('19');
    await page.getByRole('button', { name: '+1 °C' }).click();
    await expect(consolePage.setpointInput).toHaveValue('20');
    await consolePage.sendSetpoint('19,5');
    await expect(consolePage.setpointError).toHaveText('19,5 °C n’est pas possible : ce thermostat se règle en degrés entiers.');
    await expect(page.getByTestId('command-stepper')).toBeHidden();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-setpoint-whole-degrees.png') });
  });

  test('un bâtiment sans thermostat n’a pas de formulaire de consigne', async ({ page }) => {
    const consolePage = await loggedIn(page);
    await consolePage.waitForMapDrawn();
    await consolePage.openAsset('Mairie');
    await expect(consolePage.assetPanel.getByTestId('asset-name')).toContainText('Mairie');
    await expect(consolePage.setpointForm).toHaveCount(0);
  });

  test('recharger la page reprend la session sans redemander le mot de passe', async ({ page }) => {
    const consolePage = await loggedIn(page);
    await consolePage.waitForMapDrawn();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Déconnexion' })).toBeVisible();
    await consolePage.waitForMapDrawn();
  });
});

test.describe('quand le hub ne répond plus', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  test('la console le dit et garde le dernier état à l’écran', async ({ page }) => {
    test.setTimeout(360_000);
    const hub = await startTestHub();
    try {
      await page.goto(hub.baseURL);
      const consolePage = new ConsolePage(page);
      await consolePage.login('operateur');
      const drawn = await consolePage.waitForMapDrawn();
      await hub.stop();
      await expect(consolePage.connectionBanner).toBeVisible();
      await expect(consolePage.connectionBanner).toContainText(/Hub injoignable depuis \d\d:\d\d — reconnexion…/);
      expect(await consolePage.debug('assetsDrawn')).toBe(drawn);
      await expect(consolePage.map).toBeVisible();
      await page.screenshot({ path: join(SCREENSHOTS, 'console-hub-unreachable.png') });
    } finally {
      await hub.stop();
    }
  });
});

test.describe('un terrain que le test pilote', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // The field is ours here: a broker the test publishes to, the hub's simulator off.
  const territory = generateTerritory('essonne');
  let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
  let hub: TestHub;
  let publisher: MqttClient;
  let feed: FieldFeed;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    broker = await startEmbeddedBroker();
    hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off', BEFFROI_MQTT_URL: broker.url } });
    publisher = await connectAsync(broker.url, { clientId: 'e2e-field' });
    feed = new FieldFeed(territory, publisher);
    // Every bin heard once: none of them goes silent (stale, with its own alarm) while the tests run.
    await feed.report(
      territory.assets.filter((a) => a.kind === 'waste-container').map((a) => a.id),
      'normal',
    );
  });

  test.afterAll(async () => {
    await publisher?.endAsync();
    await hub?.stop();
    await broker?.stop();
  });

  async function openConsole(page: Page): Promise<ConsolePage> {
    await page.goto(hub.baseURL);
    const consolePage = new ConsolePage(page);
    await consolePage.login('operateur');
    await consolePage.waitForMapDrawn();
    return consolePage;
  }

  test('la pastille d’état d’un résultat de recherche suit l’équipement en direct, sans retaper', async ({ page }) => {
    const bin = territory.assets.find((a) => a.kind === 'waste-container');
    if (!bin) throw new Error('no waste container in the Essonne demo');
    await feed.report([bin.id], 'normal');
    await openConsole(page);
    await page.getByTestId('asset-search').fill(bin.id);
    const result = page.locator(`[data-testid="search-result"][data-asset-id="${bin.id}"]`);
    await expect(result).toHaveAttribute('data-status', 'ok');

    await feed.report([bin.id], 'bin-full');
    await expect(result).toHaveAttribute('data-status', 'alarm');
    await expect(page.getByTestId('asset-search')).toHaveValue(bin.id);
    await page.screenshot({ path: join(SCREENSHOTS, 'console-search-live-status.png') });
  });

  test('une rafale d’alarmes ne fait clignoter que les plus récentes, par l’opacité seule et par paliers', async ({ page }) => {
    const consolePage = await openConsole(page);
    const bins = territory.assets.filter((a) => a.kind === 'waste-container').slice(10, 50);
    const binIds = new Set(bins.map((b) => b.id));
    await feed.report([...binIds], 'bin-full');
    const binRows = () => consolePage.alarmRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-asset-id') ?? ''));
    await expect.poll(async () => new Set((await binRows()).filter((id) => binIds.has(id))).size, { message: 'the burst never reached the list' }).toBe(bins.length);

    const flashing = page.locator('.alarm-row--new');
    await expect(flashing.first()).toBeVisible();
    expect(await flashing.count()).toBeLessThanOrEqual(12);
    // Whatever still runs animates only what the compositor takes (no box-shadow repaint).
    const animated = await page.evaluate(() =>
      document.getAnimations().flatMap((a) => (a.effect instanceof KeyframeEffect ? a.effect.getKeyframes().flatMap((k) => Object.keys(k)) : [])),
    );
    expect(animated.filter((property) => !['offset', 'computedOffset', 'easing', 'composite', 'opacity', 'transform'].includes(property))).toEqual([]);
    // In steps (on, off), never a fade: a fade has the window recomposited on every frame.
    const easings = await page.evaluate(() =>
      document.getAnimations().flatMap((a) => (a.effect instanceof KeyframeEffect ? a.effect.getKeyframes().slice(0, -1).map((k) => k.easing) : [])),
    );
    expect(easings.length).toBeGreaterThan(0);
    expect(easings.filter((easing) => !easing.startsWith('steps('))).toEqual([]);
  });
});
