// StudioApi: everything the UI asks of the Node side. The method and event tables below are
// the single source: the StudioApi type, the handler table's type, and every adapter's
// channel names are derived from them, so no name is written twice.
import type { z } from 'zod';
import * as s from './schemas';

interface MethodSpec {
  request: z.ZodType;
  response: z.ZodType;
}

export const studioMethods = {
  /** Version, shell, platform, project folder and available training backends. */
  appInfo: { request: s.noRequest, response: s.appInfoSchema },

  /** One folder of the project (the root when `dir` is omitted). */
  listProjectFiles: { request: s.listProjectFilesRequest, response: s.listProjectFilesResponse },
  /** Reads, parses and migrates a graph document. */
  openProject: { request: s.openProjectRequest, response: s.openProjectResponse },
  /** Writes a graph document atomically: the old file stays whole if anything fails. */
  saveProject: { request: s.saveProjectRequest, response: s.saveProjectResponse },
  recentProjects: { request: s.noRequest, response: s.recentProjectsResponse },
  addRecent: { request: s.addRecentRequest, response: s.recentProjectsResponse },

  /** Native open/save dialogs in Electron; `{outcome: 'in-page'}` in web mode. */
  pickOpenPath: { request: s.pickPathRequest, response: s.pickPathResponse },
  pickSavePath: { request: s.pickPathRequest, response: s.pickPathResponse },
  /** Unsaved changes: Electron asks before closing the window, the web page before unloading. */
  setDirty: { request: s.setDirtyRequest, response: s.setDirtyResponse },
  /**
   * The project the system asked the desktop app to open (a file association, the command
   * line, a second launch, macOS open-file), handed over once; the page asks at start-up and
   * on a file.openFromSystem menu command. Always null in web mode.
   */
  takePendingOpen: { request: s.noRequest, response: s.pendingOpenResponse },

  startRun: { request: s.startRunRequest, response: s.startRunResponse },
  pauseRun: { request: s.runRequest, response: s.runControlResponse },
  resumeRun: { request: s.runRequest, response: s.runControlResponse },
  stopRun: { request: s.runRequest, response: s.runControlResponse },
  listRuns: { request: s.noRequest, response: s.listRunsResponse },
  /** Every event of a run so far, from its events.jsonl (live or finished). */
  getRunEvents: { request: s.runRequest, response: s.getRunEventsResponse },

  /** Builds the model on the engine and reports backend, parameter counts and errors. */
  compileSummary: { request: s.compileSummaryRequest, response: s.compileSummaryResponse },
  /** A few samples of a data set, with its shape and class names. */
  datasetPreview: { request: s.datasetPreviewRequest, response: s.datasetPreviewResponse },
} satisfies Record<string, MethodSpec>;

/** Streams from the Node side; the UI subscribes with `on<Name>` and gets an unsubscribe function. */
export const studioEvents = {
  runEvent: s.runEventMessage,
  menuCommand: s.menuCommandSchema,
} satisfies Record<string, z.ZodType>;

export type StudioMethodName = keyof typeof studioMethods;
export type StudioEventName = keyof typeof studioEvents;

/** What a caller passes (defaults not yet applied). */
export type StudioRequest<K extends StudioMethodName> = z.input<(typeof studioMethods)[K]['request']>;
/** What a handler receives after validation (defaults applied). */
export type StudioParsedRequest<K extends StudioMethodName> = z.output<(typeof studioMethods)[K]['request']>;
export type StudioResponse<K extends StudioMethodName> = z.output<(typeof studioMethods)[K]['response']>;
export type StudioEventPayload<K extends StudioEventName> = z.output<(typeof studioEvents)[K]>;

export type Unsubscribe = () => void;

/** Methods whose request has no required field may be called with no argument. */
type MethodCall<K extends StudioMethodName> =
  Record<string, never> extends StudioRequest<K>
    ? (request?: StudioRequest<K>) => Promise<StudioResponse<K>>
    : (request: StudioRequest<K>) => Promise<StudioResponse<K>>;

export type StudioEventMethodName<K extends StudioEventName = StudioEventName> = `on${Capitalize<K>}`;

type EventSubscriptions = {
  [K in StudioEventName as StudioEventMethodName<K>]: (listener: (payload: StudioEventPayload<K>) => void) => Unsubscribe;
};

/**
 * The whole API as the UI sees it, whatever the transport. Every method resolves with the
 * response or rejects with an Error whose message is a sentence for the user.
 */
export type StudioApi = { [K in StudioMethodName]: MethodCall<K> } & EventSubscriptions;

export const studioMethodNames = Object.keys(studioMethods) as StudioMethodName[];
export const studioEventNames = Object.keys(studioEvents) as StudioEventName[];

/** The IPC channel (Electron) and message name (WebSocket) of a method. */
export function methodChannel(name: StudioMethodName): string {
  return `studio:${name}`;
}

/** The IPC channel of an event stream. */
export function eventChannel(name: StudioEventName): string {
  return `studio:event:${name}`;
}

/** `runEvent` -> `onRunEvent`. */
export function eventMethodName<K extends StudioEventName>(name: K): StudioEventMethodName<K> {
  return `on${name[0].toUpperCase()}${name.slice(1)}` as StudioEventMethodName<K>;
}

export function isStudioMethodName(name: unknown): name is StudioMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(studioMethods, name);
}

export function isStudioEventName(name: unknown): name is StudioEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(studioEvents, name);
}
