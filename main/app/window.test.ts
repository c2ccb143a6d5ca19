// The studio window as a security review and a user see it: no Node in the page, no way out
// of the app's own pages, and unsaved work not lost to a stray click on the close button.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, type FakeBrowserWindow, resetElectron } from '../../test/electron/fakeElectron';
import { createStudioContext, type StudioContext } from '../api/context';
import { createStudioWindow } from './window';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

let context: StudioContext;

function open(pageUrl = 'app://studio/index.html'): FakeBrowserWindow {
  return createStudioWindow({ preload: '/app/out/preload/index.cjs', pageUrl, context }) as unknown as FakeBrowserWindow;
}

beforeEach(() => {
  resetElectron();
  context = createStudioContext({ projectDir: '/tmp/reswire-window-test', fixedProjectDir: false, settingsDir: '/tmp/reswire-window-test/settings' });
});

describe('web preferences', () => {
  it('isolates and sandboxes the page, with no Node and the preload as the only bridge', () => {
    const win = open();
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // Nothing that would loosen those: every one of these defaults to off, and must stay off.
    for (const risky of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'webviewTag', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs[risky], risky).toBeFalsy();
    }
    expect(Object.keys(prefs).sort()).toEqual(['contextIsolation', 'nodeIntegration', 'preload', 'sandbox', 'spellcheck', 'webSecurity']);
  });

  it('loads the page it is given and shows itself once the page has painted', () => {
    const win = open();
    expect(win.loadedUrls).toEqual(['app://studio/index.html']);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('leaving the page', () => {
  it('opens no new windows; https links go to the user’s browser, other schemes nowhere', () => {
    const win = open();
    const handler = win.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://arxiv.org/abs/1512.03385' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://studio/index.html' })).toEqual({ action: 'deny' });
    expect(electron().externalUrls).toEqual(['https://arxiv.org/abs/1512.03385']);
  });

  it('navigates only within the studio’s own origin', () => {
    const win = open();
    expect(win.webContents.navigate('app://studio/index.html#runs')).toBe(true);
    expect(win.webContents.navigate('https://example.com/')).toBe(false);
    expect(win.webContents.navigate('file:///home/user/evil.html')).toBe(false);
    expect(win.webContents.navigate('app://other/index.html')).toBe(false);
    expect(win.webContents.navigate('not a url')).toBe(false);
  });

  it('while developing, navigates only within the dev server’s origin', () => {
    const win = open('http://localhost:5173/');
    expect(win.webContents.navigate('http://localhost:5173/index.html')).toBe(true);
    expect(win.webContents.navigate('http://localhost:5174/')).toBe(false);
    expect(win.webContents.navigate('app://studio/index.html')).toBe(false);
  });
});

describe('closing with unsaved changes', () => {
  it('closes without asking when everything is saved', () => {
    const win = open();
    expect(win.close()).toBe(true);
    expect(electron().messageBoxes).toEqual([]);
  });

  it('asks first when the editor reported unsaved changes, and Cancel keeps the window open', () => {
    const win = open();
    context.dirty = true;
    electron().answers.messageBox = 1;
    expect(win.close()).toBe(false);
    expect(win.isDestroyed()).toBe(false);

    const [question] = electron().messageBoxes;
    expect(question.window).toBe(win);
    expect(question.options.message).toMatch(/unsaved changes/);
    const cancel = question.options.buttons.indexOf('Cancel');
    // Enter and Escape both choose Cancel: losing work needs a deliberate click.
    expect(question.options.defaultId).toBe(cancel);
    expect(question.options.cancelId).toBe(cancel);
    expect(context.dirty).toBe(true);
  });

  it('closes when the user chooses to discard the changes, and does not ask again', () => {
    const win = open();
    context.dirty = true;
    electron().answers.messageBox = 0;
    expect(electron().messageBoxes).toHaveLength(0);
    expect(win.close()).toBe(true);
    expect(electron().messageBoxes[0].options.buttons[0]).toBe('Close Without Saving');
    expect(context.dirty).toBe(false);
    expect(win.isDestroyed()).toBe(true);
  });
});
