import { chromium } from '@playwright/test';
import { type ChromiumFound, findChromium as findChromiumIn } from '../../../scripts/lib/chromium.mjs';

/** The Chromium the end-to-end tests launch (see scripts/lib/chromium.mjs for the order). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumFound {
  let playwrightPath: string | null;
  try {
    playwrightPath = chromium.executablePath();
  } catch {
    playwrightPath = null; // this Playwright build has no registry entry for Chromium
  }
  return findChromiumIn({ env, playwrightPath });
}

/**
 * Flags for a headless Chromium on a CI machine with no GPU and no outside network: WebGL through
 * SwiftShader (deck.gl and maplibre need WebGL2), no sandbox (CI runs as root), and none of the
 * background services that would try to reach Google and fail.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];
