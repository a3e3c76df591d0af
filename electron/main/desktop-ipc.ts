import { z } from 'zod';
import { DesktopIpc } from '../../shared/desktop-bridge';
import type { IpcMainLike, NotificationConstructor } from './electron-api';
import { handleTrustedIpc } from './security/ipc';

/** Arguments of `notify` (title, body): IPC input is untrusted, and a notification is short. */
export const NotifyArgs = z.tuple([z.string().min(1).max(200), z.string().max(1000)]);

export interface DesktopActions {
  Notification: NotificationConstructor;
  openAlarmWindow(): void;
}

/** The only IPC the console can reach: each channel checks its sender and parses its arguments. */
export function registerDesktopIpc(ipcMain: IpcMainLike, actions: DesktopActions): void {
  handleTrustedIpc(ipcMain, DesktopIpc.notify, NotifyArgs, ([title, body]) => {
    if (actions.Notification.isSupported()) new actions.Notification({ title, body }).show();
  });
  handleTrustedIpc(ipcMain, DesktopIpc.openAlarmWindow, z.tuple([]), () => {
    actions.openAlarmWindow();
  });
}
