import { describe, expect, it } from 'vitest';
import { createDesktopBridge, readSwitch } from '../../../electron/preload/bridge';
import { bridgeArguments } from '../../../electron/main/windows';
import { hubEndpointsFromUrl } from '../../../electron/main/hub/hub-plan';
import { DesktopIpc } from '../../../shared/desktop-bridge';

// What a sandboxed renderer's process.argv looks like: Chromium's switches, then ours.
const ARGV = ['/opt/Beffroi/beffroi', '--type=renderer', ...bridgeArguments(hubEndpointsFromUrl('http://127.0.0.1:8417'))];

function recordingIpc() {
  const calls: unknown[][] = [];
  return { calls, ipc: { invoke: async (...args: unknown[]) => void calls.push(args) } };
}

describe('the desktop bridge', () => {
  it('carries the hub addresses the main process put on the command line', () => {
    const bridge = createDesktopBridge(ARGV, recordingIpc().ipc);
    expect(bridge.hubUrl).toBe('ws://127.0.0.1:8417/ws');
    expect(bridge.hubHttpUrl).toBe('http://127.0.0.1:8417');
    expect(bridge.platform).toBe('electron');
  });

  it('exposes data and two calls, nothing that reaches Electron or Node', () => {
    const bridge = createDesktopBridge(ARGV, recordingIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['hubHttpUrl', 'hubUrl', 'notify', 'openAlarmWindow', 'platform']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends notifications and the alarm window on their fixed channels, with plain strings', async () => {
    const { ipc, calls } = recordingIpc();
    const bridge = createDesktopBridge(ARGV, ipc);
    await bridge.notify('Alarme', 'Portail du cimetière ouvert');
    await bridge.openAlarmWindow();
    expect(calls).toEqual([[DesktopIpc.notify, 'Alarme', 'Portail du cimetière ouvert'], [DesktopIpc.openAlarmWindow]]);
  });

  it.each([
    [['--type=renderer']],
    [['--beffroi-hub-url=http://127.0.0.1:8417/ws', '--beffroi-hub-http-url=http://127.0.0.1:8417']],
    [['--beffroi-hub-url=ws://127.0.0.1:8417/ws', '--beffroi-hub-http-url=javascript:alert(1)']],
  ])('refuses to start without valid hub addresses (%j)', (argv) => {
    expect(() => createDesktopBridge(argv, recordingIpc().ipc)).toThrow(/adresse du hub absente ou invalide/);
  });

  it('reads switches by prefix', () => {
    expect(readSwitch(['--a=1', '--b=2'], '--b=')).toBe('2');
    expect(readSwitch(['--a=1'], '--b=')).toBeNull();
  });
});
