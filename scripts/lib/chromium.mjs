// Finds a Chromium for the end-to-end tests: Playwright's own build where it could be downloaded,
// else the system's (Debian's /usr/bin/chromium), or BEFFROI_CHROMIUM. Used by playwright.config.ts
// (through tests/e2e/support/browser.ts) and by scripts/test.mjs, which installs one if it can.
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'];

export const NO_CHROMIUM_HELP =
  'Aucun Chromium trouvé pour les tests de bout en bout. Installez-en un : « apt-get install chromium » (Debian), ' +
  '« npx playwright install chromium » là où le téléchargement est permis, ou indiquez-le avec BEFFROI_CHROMIUM=/chemin. ' +
  '/ No Chromium found for the end-to-end tests: install Debian\'s chromium, run "npx playwright install chromium", or set BEFFROI_CHROMIUM.';

/**
 * @param {{ env: Record<string, string | undefined>, playwrightPath: string | null, exists?: (path: string) => boolean }} input
 */
export function findChromium({ env, playwrightPath, exists = existsSync }) {
  const explicit = env.BEFFROI_CHROMIUM?.trim();
  if (explicit) {
    return exists(explicit)
      ? { found: true, path: explicit, source: 'BEFFROI_CHROMIUM' }
      : { found: false, reason: `BEFFROI_CHROMIUM=${explicit} n'existe pas / does not exist` };
  }
  if (playwrightPath && exists(playwrightPath)) return { found: true, path: playwrightPath, source: 'playwright' };
  const system = SYSTEM_CHROMIUMS.find((path) => exists(path));
  if (system) return { found: true, path: system, source: 'system' };
  return { found: false, reason: NO_CHROMIUM_HELP };
}

/** Where Playwright's own Chromium would be, or null if this Playwright has none registered. */
export async function playwrightChromiumPath() {
  try {
    const { chromium } = await import('@playwright/test');
    return chromium.executablePath();
  } catch {
    return null;
  }
}
