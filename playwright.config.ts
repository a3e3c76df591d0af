import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/support/browser';

/**
 * End-to-end tests in a real Chromium (WebGL through SwiftShader) against real hub processes.
 * One worker: the machine has two cores and each hub simulates a whole territory. Timeouts are
 * generous because software WebGL is slow; nothing here asserts on speed (see tests/bench/).
 * Screenshots, traces and the JSON results go to tests/artifacts/.
 */
const chromium = findChromium();
// Not thrown: the Electron project needs no browser. Browser tests then fail at launch, after this.
if (!chromium.found) console.warn(chromium.reason);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/artifacts/test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: 'tests/artifacts/playwright-results.json' }]],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1600, height: 1000 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts$/,
      use: { browserName: 'chromium', launchOptions: chromium.found ? { executablePath: chromium.path, args: [...CHROMIUM_ARGS] } : {} },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
