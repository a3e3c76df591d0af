import { join } from 'node:path';
import { startEmbeddedBroker } from '../../electron/hub/sources/embedded-broker';
import { generateTerritory } from '../../electron/hub/territory';
import type { TerritorySeed } from '../../electron/hub/territory/types';
import { FieldDevice } from '../support/field-device';
import { HubClient } from '../support/hub-client';
import { ConsolePage } from './support/console-page';
import { ARTIFACTS_DIR, expect, missingForEndToEnd, startTestHub, test, type TestHub } from './support/hub';

const SCREENSHOTS = join(ARTIFACTS_DIR, 'screenshots');

test.describe('les alarmes regroupées sous leur cause', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  // The field is ours: the hub's simulator off, sensors the test declares (10 s period, so they
  // fall silent within a minute) and plays through two gateways of its own.
  const territory = generateTerritory('essonne');
  const bins = territory.assets.filter((a) => a.kind === 'waste-container').slice(0, 4);
  const GATEWAY_A = '0016c001f0e2e0a1';
  const GATEWAY_B = '0016c001f0e2e0b2';
  const declared = bins.map((bin, i) => ({ devEui: `24e12431e2e0000${i}`, assetId: bin.id, model: 'milesight-em310-udl', uplinkPeriodS: 10 }));
  const behindA = declared.slice(0, 3);
  const control = declared[3]!;
  const field: TerritorySeed = { ...territory, devices: [...territory.devices, ...declared] };
  let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
  let hub: TestHub;
  let admin: HubClient;
  const devices: FieldDevice[] = [];
  let keepB: NodeJS.Timeout | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    broker = await startEmbeddedBroker();
    hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off', BEFFROI_MQTT_URL: broker.url } });
    admin = await HubClient.connect(hub.baseURL);
    await admin.login('admin');
    for (const d of declared) expect((await admin.request('device.declare', d)).ok).toBe(true);
    for (const d of declared) devices.push(await FieldDevice.connect(broker.url, field, d.devEui));
    for (const device of devices.slice(0, 3)) await device.uplink({ battery: 90, distance: 1500 }, { gatewayId: GATEWAY_A, rssi: -104 });
    await devices[3]!.uplink({ battery: 90, distance: 1500 }, { gatewayId: GATEWAY_B });
    // Gateway B keeps relaying the control sensor; nothing goes through A any more.
    keepB = setInterval(() => void devices[3]!.uplink({ battery: 90, distance: 1500 }, { gatewayId: GATEWAY_B }).catch(() => undefined), 3000);
  });

  test.afterAll(async () => {
    clearInterval(keepB);
    await Promise.all(devices.map((d) => d.close()));
    await admin?.close();
    await hub?.stop();
    await broker?.stop();
  });

  test('une passerelle muette : un seul élément avec le compte, dépliable, et les passerelles sur la carte', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(hub.baseURL);
    const consolePage = new ConsolePage(page);
    await consolePage.login('operateur');
    await consolePage.waitForMapDrawn();

    // The demo's planned gateways and the two the test plays are drawn, with their icon in the legend.
    await expect
      .poll(() => page.evaluate(() => (window.__beffroiDebug?.kindCounts as Record<string, number> | undefined)?.gateway ?? 0), {
        message: 'the gateways never reached the map',
      })
      .toBe(territory.gateways.length + 2);
    const legend = page.getByTestId('map-legend');
    await legend.getByRole('button').click();
    await expect(legend).toContainText('Passerelle LoRaWAN');

    // Gateway A falls silent: one cause item, its three « pas de données » folded under it.
    const group = page.locator('[data-testid="cause-group"]');
    await expect(group).toHaveCount(1, { timeout: 150_000 });
    await expect(group).toHaveAttribute('data-children', '3', { timeout: 60_000 });
    await expect(group.locator('[data-testid="alarm-row"]').first()).toContainText('Passerelle muette');
    await expect(page.getByTestId('alarm-grouped-count')).toContainText('dont 3 regroupées');
    const childRows = page.locator(behindA.map((d) => `[data-testid="alarm-row"][data-asset-id="${d.assetId}"]`).join(', '));
    await expect(childRows).toHaveCount(0);
    // The control sensor, heard through B all along, has no alarm of its own.
    await expect(page.locator(`[data-testid="alarm-row"][data-asset-id="${control.assetId}"]`)).toHaveCount(0);

    const toggle = group.getByTestId('cause-group-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(group.getByTestId('cause-group-children').locator('[data-testid="alarm-row"]')).toHaveCount(3);
    await expect(childRows).toHaveCount(3);
    await page.screenshot({ path: join(SCREENSHOTS, 'alarm-causes-expanded.png') });

    // The gateway's panel says what it hears.
    await group.locator('[data-testid="alarm-row"]').first().locator('.alarm-row__main').click();
    await expect(page.getByTestId('asset-panel')).toHaveAttribute('data-asset-id', `gw-${GATEWAY_A}`);
    await expect(page.getByTestId('radio-health').getByTestId('radio-link')).toHaveCount(3);
  });
});
