import type { Browser, Page } from '@playwright/test';
import { connectAsync, type MqttClient } from 'mqtt';
import { startEmbeddedBroker } from '../../../electron/hub/sources/embedded-broker';
import type { TerritorySeed } from '../../../electron/hub/territory';
import { FieldFeed } from '../../bench/support/field-feed';
import { ConsolePage } from './console-page';
import { startTestHub, type TestHub } from './hub';

/**
 * A hub whose field the test drives: the simulator off, an embedded broker the test publishes to
 * as the network server would, so the alarms on the list are the ones the test raised.
 */
export interface FieldHub {
  hub: TestHub;
  publisher: MqttClient;
  feed: FieldFeed;
  stop(): Promise<void>;
}

export async function startFieldHub(clientId: string, territory: TerritorySeed, env: Record<string, string> = {}): Promise<FieldHub> {
  const broker = await startEmbeddedBroker();
  const hub = await startTestHub({ env: { BEFFROI_SIMULATOR: 'off', BEFFROI_MQTT_URL: broker.url, ...env } });
  const publisher = await connectAsync(broker.url, { clientId });
  return {
    hub,
    publisher,
    feed: new FieldFeed(territory, publisher),
    async stop() {
      await publisher.endAsync();
      await hub.stop();
      await broker.stop();
    },
  };
}

/** A console logged in with `username`, its map drawn. */
export async function openConsole(page: Page, baseURL: string, username: string): Promise<ConsolePage> {
  await page.goto(baseURL);
  const consolePage = new ConsolePage(page);
  await consolePage.login(username);
  await consolePage.waitForMapDrawn();
  return consolePage;
}

/** Another workstation: a browser context of its own (its own session), French, Paris time. */
export async function otherWorkstation(browser: Browser): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1600, height: 1000 } });
  return { page: await context.newPage(), close: () => context.close() };
}
