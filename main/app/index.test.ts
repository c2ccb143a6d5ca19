// The desktop app's start-up and shut-down, acted out against a fake Electron: one window on
// the app's own page, the API on IPC, the menu talking to the page, one instance at a time,
// projects the system asks it to open, and no training run or unsaved document lost when the
// app quits.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent } from '../../shared/api/runEvents';
import { eventChannel, methodChannel, studioMethodNames } from '../../shared/api/studio';
import { mlp } from '../../shared/templates';
import { serializeDocument } from '../../shared/graph/serialize';
import { electron, type FakeBrowserWindow, fakeEvent, resetElectron } from '../../test/electron/fakeElectron';
import type { RunHandle, StartRunOptions } from '../engine/train/run';

vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());

/** Training runs the studio starts: a stand-in for the worker that ends a moment after it is told to stop. */
const runs = vi.hoisted(() => ({ started: [] as { options: unknown; stop: ReturnType<typeof vi.fn>; finished: boolean }[] }));
vi.mock('../engine/train/run', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../engine/train/run')>();
  return {
    ...actual,
    startRun(options: StartRunOptions): RunHandle {
      let finish!: () => void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      const run = { options, finished: false, stop: vi.fn() };
      run.stop.mockImplementation(() => {
        setTimeout(() => {
          run.finished = true;
          finish();
        }, 20);
      });
      runs.started.push(run);
      const runId = `run-${runs.started.length}`;
      return {
        runId,
        runDir: path.join(options.runsDir ?? 'runs', runId),
        config: {} as RunHandle['config'],
        onEvent: (_listener: (e: RunEvent) => void) => () => undefined,
        events: [],
        pause: () => undefined,
        resume: () => undefined,
        stop: run.stop,
        done: done.then(() => ({ runId, runDir: '', status: 'stopped' as const, final: {} as RunEvent })),
      };
    },
  };
});

let tmp: string;
const realPlatform = process.platform;
const realArgv = process.argv;
/** The packaged app's executable, as argv[0]. */
const EXECUTABLE = '/opt/ResWire/reswire';

function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

/** Loads the main process afresh (it does its work on import) and lets Electron become ready. */
async function launch(options: { ready?: boolean } = {}): Promise<void> {
  vi.resetModules();
  await import('./index');
  if (options.ready === false) return;
  electron().app.becomeReady();
  await vi.waitFor(() => expect(electron().windows).toHaveLength(1));
}

function mainWindow(): FakeBrowserWindow {
  return electron().windows[0];
}

/** A call from the studio page, as its preload would make it. */
async function call(method: string, request: unknown = {}): Promise<any> {
  const handler = electron().handlers.get(`studio:${method}`);
  if (!handler) throw new Error(`Nothing handles ${method}.`);
  const url = mainWindow().loadedUrls[0];
  const answer = (await handler({ senderFrame: { url, parent: null } }, request)) as { ok: boolean; response?: any; error?: string };
  if (!answer.ok) throw new Error(answer.error);
  return answer.response;
}

