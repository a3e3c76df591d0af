/**
 * Small stand-ins for Electron's main-process objects. The Electron binary is the one boundary
 * these tests cannot reach (it is not installed here), so the shell's modules are exercised
 * against these instead; each records what the shell registered and lets a test fire events.
 */
import type {
  ElectronEvent,
  IpcInvokeEvent,
  IpcMainLike,
  NavigationEvent,
  PermissionCheckHandler,
  PermissionRequestHandler,
  SessionLike,
  WebContentsEvents,
  WebContentsLike,
  WebFrameLike,
  WindowOpenAction,
} from '../../../electron/main/electron-api';

export class FakeEvent implements ElectronEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeNavigationEvent extends FakeEvent implements NavigationEvent {
  constructor(
    readonly url: string,
    readonly isMainFrame = true,
  ) {
    super();
  }
}

export class FakeWebContents implements WebContentsLike {
  private readonly listeners = new Map<string, Array<(...args: never[]) => void>>();
  // Listeners are stored untyped per event name; `on` and `emit` keep each name's signature.
  windowOpenHandler: ((details: { url: string }) => WindowOpenAction) | null = null;

  on<K extends keyof WebContentsEvents>(event: K, listener: WebContentsEvents[K]): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenAction): void {
    this.windowOpenHandler = handler;
  }

  emit<K extends keyof WebContentsEvents>(event: K, ...args: Parameters<WebContentsEvents[K]>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as unknown as (...a: Parameters<WebContentsEvents[K]>) => void)(...args);
  }

  listenerCount(event: keyof WebContentsEvents): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeSession implements SessionLike {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }

  /** What the request handler answers for a permission asked by a page at `requestingUrl`. */
  request(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.requestHandler?.({}, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('the permission request was never answered');
    return granted;
  }

  check(permission: string, requestingOrigin: string): boolean {
    if (!this.checkHandler) throw new Error('no permission check handler');
    return this.checkHandler({}, permission, requestingOrigin, {});
  }
}

type InvokeListener = (event: IpcInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  /** Calls a channel as `ipcRenderer.invoke` would, from the given frame. */
  async invoke(channel: string, frame: WebFrameLike | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, ...args);
  }
}

export function frame(url: string, parent: WebFrameLike | null = null): WebFrameLike {
  return { url, parent };
}
