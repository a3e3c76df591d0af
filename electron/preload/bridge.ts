import { DesktopIpc, type DesktopBridge, DesktopSwitch } from '../../shared/desktop-bridge';

/** The only part of `ipcRenderer` the bridge uses; the page never sees `ipcRenderer` itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/** Value of a `--name=value` switch the main process appended to the renderer's command line. */
export function readSwitch(argv: readonly string[], prefix: string): string | null {
  const found = argv.find((arg) => arg.startsWith(prefix));
  return found === undefined ? null : found.slice(prefix.length);
}

function requireUrl(argv: readonly string[], prefix: string, protocols: readonly string[]): string {
  const raw = readSwitch(argv, prefix);
  let url: URL | null = null;
  try {
    url = raw === null ? null : new URL(raw);
  } catch {
    url = null;
  }
  if (url === null || !protocols.includes(url.protocol)) {
    throw new Error(`Beffroi : adresse du hub absente ou invalide (${prefix}…) ; la console ne peut pas se connecter.`);
  }
  return url.href;
}

/**
 * The object exposed to the console as `window.beffroi`: two addresses and two narrow calls, each
 * a fixed IPC channel with plain string arguments (re-checked by the main process).
 */
export function createDesktopBridge(argv: readonly string[], ipc: IpcRendererLike): DesktopBridge {
  const hubUrl = requireUrl(argv, DesktopSwitch.hubUrl, ['ws:', 'wss:']);
  const hubHttpUrl = requireUrl(argv, DesktopSwitch.hubHttpUrl, ['http:', 'https:']).replace(/\/$/, '');
  return Object.freeze({
    hubUrl,
    hubHttpUrl,
    platform: 'electron' as const,
    notify: async (title: string, body: string): Promise<void> => {
      await ipc.invoke(DesktopIpc.notify, String(title), String(body));
    },
    openAlarmWindow: async (): Promise<void> => {
      await ipc.invoke(DesktopIpc.openAlarmWindow);
    },
  });
}
