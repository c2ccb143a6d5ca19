// The Electron adapter: one ipcMain.handle per method of the table, one webContents.send per
// event, channel names derived from the table. Only the studio's own page may call.
import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { eventChannel, methodChannel, studioMethodNames } from '../../shared/api/studio';
import type { StudioEnvelope } from '../../shared/api/wire';
import { dispatchStudioCall, type DispatchOptions } from '../api/dispatch';
import type { Studio } from '../api/handlers';

/** The studio page's own top frame: its origin is the app's (or the dev server's while developing). */
export function isStudioFrame(frame: WebFrameMain | null, trustedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent) return false;
  try {
    // URL.origin is "null" for custom schemes such as app://, so compare scheme and host.
    const url = new URL(frame.url);
    return trustedOrigins.includes(`${url.protocol}//${url.host}`);
  } catch {
    return false;
  }
}

export function registerStudioIpc(studio: Studio, trustedOrigins: readonly string[], options: DispatchOptions = {}): () => void {
  for (const name of studioMethodNames) {
    ipcMain.handle(methodChannel(name), async (event, request: unknown): Promise<StudioEnvelope> => {
      if (!isStudioFrame(event.senderFrame, trustedOrigins)) {
        return { ok: false, error: 'Only the studio window itself may use the studio API.' };
      }
      return dispatchStudioCall(studio.handlers, name, request, options);
    });
  }
  const stopEvents = studio.context.events.subscribe((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(eventChannel(event), payload);
    }
  });
  return () => {
    stopEvents();
    for (const name of studioMethodNames) ipcMain.removeHandler(methodChannel(name));
  };
}
