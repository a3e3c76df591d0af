/**
 * Entry point of the desktop shell, bundled to `dist/electron/main.cjs` and run by Electron.
 * All the work is in `shell.ts`; this file only finds Electron and the app's paths.
 */
import { join, resolve } from 'node:path';
import type { ElectronMain } from './electron-api';
import { runShell } from './shell';

function loadElectron(): ElectronMain {
  // Loaded at runtime rather than imported: see electron-api.ts. Under plain Node the `electron`
  // package exports the path of its binary (a string) instead of the API.
  const electron: unknown = require('electron');
  if (typeof electron !== 'object' || electron === null || !('app' in electron) || !('BrowserWindow' in electron)) {
    throw new Error('Ce fichier se lance avec Electron (npm start), pas avec node.');
  }
  return electron as ElectronMain;
}

// main.cjs lives in <root>/dist/electron/, in the repository as in app.asar.
const root = resolve(__dirname, '..', '..');
runShell(loadElectron(), process.env, { root, preload: join(__dirname, 'preload.cjs') }).catch((error: unknown) => {
  console.error('Beffroi : échec au démarrage :', error);
  process.exit(1);
});
