import type { WebPreferences } from '../electron-api';

/**
 * The renderer runs as a web page: isolated from the preload's world, inside Chromium's sandbox,
 * with no Node.js and with web security on. The only way out is the preload's small bridge.
 * `additionalArguments` carries the hub address to the sandboxed preload (see `bridge-switches`).
 */
export function secureWebPreferences(preloadPath: string, additionalArguments: string[]): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped on the window must not replace the console with that file.
    navigateOnDragDrop: false,
    spellcheck: false,
    additionalArguments,
  };
}
