// The desktop app's main process: Electron glue only. Everything the UI can ask for lives in
// the handler table (main/api); this file wires it to a window, IPC and the native menu.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { eventChannel } from '../../shared/api/studio';
import type { MenuCommand, RecentProject } from '../../shared/api/schemas';
import { createStudio } from '../api/handlers';
import { defaultSettingsDir, RecentProjects } from '../api/recentProjects';
import { contentSecurityPolicy } from '../server/csp';
import { registerStudioIpc } from './ipc';
import { buildStudioMenu } from './menu';
import { APP_ORIGIN, registerAppScheme, serveAppFiles } from './protocol';
import { electronShell } from './shellHooks';
import { filesInLaunchData, filesOnCommandLine, SystemOpens, type LaunchData } from './systemOpens';
import { createStudioWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preload = path.join(here, '../preload/index.cjs');
/** Set by `electron-vite dev`: the page comes from Vite's dev server, with hot reload. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

registerAppScheme();
const commandLine = (argv: readonly string[], cwd: string) =>
  filesOnCommandLine(argv, { cwd, defaultApp: Boolean(process.defaultApp), platform: process.platform });
const launchFiles = commandLine(process.argv, process.cwd());
// A second launch only hands over to the first (see 'second-instance'), its files with it:
// app.quit() takes effect later, so this process must not open a studio of its own meanwhile.
const primary = app.requestSingleInstanceLock({ files: launchFiles } satisfies LaunchData);
if (!primary) app.quit();

let win: BrowserWindow | null = null;
/** Opens the studio window; set once the studio has started. */
let openWindow: (() => void) | null = null;
const sendMenuCommand = (command: MenuCommand) => win?.webContents.send(eventChannel('menuCommand'), command);
const systemOpens = new SystemOpens(() => sendMenuCommand({ command: 'file.openFromSystem' }));

/** The studio comes forward (a window again on macOS, where the app outlives its windows). */
function bringForward(): void {
  if (!win) return openWindow?.();
  if (win.isMinimized()) win.restore();
  win.focus();
}

/** One document at a time: of several files named, the last one is opened. */
function openFromSystem(files: readonly string[]): void {
  const file = files.at(-1);
  if (file) systemOpens.request(file);
}

if (primary) {
  openFromSystem(launchFiles);
  // macOS hands files over here (Finder, the Dock, `open`), at launch even before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromSystem([file]);
    bringForward();
  });
}

/** Where projects open by default: the last project's folder, else Documents/ResWire. */
async function initialProjectDir(settingsDir: string): Promise<string> {
  const [last] = await new RecentProjects(settingsDir).list();
  if (last) return path.dirname(last.path);
  const dir = path.join(app.getPath('documents'), 'ResWire');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function start(): Promise<void> {
  serveAppFiles(rendererDir);
  if (devServerUrl) {
    // The dev server's page needs inline scripts for hot reload; the built app never does.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      const csp = contentSecurityPolicy({ connect: [devServerUrl.replace(/^http/, 'ws')] }).replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }

  const settingsDir = defaultSettingsDir();
  const studio = createStudio({
    projectDir: await initialProjectDir(settingsDir),
    fixedProjectDir: false,
    settingsDir,
    shell: electronShell(() => win, systemOpens),
  });

  const refreshMenu = (recent: readonly RecentProject[]) => Menu.setApplicationMenu(buildStudioMenu(sendMenuCommand, recent));
  const addRecent = studio.handlers.addRecent;
  studio.handlers.addRecent = async (request) => {
    const answer = await addRecent(request);
    refreshMenu(answer.projects);
    if (answer.projects[0]) app.addRecentDocument(answer.projects[0].path);
    return answer;
  };
  refreshMenu((await studio.handlers.recentProjects({})).projects);

  const trusted = [APP_ORIGIN, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];
  registerStudioIpc(studio, trusted, {
    onInternalError: (method, e) => console.error(`Internal error in ${method}:`, e),
  });

  openWindow = () => {
    win = createStudioWindow({ preload, pageUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`, context: studio.context });
    win.on('closed', () => (win = null));
  };
  openWindow();

  // Electron may reorder or add to a second launch's argv; the files it sent itself come first.
  app.on('second-instance', (_event, argv, workingDirectory, data) => {
    openFromSystem(filesInLaunchData(data) ?? commandLine(argv, workingDirectory));
    bringForward();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow?.();
  });
  // Live runs are stopped properly (checkpoints and run.json written) before the process ends.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void studio.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (primary) {
  app.whenReady().then(start).catch((e: unknown) => {
    // Otherwise a failed start leaves a running app with no window and no word why.
    console.error('ResWire could not start:', e);
    dialog.showErrorBox('ResWire could not start', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}
