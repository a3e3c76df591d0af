/**
 * The preload script, bundled to `dist/electron/preload.cjs`. It runs sandboxed and isolated: it
 * can only `require('electron')`, and what it exposes is copied across the context bridge.
 */
import { DESKTOP_BRIDGE_KEY } from '../../shared/desktop-bridge';
import { createDesktopBridge, type IpcRendererLike } from './bridge';

interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: IpcRendererLike;
}

// Loaded at runtime: the electron package (and its types) may be absent where this is built.
const { contextBridge, ipcRenderer } = require('electron') as PreloadElectron;
contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, createDesktopBridge(process.argv, ipcRenderer));
