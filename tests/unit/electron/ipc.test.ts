import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { registerDesktopIpc } from '../../../electron/main/desktop-ipc';
import { handleTrustedIpc, isTrustedSender } from '../../../electron/main/security/ipc';
import { DesktopIpc } from '../../../shared/desktop-bridge';
import { FakeIpcMain, frame } from './fakes';

const CONSOLE = frame('app://beffroi/index.html');

describe('isTrustedSender', () => {
  it('trusts the console’s top-level frame only', () => {
    expect(isTrustedSender(CONSOLE)).toBe(true);
    expect(isTrustedSender(frame('app://beffroi/index.html#/alarmes'))).toBe(true);
  });

  it.each([
    ['a destroyed or navigated-away frame', null],
    ['another origin', frame('https://evil.example/')],
    ['a file page', frame('file:///home/user/x.html')],
    ['another app host', frame('app://other/index.html')],
    ['a subframe, even of the app', frame('app://beffroi/index.html', CONSOLE)],
  ])('refuses %s', (_what, sender) => {
    expect(isTrustedSender(sender)).toBe(false);
  });
});

describe('handleTrustedIpc', () => {
  function channel(): { ipc: FakeIpcMain; calls: unknown[] } {
    const ipc = new FakeIpcMain();
    const calls: unknown[] = [];
    handleTrustedIpc(ipc, 'test:echo', z.tuple([z.string().max(5)]), ([text]) => {
      calls.push(text);
      return text.toUpperCase();
    });
    return { ipc, calls };
  }

  it('runs the handler for the console with valid arguments', async () => {
    const { ipc, calls } = channel();
    await expect(ipc.invoke('test:echo', CONSOLE, 'abc')).resolves.toBe('ABC');
    expect(calls).toEqual(['abc']);
  });

  it('refuses a foreign sender before looking at its arguments', async () => {
    const { ipc, calls } = channel();
    await expect(ipc.invoke('test:echo', frame('https://evil.example/'), 'abc')).rejects.toThrow(/ne vient pas de la console/);
    expect(calls).toEqual([]);
  });

  it.each([[[]], [[42]], [['far too long']], [['a', 'extra']], [[{ toString: 'x' }]]])('refuses arguments %j', async (args) => {
    const { ipc, calls } = channel();
    await expect(ipc.invoke('test:echo', CONSOLE, ...args)).rejects.toThrow(/arguments invalides/);
    expect(calls).toEqual([]);
  });
});

describe('registerDesktopIpc', () => {
  function desktop(supported = true) {
    const ipc = new FakeIpcMain();
    const shown: Array<{ title: string; body: string }> = [];
    let alarmWindows = 0;
    class Notification {
      static isSupported = () => supported;
      constructor(private readonly options: { title: string; body: string }) {}
      show(): void {
        shown.push(this.options);
      }
    }
    registerDesktopIpc(ipc, { Notification, openAlarmWindow: () => alarmWindows++ });
    return { ipc, shown, alarmWindows: () => alarmWindows };
  }

  it('listens on the bridge’s channels only', () => {
    expect([...desktop().ipc.handlers.keys()].sort()).toEqual(Object.values(DesktopIpc).sort());
  });

  it('shows a native notification for the console', async () => {
    const { ipc, shown } = desktop();
    await ipc.invoke(DesktopIpc.notify, CONSOLE, 'Alarme critique', 'Armoire EP-0042 : défaut');
    expect(shown).toEqual([{ title: 'Alarme critique', body: 'Armoire EP-0042 : défaut' }]);
  });

  it('shows nothing where notifications are unsupported', async () => {
    const { ipc, shown } = desktop(false);
    await ipc.invoke(DesktopIpc.notify, CONSOLE, 'Alarme', 'x');
    expect(shown).toEqual([]);
  });

  it('refuses notifications from elsewhere and oversized ones', async () => {
    const { ipc, shown } = desktop();
    await expect(ipc.invoke(DesktopIpc.notify, frame('https://evil.example/'), 'Alarme', 'x')).rejects.toThrow();
    await expect(ipc.invoke(DesktopIpc.notify, CONSOLE, 'A'.repeat(201), 'x')).rejects.toThrow();
    await expect(ipc.invoke(DesktopIpc.notify, CONSOLE, '', 'x')).rejects.toThrow();
    expect(shown).toEqual([]);
  });

  it('opens the alarm window for the console, without arguments', async () => {
    const { ipc, alarmWindows } = desktop();
    await ipc.invoke(DesktopIpc.openAlarmWindow, CONSOLE);
    await expect(ipc.invoke(DesktopIpc.openAlarmWindow, CONSOLE, 'https://evil.example/')).rejects.toThrow();
    expect(alarmWindows()).toBe(1);
  });
});
