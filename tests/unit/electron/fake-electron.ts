/**
 * A fake of the whole `require('electron')` surface the shell uses (see electron-api.ts), recording
 * the order of calls so tests can check what happened before `ready`.
 */
import type {
  AppLike,
  BrowserWindowLike,
  BrowserWindowOptions,
  CustomScheme,
  ElectronEvent,
  ElectronMain,
  MenuItemTemplate,
  WebContentsLike,
} from '../../../electron/main/electron-api';
import { FakeEvent, FakeIpcMain, FakeSession, FakeWebContents } from './fakes';

type Listener = (...args: never[]) => void;

export class FakeApp implements AppLike {
  isPackaged = false;
  ready = false;
  hasLock = true;
  quits = 0;
  exitCode: number | null = null;
  private readonly listeners = new Map<string, Listener[]>();
  private resolveReady: () => void = () => {};
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  constructor(private readonly log: string[]) {}

  getAppPath = (): string => '/app';
  getPath = (): string => '/tmp/beffroi-user-data';
  getVersion = (): string => '0.1.0';
  whenReady = (): Promise<void> => this.readyPromise;
  requestSingleInstanceLock = (): boolean => this.hasLock;
  enableSandbox = (): void => void this.log.push('enableSandbox');
  quit = (): void => {
    this.quits++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
  };
  exit = (code: number): void => {
    this.exitCode = code;
  };

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  becomeReady(): void {
    this.ready = true;
    this.log.push('ready');
    this.resolveReady();
  }

  /** Fires before-quit as a user quitting would; returns whether the quit was held back. */
  requestQuit(): boolean {
    const event: ElectronEvent & { defaultPrevented: boolean } = new FakeEvent();
    this.emit('before-quit', event);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow implements BrowserWindowLike {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  constructor(readonly options: BrowserWindowOptions) {
    FakeBrowserWindow.created.push(this);
  }
  loadURL = async (url: string): Promise<void> => void (this.loadedUrl = url);
  once = (): this => this;
  on = (): this => this;
  show = (): void => {};
  focus = (): void => {};
  isMinimized = (): boolean => false;
  restore = (): void => {};
  isDestroyed = (): boolean => false;
}

export function fakeElectron() {
  const log: string[] = [];
  const app = new FakeApp(log);
  const session = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const schemes: CustomScheme[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const menus: MenuItemTemplate[][] = [];
  const errors: Array<{ title: string; content: string }> = [];
  const opened: string[] = [];
  FakeBrowserWindow.created = [];

  const electron: ElectronMain = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (list) => {
        log.push(app.ready ? 'registerSchemes after ready' : 'registerSchemes');
        schemes.push(...list);
      },
      handle: (scheme, handler) => void protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession: session },
    shell: { openExternal: async (url) => void opened.push(url) },
    ipcMain,
    Menu: {
      buildFromTemplate: (template) => template,
      setApplicationMenu: (menu) => void menus.push(menu as MenuItemTemplate[]),
    },
    Notification: Object.assign(
      class {
        show(): void {}
      },
      { isSupported: () => true },
    ),
    utilityProcess: {
      fork: () => {
        throw new Error('no utility process in unit tests');
      },
    },
    dialog: {
      showErrorBox: (title, content) => void errors.push({ title, content }),
      showMessageBox: async () => ({}),
    },
  };
  const newWebContents = (): WebContentsLike => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    return contents;
  };
  return { electron, app, session, ipcMain, schemes, protocolHandlers, menus, errors, opened, log, newWebContents };
}
