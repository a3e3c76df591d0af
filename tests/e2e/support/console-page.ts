import { expect, type Page } from '@playwright/test';
import { generateTerritory } from '../../../electron/hub/territory';

/** Demo accounts of hub-contract.md; their password is BEFFROI_DEMO_PASSWORD's default. */
export const DEMO_PASSWORD = 'beffroi';

/** The console's login form, found the way a user finds it: by its French labels. */
export function loginForm(page: Page) {
  return {
    username: page.getByLabel('Identifiant'),
    password: page.getByLabel('Mot de passe'),
    submit: page.getByRole('button', { name: 'Se connecter' }),
  };
}

/** Logs in through the form and waits for the console behind it. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  const form = loginForm(page);
  await form.username.fill(username);
  await form.password.fill(password);
  await form.submit.click();
  await expect(page.getByRole('button', { name: 'Déconnexion' })).toBeVisible();
}

/**
 * A school of the Essonne demo whose radiator thermostat is `model` (the seed is deterministic, so
 * this is the school the test hub serves): a Vicki takes setpoints to the tenth of a degree, a
 * WT101 in whole degrees.
 */
export function demoSchoolWith(model: 'mclimate-vicki' | 'milesight-wt101'): { id: string; name: string } {
  const territory = generateTerritory('essonne');
  const withModel = new Set(territory.devices.filter((d) => d.model === model).map((d) => d.assetId));
  const school = territory.assets.find((a) => a.category === 'school' && withModel.has(a.id));
  if (!school) throw new Error(`no demo school has a ${model}`);
  return { id: school.id, name: school.name };
}

/** The counters `window.__beffroiDebug` exposes (renderer/app/debug.ts). */
type DebugCounter = 'assetsDrawn' | 'assetsTotal' | 'lastSeq' | 'framesApplied' | 'alarmsActive' | 'eventsApplied' | 'soundsPlayed' | 'colourRowsChanged';

/**
 * The console as an operator drives it: map, alarm list, asset panel, setpoint. Locators go by
 * the console's stable `data-testid`s; waits are for states, never for durations.
 */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<void> {
    await loginAs(this.page, username, password);
  }

  debug(counter: DebugCounter): Promise<number> {
    return this.page.evaluate((name) => window.__beffroiDebug?.[name] ?? 0, counter);
  }

  /** Waits until the GPU layers draw every asset the hub sent. */
  async waitForMapDrawn(timeoutMs = 120_000): Promise<number> {
    await expect.poll(() => this.debug('assetsTotal'), { timeout: timeoutMs, message: 'the snapshot never arrived' }).toBeGreaterThan(0);
    const total = await this.debug('assetsTotal');
    await expect.poll(() => this.debug('assetsDrawn'), { timeout: timeoutMs, message: 'the map never drew the assets' }).toBe(total);
    return total;
  }

  get map() {
    return this.page.getByTestId('map');
  }

  get connectionBanner() {
    return this.page.getByTestId('connection-banner');
  }

  alarmRows() {
    return this.page.getByTestId('alarm-row');
  }

  alarmRow(alarmId: string) {
    return this.page.locator(`[data-testid="alarm-row"][data-alarm-id="${alarmId}"]`);
  }

  async alarmIds(): Promise<string[]> {
    const ids = await this.alarmRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-alarm-id') ?? ''));
    return ids.filter(Boolean);
  }

  /** Waits for an alarm raised after `known` was taken, still waiting for acknowledgement. */
  async waitForNewAlarm(known: ReadonlySet<string>, timeoutMs = 240_000): Promise<string> {
    let found = '';
    await expect
      .poll(
        async () => {
          const rows = await this.page
            .locator('[data-testid="alarm-row"][data-alarm-state="unacknowledged"]')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-alarm-id') ?? ''));
          found = rows.find((id) => id && !known.has(id)) ?? '';
          return found;
        },
        { timeout: timeoutMs, message: 'no live alarm arrived' },
      )
      .not.toBe('');
    return found;
  }

  async acknowledge(alarmId: string, comment: string): Promise<void> {
    await this.alarmRow(alarmId).getByTestId('alarm-acknowledge').click();
    await this.page.getByTestId('acknowledge-comment').fill(comment);
    await this.page.getByTestId('acknowledge-confirm').click();
    await expect(this.page.getByTestId('acknowledge-dialog')).toBeHidden();
  }

  get assetPanel() {
    return this.page.getByTestId('asset-panel');
  }

  /** Searches by name or id and opens the first match's panel. */
  async openAsset(query: string): Promise<string> {
    await this.page.getByTestId('asset-search').fill(query);
    const first = this.page.getByTestId('search-result').first();
    const assetId = (await first.getAttribute('data-asset-id')) ?? '';
    await first.click();
    await expect(this.assetPanel).toHaveAttribute('data-asset-id', assetId);
    return assetId;
  }

  metric(metricId: string) {
    return this.assetPanel.locator(`[data-testid="metric-value"][data-metric="${metricId}"]`);
  }

  async sendSetpoint(text: string): Promise<void> {
    await this.page.getByTestId('setpoint-input').fill(text);
    await this.page.getByTestId('setpoint-send').click();
  }

  get setpointForm() {
    return this.assetPanel.getByTestId('setpoint-form');
  }

  get setpointInput() {
    return this.page.getByTestId('setpoint-input');
  }

  get setpointBounds() {
    return this.page.getByTestId('setpoint-bounds');
  }

  get commandState() {
    return this.assetPanel.getByTestId('command-state');
  }

  get setpointError() {
    return this.page.getByTestId('setpoint-error');
  }
}
