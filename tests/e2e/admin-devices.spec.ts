import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectAsync, type MqttClient } from 'mqtt';
import { getCodec } from '../../electron/hub/codecs/registry';
import { deviceInfoFor, joinEvent, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import { ConsolePage } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, startTestHub, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

test.describe('le registre des appareils, en administration', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // The field is ours: the test publishes what a network server would, the simulator is off.
  const territory = generateTerritory('essonne');
  const library = territory.assets.find((a) => a.category === 'library')!;
  const gym = territory.assets.find((a) => a.category === 'gym')!;
  const IMPORTED = 'a84041000000e001';
  const STRANGER = 'a84041000000e0ff';
  let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
  let hub: TestHub;
  let publisher: MqttClient;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    broker = await startEmbeddedBroker();
    hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off', BEFFROI_MQTT_URL: broker.url } });
    publisher = await connectAsync(broker.url, { clientId: 'e2e-admin-devices' });
  });

  test.afterAll(async () => {
    await publisher?.endAsync();
    await hub?.stop();
    await broker?.stop();
  });

  async function openDevices(page: Page): Promise<void> {
    await page.goto(hub.baseURL);
    const consolePage = new ConsolePage(page);
    await consolePage.login('admin');
    await consolePage.waitForMapDrawn();
    await page.getByRole('button', { name: 'Administration' }).click();
    await page.getByTestId('admin-tab-devices').click();
    await expect(page.getByTestId('devices-screen')).toBeVisible();
  }

  /** An uplink from a device nobody declared, as ChirpStack would publish it: CO₂ at 1 234 ppm. */
  async function uplinkFromStranger(): Promise<void> {
    const info = deviceInfoFor(territory.name, { devEui: STRANGER, model: 'milesight-am307', assetId: gym.id, uplinkPeriodS: 600 }, gym);
    const { fPort, bytes } = getCodec('milesight-am307')!.encodeUplink!({ battery: 90, temperature: 19, humidity: 50, co2: 1234 });
    const reception = { gatewayId: '0016c001f00000aa', rssi: -104, snr: 3, dr: 5, frequency: 868_100_000, uplinkId: 7 };
    const event = uplinkEvent({ info, deduplicationId: 'e2e-stranger-7', time: new Date().toISOString(), devAddr: '01020304', fCnt: 7, fPort, bytes, reception });
    await publisher.publishAsync(topicOf(info, 'up'), JSON.stringify(event), { qos: 1 });
  }

  test('import d’un CSV : la ligne fautive est signalée avant l’envoi, l’appareil importé paraît au registre', async ({ page }) => {
    test.setTimeout(300_000);
    await openDevices(page);
    await page.getByTestId('devices-pane-import').click();
    const csv = `\uFEFFDevEUI;modèle;équipement;période\n${IMPORTED.toUpperCase()};milesight-am307;${library.id};600\nA84041E002;milesight-am307;${library.id}\n`;
    await page.getByTestId('csv-file').setInputFiles({ name: 'appareils.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    await expect(page.getByTestId('csv-summary')).toHaveText('Aperçu : 1 ligne(s) valable(s), 1 en erreur');
    const badLine = page.locator('[data-testid="csv-line"][data-line="3"]');
    await expect(badLine).toHaveAttribute('data-ok', 'false');
    await expect(badLine).toContainText('DevEUI');
    await expect(badLine).toContainText('« A84041E002 » n’est pas un DevEUI (16 chiffres hexadécimaux)');
    await expect(page.locator('[data-testid="csv-line"][data-line="2"]')).toHaveAttribute('data-ok', 'true');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-devices-import-preview.png') });

    await page.getByTestId('csv-send').click();
    await expect(page.getByTestId('csv-result')).toContainText('1 appareil(s) importé(s), 1 refusé(s).');
    await expect(page.getByTestId('csv-result')).toContainText('Ligne 3 : DevEUI invalide « A84041E002 »');

    await page.getByTestId('devices-pane-registry').click();
    await page.getByTestId('device-search').fill(IMPORTED);
    const row = page.locator(`[data-testid="device-row"][data-dev-eui="${IMPORTED}"]`);
    await expect(row).toContainText('A8 40 41 00 00 00 E0 01');
    await expect(row).toContainText('Milesight AM307');
    await expect(row).toContainText(library.name);
    await expect(row).toContainText('jamais reçue');
    await expect(page.getByRole('columnheader', { name: 'Dernière jonction' })).toBeVisible();
    await expect(row.getByTestId('device-last-join')).toHaveText('aucune connue');
    await expect(page.getByTestId('device-total')).toHaveText('1–1 sur 1');
  });

  test('adoption depuis la quarantaine : déclaration préremplie, la dernière trame donne sa valeur à l’équipement', async ({ page }) => {
    test.setTimeout(300_000);
    await uplinkFromStranger();
    await openDevices(page);
    await page.getByTestId('devices-pane-quarantine').click();
    const quarantined = page.locator(`[data-testid="quarantine-row"][data-dev-eui="${STRANGER}"]`);
    await expect(async () => {
      await page.getByRole('button', { name: 'Actualiser' }).click();
      await expect(quarantined).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await expect(quarantined).toContainText('0016c001f00000aa');
    await expect(quarantined).toContainText('port 85');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-devices-quarantine.png') });

    await quarantined.getByTestId('quarantine-adopt').click();
    await expect(page.getByTestId('declare-deveui')).toHaveValue('A8 40 41 00 00 00 E0 FF');
    await page.getByTestId('declare-model').selectOption('milesight-am307');
    await page.getByTestId('asset-picker').fill(gym.id);
    await page.getByTestId('asset-choice').first().click();
    await expect(page.getByTestId('asset-picked')).toContainText(gym.name);
    await page.getByTestId('declare-submit').click();
    await expect(page.getByTestId('declare-done')).toContainText('Sa dernière trame en quarantaine a été décodée');

    await page.getByTestId('devices-pane-quarantine').click();
    await expect(page.getByTestId('quarantine')).not.toContainText('A8 40 41 00 00 00 E0 FF');
    await page.getByTestId('devices-pane-registry').click();
    await page.getByTestId('device-search').fill(STRANGER);
    const row = page.locator(`[data-testid="device-row"][data-dev-eui="${STRANGER}"]`);
    await expect(row).toContainText(gym.name);
    await expect(row).toContainText(/104\s?dBm/);
    await expect(row).not.toContainText('jamais reçue');
    // The network server reports the device's join: the registry shows when.
    const info = deviceInfoFor(territory.name, { devEui: STRANGER, model: 'milesight-am307', assetId: gym.id, uplinkPeriodS: 600 }, gym);
    const joined = joinEvent({ info, deduplicationId: 'e2e-stranger-join', time: new Date().toISOString(), devAddr: '01020399' });
    await publisher.publishAsync(topicOf(info, 'join'), JSON.stringify(joined), { qos: 1 });
    await expect(async () => {
      await page.getByRole('button', { name: 'Actualiser' }).click();
      await expect(row.getByTestId('device-last-join')).not.toHaveText('aucune connue', { timeout: 2_000 });
    }).toPass();

    // The whole registry, a page at a time: the hub sends 50 rows, not the territory's thousands.
    await page.getByTestId('device-search').fill('');
    await expect(page.getByTestId('device-total')).toHaveText(/^1–50 sur \d[\d\s\u202f]*$/);
    await expect(page.getByTestId('device-row')).toHaveCount(50);
    await page.getByTestId('device-next').click();
    await expect(page.getByTestId('device-total')).toHaveText(/^51–100 sur /);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-devices-registry.png') });
  });

  test('le formulaire dit pourquoi un DevEUI est refusé', async ({ page }) => {
    test.setTimeout(300_000);
    await openDevices(page);
    await page.getByTestId('devices-pane-declare').click();
    await page.getByTestId('declare-deveui').fill('A840 41');
    await page.getByTestId('declare-submit').click();
    await expect(page.getByTestId('declare-deveui-error')).toHaveText('Le DevEUI doit compter 16 chiffres hexadécimaux (0-9, A-F) : 6 saisi(s).');
    // The asset picker offers only assets of a kind the chosen model fits: bins for an EM310-UDL.
    await page.getByTestId('declare-model').selectOption('milesight-em310-udl');
    await page.getByTestId('asset-picker').fill('parking');
    await expect(page.getByTestId('asset-choice').first()).toContainText('Conteneur à déchets');
    await expect(page.getByTestId('asset-choice').filter({ hasNotText: 'Conteneur à déchets' })).toHaveCount(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-devices-declare.png') });
  });
});
