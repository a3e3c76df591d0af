import { describe, expect, it } from 'vitest';
import { denyPermissionsByDefault } from '../../../electron/main/security/permissions';
import { FakeSession } from './fakes';

function protectedSession(): FakeSession {
  const session = new FakeSession();
  denyPermissionsByDefault(session);
  return session;
}

describe('permission requests', () => {
  it.each(['media', 'geolocation', 'midi', 'midiSysex', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'openExternal', 'pointerLock', 'unknown'])(
    'refuses %s, even to the console',
    (permission) => {
      expect(protectedSession().request(permission, 'app://beffroi/index.html')).toBe(false);
    },
  );

  it('grants notifications and fullscreen to the console', () => {
    const session = protectedSession();
    expect(session.request('notifications', 'app://beffroi/index.html')).toBe(true);
    expect(session.request('fullscreen', 'app://beffroi/index.html#/alarmes')).toBe(true);
  });

  it.each(['https://evil.example/', 'http://127.0.0.1:8417/', 'file:///tmp/x.html', 'app://other/'])('grants nothing to %s', (url) => {
    expect(protectedSession().request('notifications', url)).toBe(false);
  });
});

describe('permission checks', () => {
  it('answers like the request handler, by origin', () => {
    const session = protectedSession();
    expect(session.check('notifications', 'app://beffroi')).toBe(true);
    expect(session.check('media', 'app://beffroi')).toBe(false);
    expect(session.check('notifications', 'https://evil.example')).toBe(false);
  });
});
