/**
 * The part of Electron's main-process API the shell uses, typed narrowly by hand.
 *
 * Why: `electron` is an optional dependency whose binary (and so its package and type definitions)
 * is missing wherever the download is blocked. The shell must typecheck and be unit-tested there,
 * so its modules depend on these interfaces; `main.ts` loads the real module at runtime and the
 * unit tests pass small fakes. Shapes follow Electron 38's documentation; keep them minimal.
 */

export interface ElectronEvent {
  preventDefault(): void;
}

/** `will-navigate` / `will-redirect` / `will-frame-navigate` details (Electron ≥ 25). */
export interface NavigationEvent extends ElectronEvent {
  url: string;
  isMainFrame?: boolean;
}

export type WindowOpenAction = { action: 'deny' };

export interface WebContentsEvents {
  'will-navigate': (event: NavigationEvent, url?: string) => void;
  'will-redirect': (event: NavigationEvent, url?: string) => void;
  'will-frame-navigate': (event: NavigationEvent) => void;
  'will-attach-webview': (event: ElectronEvent, webPreferences: Record<string, unknown>, params: Record<string, unknown>) => void;
}

export interface WebContentsLike {
  on<K extends keyof WebContentsEvents>(event: K, listener: WebContentsEvents[K]): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenAction): void;
}

/** The frame that sent an IPC message (`event.senderFrame`); null once it navigated or died. */
export interface WebFrameLike {
  readonly url: string;
  readonly parent: WebFrameLike | null;
}

export interface IpcInvokeEvent {
  readonly senderFrame: WebFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
}

export type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
export type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;

export interface SessionLike {
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void;
}

export interface CustomScheme {
  scheme: string;
  privileges: {
    standard?: boolean;
    secure?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
  };
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  experimentalFeatures: boolean;
  navigateOnDragDrop: boolean;
  spellcheck: boolean;
  additionalArguments: string[];
}

export interface BrowserWindowOptions {
  width: number;
  height: number;
  minWidth?: number;
  minHeight?: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar?: boolean;
  webPreferences: WebPreferences;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
}

export type BrowserWindowConstructor = new (options: BrowserWindowOptions) => BrowserWindowLike;

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator' | 'normal' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface MenuApi {
  buildFromTemplate(template: MenuItemTemplate[]): unknown;
  setApplicationMenu(menu: unknown): void;
}

export interface NotificationConstructor {
  new (options: { title: string; body: string }): { show(): void };
  isSupported(): boolean;
}

export interface UtilityProcessLike {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args: string[],
    options: { env: Record<string, string | undefined>; stdio: 'pipe'; serviceName: string; cwd?: string },
  ): UtilityProcessLike;
}

export interface AppLike {
  readonly isPackaged: boolean;
  getAppPath(): string;
  getPath(name: 'userData'): string;
  whenReady(): Promise<void>;
  requestSingleInstanceLock(): boolean;
  /** Forces Chromium's sandbox on every renderer; must be called before `ready`. */
  enableSandbox(): void;
  getVersion(): string;
  on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: ElectronEvent) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  quit(): void;
  exit(code: number): void;
}

/** Everything `main.ts` takes from `require('electron')`. */
export interface ElectronMain {
  app: AppLike;
  BrowserWindow: BrowserWindowConstructor;
  protocol: ProtocolLike;
  session: { defaultSession: SessionLike };
  shell: { openExternal(url: string): Promise<void> };
  ipcMain: IpcMainLike;
  Menu: MenuApi;
  Notification: NotificationConstructor;
  utilityProcess: UtilityProcessApi;
  dialog: {
    showErrorBox(title: string, content: string): void;
    showMessageBox(options: { type: 'info'; title: string; message: string; detail: string }): Promise<unknown>;
  };
}
