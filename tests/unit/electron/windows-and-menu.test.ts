import { describe, expect, it } from 'vitest';
import type { BrowserWindowLike, BrowserWindowOptions, MenuItemTemplate } from '../../../electron/main/electron-api';
import { hubEndpointsFromUrl } from '../../../electron/main/hub/hub-plan';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { ALARM_ROUTE, ConsoleWindows } from '../../../electron/main/windows';
import { FakeWebContents } from './fakes';

class FakeWindow implements BrowserWindowLike {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  shown = false;
  focused = 0;
  destroyed = false;
  private closed: Array<() => void> = [];
  constructor(readonly options: BrowserWindowOptions) {
    FakeWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    queueMicrotask(listener);
    return this;
  }
  on(_event: 'closed', listener: () => void): this {
    this.closed.push(listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused++;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.closed.forEach((listener) => listener());
  }
}

function windows(): ConsoleWindows {
  FakeWindow.created = [];
  return new ConsoleWindows({ BrowserWindow: FakeWindow, preloadPath: '/app/dist/electron/preload.cjs', hub: hubEndpointsFromUrl('http://127.0.0.1:8417') });
}

describe('ConsoleWindows', () => {
  it('loads the console from app://, hidden until its first frame, with the secure preferences', async () => {
    const main = windows().openMain() as FakeWindow;
    expect(main.loadedUrl).toBe('app://beffroi/index.html');
    expect(main.options.show).toBe(false);
    expect(main.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/dist/electron/preload.cjs' });
    expect(main.options.webPreferences.additionalArguments).toContain('--beffroi-hub-url=ws://127.0.0.1:8417/ws');
    await Promise.resolve();
    expect(main.shown).toBe(true);
  });

  it('opens the alarm window once on its route, and brings it forward afterwards', () => {
    const set = windows();
    const first = set.openAlarms() as FakeWindow;
    const again = set.openAlarms() as FakeWindow;
    expect(first.loadedUrl).toBe(`app://beffroi/index.html${ALARM_ROUTE}`);
    expect(again).toBe(first);
    expect(first.focused).toBe(1);
    expect(FakeWindow.created).toHaveLength(1);
  });

  it('focuses the existing console on a second launch, and reopens it once closed', () => {
    const set = windows();
    const main = set.openMain() as FakeWindow;
    set.focusMain();
    expect(main.focused).toBe(1);
    main.close();
    set.focusMain();
    expect(FakeWindow.created).toHaveLength(2);
  });
});

describe('the application menu', () => {
  const labels = (items: MenuItemTemplate[]): string[] => items.flatMap((item) => [item.label ?? '', ...labels(item.submenu ?? [])]).filter(Boolean);
  const actions = { openAlarmWindow: () => {}, showAbout: () => {} };

  it('speaks French', () => {
    const all = labels(buildMenuTemplate(actions, { isPackaged: true }));
    expect(all).toEqual(expect.arrayContaining(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide', 'Quitter Beffroi', 'Copier', 'Fenêtre des alarmes']));
    expect(all.filter((label) => /^(File|Edit|View|Window|Help|Quit)$/.test(label))).toEqual([]);
  });

  it('offers developer tools only in development', () => {
    const roles = (packaged: boolean) => JSON.stringify(buildMenuTemplate(actions, { isPackaged: packaged }));
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('opens the alarm window from the Fenêtre menu', () => {
    let opened = 0;
    const menu = buildMenuTemplate({ ...actions, openAlarmWindow: () => opened++ }, { isPackaged: true });
    menu.find((item) => item.label === 'Fenêtre')?.submenu?.find((item) => item.label === 'Fenêtre des alarmes')?.click?.();
    expect(opened).toBe(1);
  });
});
