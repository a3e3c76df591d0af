// `npm start`: the console on the embedded default (demo territory, embedded hub). In Electron
// where its binary exists and a display is available; otherwise the hub serves the same console
// to a browser and this script says why and where.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTargets } from './build.mjs';
import { browserFallbackMessage, electronPackageDir, findDisplay, findElectronBinary } from './lib/electron-binary.mjs';
import { hubBaseUrl, hubCommand, waitForHubHealth } from './lib/hub-process.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** How long the hub gets to start; the first start seeds the demo territory into SQLite. */
const HUB_START_TIMEOUT_MS = 180_000;

await buildTargets(undefined, { ifStale: true });

const electron = findElectronBinary({ env: process.env, packageDir: electronPackageDir(root) });
const display = findDisplay({ env: process.env, platform: process.platform });
if (electron.found && display.found) await runElectron(electron.path);
else await runInBrowser(electron.found ? display.reason : electron.reason);

async function runElectron(binary) {
  const hub = hubCommand(root);
  const args = [root];
  // Chromium refuses to run as root with its setuid sandbox; a root session is a container or CI.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  console.log(`Beffroi : lancement de la console dans Electron (${binary}).`);
  const child = spawn(binary, args, {
    stdio: 'inherit',
    env: { ...process.env, BEFFROI_NODE: hub.command, BEFFROI_HUB_ARGS: JSON.stringify(hub.args) },
  });
  process.exitCode = await exitOf(child);
}

async function runInBrowser(reason) {
  const baseUrl = hubBaseUrl(process.env);
  if (await hubAlreadyAnswers(baseUrl)) {
    console.log(`Un hub Beffroi répond déjà à l'adresse ${baseUrl} : la console y est servie. Arrêtez-le ou choisissez un autre BEFFROI_PORT.`);
    console.log(`A Beffroi hub already answers at ${baseUrl}: the console is served there. Stop it or choose another BEFFROI_PORT.`);
    return;
  }
  const hub = hubCommand(root);
  const child = spawn(hub.command, hub.args, { cwd: hub.cwd, stdio: 'inherit', env: process.env });
  const exited = exitOf(child);

  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), HUB_START_TIMEOUT_MS);
  void exited.then(() => abort.abort());
  try {
    await waitForHubHealth(baseUrl, { signal: abort.signal });
    console.log(`\n${browserFallbackMessage(reason, baseUrl)}`);
    if (process.env.BEFFROI_DEMO !== 'none') {
      const password = process.env.BEFFROI_DEMO_PASSWORD || 'beffroi';
      console.log(`Comptes de démonstration : admin, operateur, astreinte (mot de passe « ${password} »).`);
    }
    console.log('Ctrl-C pour arrêter. / Ctrl-C to stop.\n');
  } catch {
    console.error(`Le hub n'a pas démarré sur ${baseUrl} : voir ses messages ci-dessus. / The hub did not start: see its output above.`);
  } finally {
    clearTimeout(timer);
  }
  process.exitCode = await exited;
}

async function hubAlreadyAnswers(baseUrl) {
  try {
    await waitForHubHealth(baseUrl, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Ctrl-C reaches the whole foreground process group, so the child stops by itself (the hub closes
 * SQLite, Electron quits and stops its hub); this process only waits for it, and ends it if a
 * signal came from elsewhere (a `kill` of this script alone).
 */
function exitOf(child) {
  const forward = (signal) => () => {
    setTimeout(() => child.kill(signal), 500).unref();
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolvePromise) => {
    child.once('error', (error) => {
      console.error(error.message);
      resolvePromise(1);
    });
    child.once('exit', (code, signal) => resolvePromise(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  });
}
