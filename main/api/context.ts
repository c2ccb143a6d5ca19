// What the handler table runs against: the project folder, the event hub, the settings
// folder, and the few things only a shell can do (dialogs, window state), passed in as hooks
// so the same table serves Electron, the web server and tests.
import type { PickPathResult, Shell } from '../../shared/api/schemas';
import type { StudioParsedRequest } from '../../shared/api/studio';
import { StudioEventHub } from './events';
import { ProjectFolder } from './projectFolder';
import { defaultSettingsDir, RecentProjects } from './recentProjects';

/** A native dialog's answer: an absolute path, or why there is none. */
export type NativePick = { outcome: 'picked'; absolute: string } | Exclude<PickPathResult, { outcome: 'picked' }>;

export interface ShellHooks {
  shell: Shell;
  /** True when pickOpenPath/pickSavePath show system dialogs. */
  nativeDialogs: boolean;
  pickOpenPath(request: StudioParsedRequest<'pickOpenPath'>, folder: string): Promise<NativePick>;
  pickSavePath(request: StudioParsedRequest<'pickSavePath'>, folder: string): Promise<NativePick>;
  /** The UI reports unsaved changes; a shell that can hold a window open asks before closing. */
  setDirty(dirty: boolean): void;
  /** The project the system asked the app to open (Electron), handed over once; else null. */
  takePendingOpen(): string | null;
  /**
   * True for a file the system handed to the app to open (Electron: file association, command
   * line, open-file): consent to open it and adopt its folder, as a pick in a dialog is.
   */
  handedOver(absolute: string): boolean;
}

/** Web pages and tests have no native dialogs: the UI shows its own picker over the project folder. */
export function inPageShell(shell: Shell): ShellHooks {
  return {
    shell,
    nativeDialogs: false,
    pickOpenPath: async () => ({ outcome: 'in-page' }),
    pickSavePath: async () => ({ outcome: 'in-page' }),
    // The page itself warns before unloading; nothing on this side can keep a tab open.
    setDirty: () => undefined,
    takePendingOpen: () => null,
    handedOver: () => false,
  };
}

export interface StudioContextOptions {
  projectDir: string;
  /** true: paths may never leave projectDir (web mode, tests). false: native dialogs may move it (Electron). */
  fixedProjectDir: boolean;
  /** Where recent.json lives; defaults to the user's config folder. */
  settingsDir?: string;
  shell?: ShellHooks;
}

export interface StudioContext {
  folder: ProjectFolder;
  events: StudioEventHub;
  recent: RecentProjects;
  shell: ShellHooks;
  /** Last value the UI gave setDirty. */
  dirty: boolean;
}

export function createStudioContext(options: StudioContextOptions): StudioContext {
  return {
    folder: new ProjectFolder(options.projectDir, options.fixedProjectDir),
    events: new StudioEventHub(),
    recent: new RecentProjects(options.settingsDir ?? defaultSettingsDir()),
    shell: options.shell ?? inPageShell('test'),
    dirty: false,
  };
}
