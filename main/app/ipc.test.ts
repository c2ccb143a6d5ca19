// The Electron adapter: every method of the handler table on its own channel, registered once;
// only the studio page's own top frame may call; events reach every open window.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannel, methodChannel, studioMethodNames } from '../../shared/api/studio';
import { electron, FakeBrowserWindow, resetElectron } from '../../test/electron/fakeElectron';
import { createStudio, type Studio } from '../api/handlers';
import { isStudioFrame, registerStudioIpc } from './ipc';
import { APP_ORIGIN } from './protocol';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

let tmp: string;
let studio: Studio;

interface Frame {
  url: string;
  parent: Frame | null;
}
const topFrame = (url: string): Frame => ({ url, parent: null });
const studioFrame = topFrame(`${APP_ORIGIN}/index.html`);

/** What the page's ipcRenderer.invoke(channel, request) gets back, sent from `frame`. */
function invoke(channel: string, request: unknown, frame: Frame | null = studioFrame): Promise<any> {
  const handler = electron().handlers.get(channel);
  if (!handler) throw new Error(`Nothing handles ${channel}.`);
  return handler({ senderFrame: frame }, request) as Promise<any>;
}

beforeEach(() => {
  resetElectron();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-ipc-'));
  studio = createStudio({ projectDir: tmp, fixedProjectDir: false, settingsDir: path.join(tmp, 'settings') });
});

afterEach(async () => {
  await studio.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('registration', () => {
  it('handles every StudioApi method, each once, on the channel named by the shared table', () => {
    registerStudioIpc(studio, [APP_ORIGIN]);
    const { handleCalls } = electron();
    expect(handleCalls).toEqual(studioMethodNames.map(methodChannel));
    expect(new Set(handleCalls).size).toBe(handleCalls.length);
    // Every handler in the table is reachable: none is registered by hand under another name.
    expect(studioMethodNames.slice().sort()).toEqual(Object.keys(studio.handlers).sort());
  });

  it('takes every handler away again when disposed, so the channels can be registered anew', () => {
    const dispose = registerStudioIpc(studio, [APP_ORIGIN]);
    expect(() => registerStudioIpc(studio, [APP_ORIGIN])).toThrow(/second handler/);
    dispose();
    expect(electron().handlers.size).toBe(0);
    expect(electron().removedHandlers).toEqual(studioMethodNames.map(methodChannel));
    expect(() => registerStudioIpc(studio, [APP_ORIGIN])).not.toThrow();
  });
});

describe('who may call', () => {
  const internalErrors = vi.fn();
  beforeEach(() => {
    internalErrors.mockReset();
    registerStudioIpc(studio, [APP_ORIGIN], { onInternalError: internalErrors });
  });

  it('answers the studio page’s own top frame through the handler table', async () => {
    const answer = await invoke(methodChannel('appInfo'), {});
    expect(answer).toMatchObject({ ok: true, response: { name: 'ResWire', projectDir: tmp } });
  });

  it.each([
    ['a page from the web', topFrame('https://evil.example/')],
    ['a file on disk', topFrame('file:///home/user/page.html')],
    ['another app:// host', topFrame('app://other/index.html')],
    ['a look-alike host', topFrame('app://studio.evil/index.html')],
    ['an iframe inside the studio page', { url: `${APP_ORIGIN}/index.html`, parent: studioFrame }],
    ['a frame that is gone', null],
    ['a frame without a readable address', topFrame('')],
  ])('refuses %s, without running the handler', async (_what, frame) => {
    const setDirty = vi.spyOn(studio.handlers, 'setDirty');
    const answer = await invoke(methodChannel('setDirty'), { dirty: true }, frame);
    expect(answer).toEqual({ ok: false, error: 'Only the studio window itself may use the studio API.' });
    expect(setDirty).not.toHaveBeenCalled();
    expect(studio.context.dirty).toBe(false);
  });

  it('trusts the dev server’s origin only when it is listed', () => {
    expect(isStudioFrame(topFrame('http://localhost:5173/') as never, [APP_ORIGIN])).toBe(false);
    expect(isStudioFrame(topFrame('http://localhost:5173/') as never, [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
    expect(isStudioFrame(topFrame('http://localhost:5174/') as never, [APP_ORIGIN, 'http://localhost:5173'])).toBe(false);
  });

  it('validates the request like every other adapter', async () => {
    const answer = await invoke(methodChannel('setDirty'), { dirty: 'yes' });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/setDirty request/);
  });

  it('answers a handler’s unexpected failure with a sentence and reports it as internal', async () => {
    vi.spyOn(studio.handlers, 'listRuns').mockRejectedValue(new Error('disk on fire'));
    const answer = await invoke(methodChannel('listRuns'), {});
    expect(answer).toEqual({ ok: false, error: expect.stringContaining('disk on fire') });
    expect(internalErrors).toHaveBeenCalledWith('listRuns', expect.any(Error));
  });
});

describe('events', () => {
  it('forwards each event to every open window with webContents.send, on the event’s channel', () => {
    const stop = registerStudioIpc(studio, [APP_ORIGIN]);
    const first = new FakeBrowserWindow();
    const second = new FakeBrowserWindow();
    const closed = new FakeBrowserWindow();
    closed.destroyed = true;

    studio.context.events.emit('menuCommand', { command: 'file.save' });
    for (const win of [first, second]) {
      expect(win.webContents.sent).toEqual([{ channel: eventChannel('menuCommand'), payload: { command: 'file.save' } }]);
    }
    expect(closed.webContents.sent).toEqual([]);

    stop();
    studio.context.events.emit('menuCommand', { command: 'file.open' });
    expect(first.webContents.sent).toHaveLength(1);
  });
});
