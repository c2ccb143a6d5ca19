// A stand-in for the `electron` module (the runtime cannot be installed on build machines),
// for tests of the glue in main/app and main/preload. It records what the glue asks Electron
// to do, and acts out the few behaviours the glue relies on: a window's close can be
// prevented, quitting closes every window first and can be cancelled by a window or by
// will-quit, ipcMain refuses a second handler for a channel.
//
// Use it with
//   vi.mock('electron', async () => (await import('../../test/electron/fakeElectron')).fakeElectronModule());
// The recorder lives on globalThis, so it is the same object however often modules are reset.
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type Listener = (...args: any[]) => unknown;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** What happens when the page (or something in it) navigates: true when the navigation goes ahead. */
  navigate(url: string): boolean {
    const event = fakeEvent();
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  readonly documentEdited: boolean[] = [];
  shown = false;
  destroyed = false;
  minimized = false;
  focused = false;

  constructor(readonly options: Record<string, any> = {}) {
    super();
    electron().windows.push(this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return electron().windows.filter((w) => !w.destroyed);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited.push(edited);
  }

  /** The user (or quitting) asks the window to close; false when a 'close' listener prevented it. */
  close(): boolean {
    if (this.destroyed) return true;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.emit('closed');
    const fake = electron();
    if (!fake.app.quitting && FakeBrowserWindow.getAllWindows().length === 0) fake.app.emit('window-all-closed');
    return true;
  }
}

export class FakeApp extends EventEmitter {
  hasSingleInstanceLock = true;
  /** What each requestSingleInstanceLock call sent along for the first instance. */
  readonly singleInstanceData: unknown[] = [];
  isPackaged = false;
  paths: Record<string, string> = {};
  readonly recentDocuments: string[] = [];
  quitCalls = 0;
  exitCodes: number[] = [];
  /** Set once quitting got past every window and every will-quit listener. */
  quitted = false;
  quitting = false;
  isReadyNow = false;
  #ready!: () => void;
  readonly #whenReady = new Promise<void>((resolve) => (this.#ready = resolve));

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    this.singleInstanceData.push(additionalData);
    return this.hasSingleInstanceLock;
  }
  whenReady(): Promise<void> {
    return this.#whenReady;
  }
  /** Electron has finished starting up. */
  becomeReady(): void {
    this.isReadyNow = true;
    this.emit('ready');
    this.#ready();
  }
  getPath(name: string): string {
    const found = this.paths[name];
    if (!found) throw new Error(`The fake app has no path called ${name}.`);
    return found;
  }
  addRecentDocument(file: string): void {
    this.recentDocuments.push(file);
  }
  /** As Electron does: before-quit, then every window is asked to close, then will-quit; any of them may cancel. */
  quit(): void {
    this.quitCalls++;
    if (this.quitting || this.quitted) return;
    this.quitting = true;
    try {
      const before = fakeEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      for (const win of FakeBrowserWindow.getAllWindows()) if (!win.close()) return;
      const willQuit = fakeEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      this.quitted = true;
    } finally {
      this.quitting = false;
    }
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

export interface FakeMenu {
  template: any[];
}

export interface DialogCall {
  window: FakeBrowserWindow | null;
  options: Record<string, any>;
}

export interface FakeElectron {
  app: FakeApp;
  windows: FakeBrowserWindow[];
  /** ipcMain.handle registrations in order; `handlers` holds the live ones. */
  handleCalls: string[];
  handlers: Map<string, Listener>;
  removedHandlers: string[];
  menus: FakeMenu[];
  applicationMenus: (FakeMenu | null)[];
  privilegedSchemes: { schemes: any[]; beforeReady: boolean }[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>;
  headerHooks: Listener[];
  openDialogs: DialogCall[];
  saveDialogs: DialogCall[];
  messageBoxes: DialogCall[];
  errorBoxes: { title: string; content: string }[];
  /** What the next dialogs answer. */
  answers: {
    open: { canceled: boolean; filePaths: string[] };
    save: { canceled: boolean; filePath?: string };
    /** Index of the button the user presses in a message box. */
    messageBox: number;
  };
  externalUrls: string[];
  exposed: { key: string; api: any }[];
  invokes: { channel: string; args: unknown[] }[];
  /** ipcRenderer.invoke's answer (the main side's envelope). */
  invokeAnswer: (channel: string, ...args: unknown[]) => unknown;
  rendererListeners: Map<string, Listener[]>;
}

const KEY = Symbol.for('reswire.fakeElectron');

function freshState(): FakeElectron {
  return {
    app: new FakeApp(),
    windows: [],
    handleCalls: [],
    handlers: new Map(),
    removedHandlers: [],
    menus: [],
    applicationMenus: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    headerHooks: [],
    openDialogs: [],
    saveDialogs: [],
    messageBoxes: [],
    errorBoxes: [],
    answers: { open: { canceled: true, filePaths: [] }, save: { canceled: true }, messageBox: 0 },
    externalUrls: [],
    exposed: [],
    invokes: [],
    invokeAnswer: () => ({ ok: false, error: 'No answer was set up for this call.' }),
    rendererListeners: new Map(),
  };
}

/** The recorder every fake module instance shares. */
export function electron(): FakeElectron {
  const global = globalThis as { [KEY]?: FakeElectron };
  return (global[KEY] ??= freshState());
}

/** Forgets everything recorded (a new app, no windows, no handlers). */
export function resetElectron(): FakeElectron {
  (globalThis as { [KEY]?: FakeElectron })[KEY] = freshState();
  return electron();
}

function dialogCall(args: unknown[]): DialogCall {
  return args.length > 1
    ? { window: args[0] as FakeBrowserWindow, options: args[1] as Record<string, any> }
    : { window: null, options: args[0] as Record<string, any> };
}

/** The module object that stands in for `electron`. */
export function fakeElectronModule() {
  const app = new Proxy({} as FakeApp, {
    get(_target, name) {
      const target = electron().app;
      const value = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      const fake = electron();
      // Electron throws here too: one handler per channel.
      if (fake.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.handleCalls.push(channel);
      fake.handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      electron().removedHandlers.push(channel);
      electron().handlers.delete(channel);
    },
  };
  const Menu = {
    buildFromTemplate(template: any[]): FakeMenu {
      const menu = { template };
      electron().menus.push(menu);
      return menu;
    },
    setApplicationMenu(menu: FakeMenu | null) {
      electron().applicationMenus.push(menu);
    },
  };
  const protocol = {
    registerSchemesAsPrivileged(schemes: any[]) {
      electron().privilegedSchemes.push({ schemes, beforeReady: !electron().app.isReadyNow });
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      electron().protocolHandlers.set(scheme, handler);
    },
  };
  const session = {
    defaultSession: {
      webRequest: {
        onHeadersReceived(listener: Listener) {
          electron().headerHooks.push(listener);
        },
      },
    },
  };
  const dialog = {
    async showOpenDialog(...args: unknown[]) {
      electron().openDialogs.push(dialogCall(args));
      return electron().answers.open;
    },
    async showSaveDialog(...args: unknown[]) {
      electron().saveDialogs.push(dialogCall(args));
      return electron().answers.save;
    },
    showMessageBoxSync(...args: unknown[]) {
      electron().messageBoxes.push(dialogCall(args));
      return electron().answers.messageBox;
    },
    showErrorBox(title: string, content: string) {
      electron().errorBoxes.push({ title, content });
    },
  };
  const shell = {
    async openExternal(url: string) {
      electron().externalUrls.push(url);
    },
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      electron().exposed.push({ key, api });
    },
  };
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]) {
      electron().invokes.push({ channel, args });
      return electron().invokeAnswer(channel, ...args);
    },
    on(channel: string, listener: Listener) {
      const listeners = electron().rendererListeners;
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: Listener) {
      const listeners = electron().rendererListeners;
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      return ipcRenderer;
    },
  };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    Menu,
    protocol,
    session,
    dialog,
    shell,
    contextBridge,
    ipcRenderer,
  };
  return { ...module, default: module };
}

/** The main side sends an event to the page (as webContents.send would deliver it to the preload). */
export function sendToRenderer(channel: string, payload: unknown): void {
  for (const listener of electron().rendererListeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, payload);
}
