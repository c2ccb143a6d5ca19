// The studio window: isolated, sandboxed, no Node in the page, no navigation away, no popups,
// and a question before closing when the editor reports unsaved changes.
import { BrowserWindow, dialog, shell } from 'electron';
import type { StudioContext } from '../api/context';

export interface StudioWindowOptions {
  preload: string;
  /** app://studio/index.html, or the dev server's address while developing. */
  pageUrl: string;
  context: StudioContext;
}

export function createStudioWindow({ preload, pageUrl, context }: StudioWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'ResWire',
    backgroundColor: '#1e1f24',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());

  const pageOrigin = new URL(pageUrl);
  const samePage = (url: string) => {
    try {
      const u = new URL(url);
      return u.protocol === pageOrigin.protocol && u.host === pageOrigin.host;
    } catch {
      return false;
    }
  };
  // Links to the web open in the user's browser; nothing else opens at all.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!samePage(url)) event.preventDefault();
  });

  win.on('close', (event) => {
    if (!context.dirty) return;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Close Without Saving', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'This project has unsaved changes.',
      detail: 'If you close the window now, the changes are lost. Choose Cancel, then File > Save to keep them.',
    });
    if (choice === 1) event.preventDefault();
    else context.dirty = false;
  });

  void win.loadURL(pageUrl);
  return win;
}
