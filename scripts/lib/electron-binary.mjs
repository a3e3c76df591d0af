// Finds a usable Electron binary, or says in French and English why there is none. Shared by
// `npm start` (Electron or browser) and the Electron end-to-end test (run or skip).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The electron package's folder as installed under `root`, or null when npm dropped it. */
export function electronPackageDir(root) {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * @param {{ env: Record<string, string | undefined>, packageDir: string | null, exists?: (path: string) => boolean, readText?: (path: string) => string | null }} input
 */
export function findElectronBinary({ env, packageDir, exists = existsSync, readText = readTextOrNull }) {
  const explicit = env.ELECTRON_PATH?.trim();
  if (explicit) {
    return exists(explicit)
      ? { found: true, path: explicit, source: 'ELECTRON_PATH' }
      : notFound(`ELECTRON_PATH désigne ${explicit}, qui n'existe pas`, `ELECTRON_PATH points to ${explicit}, which does not exist`);
  }
  if (packageDir === null) {
    return notFound(
      "Electron n'est pas installé sur cette machine (son binaire n'a pas pu être téléchargé)",
      'Electron is not installed on this machine (its binary could not be downloaded)',
    );
  }
  // The package's install script writes path.txt only after the binary was downloaded and unpacked.
  const relativeBinary = readText(join(packageDir, 'path.txt'))?.trim();
  if (!relativeBinary) {
    return notFound(
      `le paquet electron est présent mais son binaire manque (${join(packageDir, 'path.txt')} absent : téléchargement échoué)`,
      `the electron package is present but its binary is missing (no ${join(packageDir, 'path.txt')}: the download failed)`,
    );
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH?.trim() || join(packageDir, 'dist');
  const binary = join(distDir, relativeBinary);
  return exists(binary)
    ? { found: true, path: binary, source: 'electron-package' }
    : notFound(`le binaire Electron ${binary} est introuvable`, `the Electron binary ${binary} is missing`);
}

/** On Linux a window needs an X11 or Wayland display; elsewhere there always is one. */
export function findDisplay({ env, platform }) {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return { found: true };
  return notFound(
    "aucun affichage graphique n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY)",
    'no graphical display is available (neither DISPLAY nor WAYLAND_DISPLAY)',
  );
}

/** What `npm start` prints when it serves the console in a browser instead. */
export function browserFallbackMessage(reason, consoleUrl) {
  return [
    `${capitalise(reason.fr)} : la console est servie dans votre navigateur à l'adresse ${consoleUrl}`,
    `${capitalise(reason.en)}: the console is served in your browser at ${consoleUrl}`,
  ].join('\n');
}

function notFound(fr, en) {
  return { found: false, reason: { fr, en } };
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readTextOrNull(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
