import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserFallbackMessage, electronPackageDir, findDisplay, findElectronBinary } from '../../../scripts/lib/electron-binary.mjs';

// Real folders laid out as npm leaves node_modules/electron after a good or a failed install.
const made: string[] = [];
function project(layout: 'absent' | 'download-failed' | 'installed'): string {
  const root = mkdtempSync(join(tmpdir(), 'beffroi-electron-'));
  made.push(root);
  writeFileSync(join(root, 'package.json'), '{"name":"fixture"}');
  if (layout === 'absent') return root;
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"38.0.0","main":"index.js"}');
  writeFileSync(join(pkg, 'index.js'), 'module.exports = "";');
  if (layout === 'installed') {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(join(pkg, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
  }
  return root;
}
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('findElectronBinary', () => {
  it('finds the binary npm installed', () => {
    const root = project('installed');
    expect(findElectronBinary({ env: {}, packageDir: electronPackageDir(root) })).toEqual({
      found: true,
      path: join(root, 'node_modules', 'electron', 'dist', 'electron'),
      source: 'electron-package',
    });
  });

  it('says Electron is not installed when npm dropped the optional package', () => {
    const result = findElectronBinary({ env: {}, packageDir: electronPackageDir(project('absent')) });
    expect(result).toEqual({
      found: false,
      reason: {
        fr: "Electron n'est pas installé sur cette machine (son binaire n'a pas pu être téléchargé)",
        en: 'Electron is not installed on this machine (its binary could not be downloaded)',
      },
    });
  });

  it('says the download failed when the package is there without its binary', () => {
    const result = findElectronBinary({ env: {}, packageDir: electronPackageDir(project('download-failed')) });
    expect(result.found).toBe(false);
    expect(!result.found && result.reason.fr).toMatch(/son binaire manque.*téléchargement échoué/);
  });

  it('prefers ELECTRON_PATH, and says when it points nowhere', () => {
    const root = project('installed');
    const binary = join(root, 'node_modules', 'electron', 'dist', 'electron');
    expect(findElectronBinary({ env: { ELECTRON_PATH: binary }, packageDir: null })).toEqual({ found: true, path: binary, source: 'ELECTRON_PATH' });
    const missing = findElectronBinary({ env: { ELECTRON_PATH: '/nowhere/electron' }, packageDir: electronPackageDir(root) });
    expect(!missing.found && missing.reason.fr).toBe("ELECTRON_PATH désigne /nowhere/electron, qui n'existe pas");
  });

  it('honours electron’s own ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = project('installed');
    const dist = join(root, 'custom-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    const result = findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, packageDir: electronPackageDir(root) });
    expect(result).toMatchObject({ found: true, path: join(dist, 'electron') });
  });
});

describe('findDisplay', () => {
  it.each([
    [{ DISPLAY: ':0' }, 'linux', true],
    [{ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', true],
    [{}, 'linux', false],
    [{}, 'win32', true],
    [{}, 'darwin', true],
  ])('%j on %s → %s', (env, platform, found) => {
    expect(findDisplay({ env, platform }).found).toBe(found);
  });
});

describe('browserFallbackMessage', () => {
  it('gives the reason and the address, in French then English', () => {
    const result = findElectronBinary({ env: {}, packageDir: null });
    const message = browserFallbackMessage(result.found ? { fr: '', en: '' } : result.reason, 'http://127.0.0.1:8417');
    expect(message.split('\n')).toEqual([
      "Electron n'est pas installé sur cette machine (son binaire n'a pas pu être téléchargé) : la console est servie dans votre navigateur à l'adresse http://127.0.0.1:8417",
      'Electron is not installed on this machine (its binary could not be downloaded): the console is served in your browser at http://127.0.0.1:8417',
    ]);
  });
});