/** The latest application menu's item with this label, at any depth. */
function menuItem(label: string): any {
  const all = (items: any[]): any[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
  const menu = electron().applicationMenus.at(-1) as { template: any[] };
  return all(menu.template).find((i: { label?: string }) => i.label === label);
}

beforeEach(() => {
  resetElectron();
  runs.started = [];
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-app-'));
  mkdirSync(path.join(tmp, 'Documents'));
  electron().app.paths = { documents: path.join(tmp, 'Documents') };
  vi.stubEnv('RESWIRE_SETTINGS_DIR', path.join(tmp, 'settings'));
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  onPlatform('linux');
  // Launched as the packaged app with no file named (vitest's own arguments are no files to open).
  process.argv = [EXECUTABLE];
});

afterEach(() => {
  process.argv = realArgv;
  onPlatform(realPlatform);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

describe('start-up', () => {
  it('registers the app:// scheme before Electron is ready, and opens nothing until then', async () => {
    await launch({ ready: false });
    expect(electron().privilegedSchemes).toEqual([{ schemes: [expect.objectContaining({ scheme: 'app' })], beforeReady: true }]);
    expect(electron().windows).toEqual([]);
    expect(electron().handleCalls).toEqual([]);
  });

  it('opens one window on the app’s own page, with the bundled preload beside the built main code', async () => {
    await launch();
    const win = mainWindow();
    expect(win.loadedUrls).toEqual(['app://studio/index.html']);
    const preload = win.options.webPreferences.preload as string;
    expect(path.isAbsolute(preload)).toBe(true);
    expect(preload).toBe(path.resolve(import.meta.dirname, '../preload/index.cjs'));
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('serves the page with its CSP from app:// and adds no header hook of its own', async () => {
    await launch();
    expect([...electron().protocolHandlers.keys()]).toEqual(['app']);
    expect(electron().headerHooks).toEqual([]);
  });

  it('handles every API method on IPC once, and answers the page', async () => {
    await launch();
    expect(electron().handleCalls).toEqual(studioMethodNames.map(methodChannel));
    const info = await call('appInfo');
    expect(info).toMatchObject({ shell: 'electron', nativeDialogs: true, projectDir: path.join(tmp, 'Documents', 'ResWire') });
  });

  it('opens projects from Documents/ResWire at first, then from the last project’s folder', async () => {
    await launch();
    expect((await call('appInfo')).projectDir).toBe(path.join(tmp, 'Documents', 'ResWire'));
    const elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    electron().answers.save = { canceled: false, filePath: path.join(elsewhere, 'first.reswire.json') };
    const picked = await call('pickSavePath', {});
    const saved = await call('saveProject', { path: picked.path, document: mlp() });
    await call('addRecent', { path: saved.path });

    resetElectron();
    electron().app.paths = { documents: path.join(tmp, 'Documents') };
    await launch();
    expect((await call('appInfo')).projectDir).toBe(elsewhere);
  });

  it('sends menu commands to the page', async () => {
    await launch();
    menuItem('Save').click();
    expect(mainWindow().webContents.sent).toContainEqual({ channel: eventChannel('menuCommand'), payload: { command: 'file.save' } });
  });

  it('puts a project the page opened into Open Recent and the system’s recent documents', async () => {
    await launch();
    expect(menuItem('No recent projects')).toBeDefined();
    const saved = await call('saveProject', { path: 'net.reswire.json', document: mlp() });
    await call('addRecent', { path: saved.path });
    expect(menuItem(saved.path)).toBeDefined();
    expect(electron().app.recentDocuments).toEqual([saved.path]);
  });

  it('tells the user, and exits, when it cannot start', async () => {
    electron().app.paths = {};
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.resetModules();
    await import('./index');
    electron().app.becomeReady();
    await vi.waitFor(() => expect(electron().app.exitCodes).toEqual([1]));
    expect(electron().errorBoxes).toEqual([{ title: 'ResWire could not start', content: expect.stringContaining('documents') }]);
    expect(electron().windows).toEqual([]);
  });
});

describe('one instance', () => {
  it('a second launch quits without opening a studio of its own', async () => {
    electron().app.hasSingleInstanceLock = false;
    await launch({ ready: false });
    expect(electron().app.quitCalls).toBe(1);
    electron().app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(electron().windows).toEqual([]);
    expect(electron().handleCalls).toEqual([]);
  });

  it('the first instance comes forward when another is launched', async () => {
    await launch();
    mainWindow().minimized = true;
    electron().app.emit('second-instance', {}, [EXECUTABLE], tmp);
    expect(mainWindow().minimized).toBe(false);
    expect(mainWindow().focused).toBe(true);
    expect(await call('takePendingOpen')).toEqual({ path: null });
  });

  it('a second launch sends its own files, resolved, along with its lock request', async () => {
    process.argv = [EXECUTABLE, '--no-sandbox', 'net.reswire.json'];
    vi.spyOn(process, 'cwd').mockReturnValue(tmp);
    electron().app.hasSingleInstanceLock = false;
    await launch({ ready: false });
    expect(electron().app.singleInstanceData).toEqual([{ files: [path.join(tmp, 'net.reswire.json')] }]);
  });
});

describe('projects the system asks to open', () => {
  let elsewhere: string;
  let project: string;

  beforeEach(() => {
    elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    project = path.join(elsewhere, 'net.reswire.json');
    writeFileSync(project, serializeDocument(mlp()));
  });

  const menuCommands = () => mainWindow().webContents.sent.filter((m) => m.channel === eventChannel('menuCommand')).map((m) => m.payload);

  it('hands the page the file named on the command line at launch, once, past Electron’s switches, relative to the working directory', async () => {
    process.argv = [EXECUTABLE, '--enable-logging', 'net.reswire.json'];
    vi.spyOn(process, 'cwd').mockReturnValue(elsewhere);
    await launch();
    expect(await call('takePendingOpen')).toEqual({ path: project });
    expect(await call('takePendingOpen')).toEqual({ path: null });
    // The page opens it as File > Open does; its folder becomes the project folder, as a dialog's pick would.
    const opened = await call('openProject', { path: project });
    expect(opened).toMatchObject({ path: project, relativePath: 'net.reswire.json', document: { name: mlp().name } });
    expect((await call('appInfo')).projectDir).toBe(elsewhere);
  });

  it('a second launch’s file: the window comes forward and the page is told to take it, relative to that launch’s folder', async () => {
    await launch();
    mainWindow().minimized = true;
    electron().app.emit('second-instance', fakeEvent(), [EXECUTABLE, 'net.reswire.json', '--original-process-start-time=13'], elsewhere, undefined);
    expect(mainWindow().minimized).toBe(false);
    expect(mainWindow().focused).toBe(true);
    expect(menuCommands()).toEqual([{ command: 'file.openFromSystem' }]);
    expect(await call('takePendingOpen')).toEqual({ path: project });

    // The files the second launch resolved itself come first (Electron may reorder its argv).
    const other = path.join(tmp, 'other.reswire.json');
    electron().app.emit('second-instance', fakeEvent(), [EXECUTABLE, '--flag', 'ignored.json'], '/', { files: [other] });
    expect(await call('takePendingOpen')).toEqual({ path: other });
  });

  it('macOS open-file before the window exists waits for the page; with every window closed, it opens one', async () => {
    onPlatform('darwin');
    await launch({ ready: false });
    const early = fakeEvent();
    electron().app.emit('open-file', early, project);
    expect(early.defaultPrevented).toBe(true);
    electron().app.becomeReady();
    await vi.waitFor(() => expect(electron().windows).toHaveLength(1));
    expect(await call('takePendingOpen')).toEqual({ path: project });

    mainWindow().close();
    expect(electron().app.quitCalls).toBe(0);
    electron().app.emit('open-file', fakeEvent(), project);
    const open = electron().windows.filter((w) => !w.isDestroyed());
    expect(open).toHaveLength(1);
    expect(await call('takePendingOpen')).toEqual({ path: project });
  });

  it('refuses a file that is not a project, or cannot be read, with the usual sentence, and leaves the project folder alone', async () => {
    const notes = path.join(elsewhere, 'notes.txt');
    writeFileSync(notes, 'shopping: milk, eggs');
    process.argv = [EXECUTABLE, notes];
    await launch();
    const folderBefore = (await call('appInfo')).projectDir;
    expect(await call('takePendingOpen')).toEqual({ path: notes });
    await expect(call('openProject', { path: notes })).rejects.toThrow(/^Could not open notes\.txt: it is not a ResWire graph that this version can read\./);
    electron().app.emit('second-instance', fakeEvent(), [EXECUTABLE, 'gone.reswire.json'], elsewhere);
    const gone = (await call('takePendingOpen')).path;
    await expect(call('openProject', { path: gone })).rejects.toThrow('Could not open gone.reswire.json: there is no such file or folder.');
    expect((await call('appInfo')).projectDir).toBe(folderBefore);
  });

  it('still refuses a file outside the project folder that the system never handed over', async () => {
    await launch();
    await expect(call('openProject', { path: project })).rejects.toThrow(/is outside the project folder/);
  });
});

describe('windows closing', () => {
  it('quits when the last window closes on Linux and Windows', async () => {
    await launch();
    mainWindow().close();
    await vi.waitFor(() => expect(electron().app.quitted).toBe(true));
  });

  it('stays running on macOS, and opens a window again when the dock icon is clicked', async () => {
    onPlatform('darwin');
    await launch();
    mainWindow().close();
    expect(electron().app.quitCalls).toBe(0);
    electron().app.emit('activate');
    expect(electron().windows.filter((w) => !w.isDestroyed())).toHaveLength(1);
  });
});

describe('quitting', () => {
  async function startTraining(): Promise<string> {
    const { runId } = await call('startRun', { graph: mlp(), trainConfig: { epochs: 50 }, dataSpec: 'spirals' });
    expect(runs.started).toHaveLength(1);
    return runId;
  }

  it('stops live training runs, and waits for them to write their files, before the process ends', async () => {
    await launch();
    await startTraining();
    const [run] = runs.started;

    electron().app.quit();
    expect(run.stop).toHaveBeenCalledTimes(1);
    expect(electron().app.quitted).toBe(false);
    await vi.waitFor(() => expect(electron().app.quitted).toBe(true));
    expect(run.finished).toBe(true);
  });

  it('asks before discarding unsaved changes, and Cancel keeps the app, the window and the runs going', async () => {
    await launch();
    await startTraining();
    await call('setDirty', { dirty: true });

    electron().answers.messageBox = 1;
    electron().app.quit();
    expect(electron().messageBoxes).toHaveLength(1);
    expect(mainWindow().isDestroyed()).toBe(false);
    expect(runs.started[0].stop).not.toHaveBeenCalled();
    expect(electron().app.quitted).toBe(false);

    electron().answers.messageBox = 0;
    electron().app.quit();
    await vi.waitFor(() => expect(electron().app.quitted).toBe(true));
    expect(runs.started[0].stop).toHaveBeenCalledTimes(1);
  });
});

describe('developing with electron-vite dev', () => {
  it('loads the dev server’s page, trusts only its origin, and keeps scripts to it in the CSP', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    await launch();
    expect(mainWindow().loadedUrls).toEqual(['http://localhost:5173']);
    expect((await call('appInfo')).shell).toBe('electron');

    const [hook] = electron().headerHooks;
    let headers: Record<string, string[]> = {};
    hook({ responseHeaders: { 'Content-Type': ['text/html'] } }, (answer: { responseHeaders: Record<string, string[]> }) => (headers = answer.responseHeaders));
    expect(headers['Content-Type']).toEqual(['text/html']);
    const [csp] = headers['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/localhost:5173;/);
    expect(csp).not.toMatch(/unsafe-eval/);
  });
});
