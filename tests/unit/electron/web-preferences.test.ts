import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/security/web-preferences';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/electron/preload.cjs', ['--beffroi-hub-url=ws://127.0.0.1:8417/ws']);

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s', (key, expected) => {
    expect(prefs[key]).toBe(expected);
  });

  it('loads the preload bundle and hands it the arguments', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.additionalArguments).toEqual(['--beffroi-hub-url=ws://127.0.0.1:8417/ws']);
  });
});
