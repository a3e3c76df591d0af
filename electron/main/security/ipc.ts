import type { z } from 'zod';
import { isAppUrl } from '../app-origin';
import type { IpcInvokeEvent, IpcMainLike, WebFrameLike } from '../electron-api';

/**
 * An IPC message is trusted only when it comes from the app's own top-level frame: a frame that
 * navigated away (null), a subframe, or any other origin is refused before anything is parsed.
 */
export function isTrustedSender(frame: WebFrameLike | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Thrown back to the renderer (as a rejected `invoke`) for refused calls. */
export class IpcRefusedError extends Error {
  override readonly name = 'IpcRefusedError';
}

/**
 * Registers an `ipcMain.handle` channel whose handler runs only for a trusted sender and with
 * arguments that parse against `schema` (a tuple of the `invoke` arguments).
 */
export function handleTrustedIpc<Schema extends z.ZodType<unknown[]>>(
  ipcMain: IpcMainLike,
  channel: string,
  schema: Schema,
  handler: (args: z.infer<Schema>) => unknown,
): void {
  ipcMain.handle(channel, (event: IpcInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) {
      throw new IpcRefusedError(`Appel « ${channel} » refusé : il ne vient pas de la console.`);
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) throw new IpcRefusedError(`Appel « ${channel} » refusé : arguments invalides.`);
    return handler(parsed.data);
  });
}
