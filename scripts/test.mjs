// The whole test suite, as the README's second command and CI run it:
//   typecheck → vitest (unit + integration) → build (renderer + Electron entries) → a Chromium for
//   the browser tests (installed with apt-get when possible) → Playwright (browser + Electron).
// Every step runs even after a failure (except Playwright without a build or a browser), and the
// last line sums the tests of both runners: "Total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, NO_CHROMIUM_HELP, playwrightChromiumPath } from './lib/chromium.mjs';
import { countPlaywright, countVitest } from './lib/test-counts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'tests', 'artifacts');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, command, args, options = {}) {
  console.log(`\n── ${name} ──`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const ok = result.status === 0;
  if (!ok) failedSteps.push(name);
  return ok;
}

/** A step that is not a test runner counts as one failed test when it fails, so CI sees it. */
function countStep(ok) {
  if (!ok) totals.failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null; // the runner crashed before writing its report
  }
}

function addCounts(name, counts) {
  if (counts === null) {
    console.log(`${name}: no readable results, counted as one failure`);
    totals.failed += 1;
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

/** Debian's Chromium when this machine can install it (root with apt-get), else a clear failure. */
async function ensureChromium() {
  console.log('\n── browser ──');
  const playwrightPath = await playwrightChromiumPath();
  let browser = findChromium({ env: process.env, playwrightPath });
  if (!browser.found && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("Aucun Chromium : installation du paquet Debian « chromium » (apt-get). / No Chromium: installing Debian's chromium package.");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
    browser = findChromium({ env: process.env, playwrightPath });
  }
  if (!browser.found) {
    console.error(browser.reason === NO_CHROMIUM_HELP ? NO_CHROMIUM_HELP : browser.reason);
    failedSteps.push('browser');
    return false;
  }
  console.log(`Chromium : ${browser.path} (${browser.source})`);
  return true;
}

/** Debian's Mosquitto for the broker integration tests, installed like Chromium when we can. */
function ensureMosquitto() {
  if (['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].some((path) => existsSync(path))) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("Mosquitto absent : installation du paquet Debian « mosquitto » (apt-get). / No Mosquitto: installing Debian's mosquitto package.");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'mosquitto'], { stdio: 'inherit', env });
  } else {
    console.log('Mosquitto absent : les tests du broker échoueront ; installez le paquet « mosquitto ». / Mosquitto missing: install the mosquitto package.');
  }
}

mkdirSync(artifacts, { recursive: true });
ensureMosquitto();
const node = process.execPath;

countStep(step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));

const vitestJson = join(artifacts, 'vitest-results.json');
rmSync(vitestJson, { force: true });
step('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
addCounts('vitest', countVitest(readJson(vitestJson)));

const built = step('build', node, [join(root, 'scripts', 'build.mjs')]);
countStep(built);
const haveBrowser = await ensureChromium();
countStep(haveBrowser);

if (built && haveBrowser) {
  const playwrightJson = join(artifacts, 'playwright-results.json');
  rmSync(playwrightJson, { force: true });
  step('playwright', bin('playwright'), ['test']);
  addCounts('playwright', countPlaywright(readJson(playwrightJson)));
} else {
  console.log('\n── playwright ── not run: it needs the build and a browser');
}

console.log(failedSteps.length === 0 ? '\nAll steps passed.' : `\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`Total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length === 0 && totals.failed === 0 ? 0 : 1);
