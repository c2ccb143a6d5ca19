// Payload schemas of the StudioApi, one per request and response. The method table in
// studio.ts pairs them up; every adapter validates with these at its boundary.
import { z } from 'zod';
import { graphDocumentSchema as documentShape } from '../graph/schema';
import type { GraphDocument } from '../graph/types';
import { RunEventSchema, RUN_STATUSES, TrainConfigSchema } from './runEvents';

/**
 * A graph document at the boundary: the graph module's schema (structure only; references
 * are checked by the handlers with parseDocument), typed as the GraphDocument the UI uses.
 */
export const graphDocumentSchema = documentShape as unknown as z.ZodType<GraphDocument>;

/** Methods that take nothing still get an object, so every request validates the same way. */
export const noRequest = z.object({}).strict();

// ---------------------------------------------------------------- the app

export const SHELLS = ['electron', 'web', 'test'] as const;
export type Shell = (typeof SHELLS)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which adapter the UI is talking through. */
  shell: z.enum(SHELLS),
  /** true: pickOpenPath/pickSavePath show the system's dialogs; false: the UI shows its own picker. */
  nativeDialogs: z.boolean(),
  /** process.platform of the Node side, e.g. linux, darwin, win32. */
  platform: z.string(),
  /** Absolute folder every project path is resolved against (and confined to). */
  projectDir: z.string(),
  /** Training backends that load on this machine, best first; the first is used unless a run asks otherwise. */
  backends: z.array(z.string()),
  /** Why a missing backend is missing, keyed by backend name, e.g. tensorflow: "not installed". */
  backendProblems: z.record(z.string(), z.string()),
  /**
   * Engines beside TF.js that compute training steps here ('onnxruntime' when installed): runs
   * use them for models whose every layer they can express.
   */
  engines: z.array(z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// ---------------------------------------------------------------- project files

/** File name ending the studio gives projects it saves; the in-page picker shows these first. */
export const PROJECT_EXTENSION = '.reswire.json';

/** A path as the UI sends it: relative to the project folder, or absolute inside it. */
export const projectPathSchema = z.string().min(1).max(4096);

export const projectEntrySchema = z.object({
  name: z.string(),
  /** Relative to the project folder, with forward slashes. */
  path: z.string(),
  kind: z.enum(['folder', 'file']),
  /** A file that looks like a ResWire graph by its name (*.reswire.json or *.json). */
  isProject: z.boolean(),
  size: z.number(),
  /** Milliseconds since 1970. */
  modified: z.number(),
});
export type ProjectEntry = z.infer<typeof projectEntrySchema>;

export const listProjectFilesRequest = z.object({ dir: z.string().max(4096).optional() }).strict();
export const listProjectFilesResponse = z.object({
  /** Absolute project folder. */
  root: z.string(),
  /** The listed folder relative to the root ('' for the root itself). */
  dir: z.string(),
  /** Folders first, then files, each alphabetically; hidden entries left out. */
  entries: z.array(projectEntrySchema),
});

/** Where a file lives: absolute, and relative to the project folder. */
const fileLocation = { path: z.string(), relativePath: z.string() };

export const openProjectRequest = z.object({ path: projectPathSchema }).strict();
export const openProjectResponse = z.object({
  ...fileLocation,
  /** The file exactly as stored. */
  text: z.string(),
  /** The document parsed and migrated to the current version. */
  document: graphDocumentSchema,
  /** Set when the file was an older version and was migrated on load (saving writes the new one). */
  migratedFrom: z.number().int().nullable(),
});

export const saveProjectRequest = z.object({ path: projectPathSchema, document: graphDocumentSchema }).strict();
export const saveProjectResponse = z.object({ ...fileLocation, bytes: z.number().int() });

export const recentProjectSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** ISO 8601. */
  openedAt: z.string(),
});
export type RecentProject = z.infer<typeof recentProjectSchema>;
export const recentProjectsResponse = z.object({ projects: z.array(recentProjectSchema) });
export const addRecentRequest = z.object({ path: projectPathSchema }).strict();

// ---------------------------------------------------------------- dialogs and window state

export const pickPathRequest = z
  .object({
    title: z.string().max(200).optional(),
    /** Save dialogs: the file name offered at first. */
    suggestedName: z.string().max(255).optional(),
  })
  .strict();
/**
 * picked: the user chose a file; canceled: they closed the dialog; in-page: this shell has no
 * native dialogs (web mode), so the UI shows its own picker built on listProjectFiles.
 */
export const pickPathResponse = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('picked'), ...fileLocation }),
  z.object({ outcome: z.literal('canceled') }),
  z.object({ outcome: z.literal('in-page') }),
]);
export type PickPathResult = z.infer<typeof pickPathResponse>;

export const setDirtyRequest = z.object({ dirty: z.boolean() }).strict();
export const setDirtyResponse = z.object({ dirty: z.boolean() });

/** An absolute path the system asked the studio to open, or null when none is waiting. */
export const pendingOpenResponse = z.object({ path: z.string().nullable() });

// ---------------------------------------------------------------- runs

export const runIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!\.+$)[\w.-]+$/, 'must be a run id: letters, digits, dots, dashes and underscores');

export const startRunRequest = z
  .object({
    graph: graphDocumentSchema,
    trainConfig: TrainConfigSchema,
    /** A dataset spec as the CLI takes it, e.g. "mnist", "fashion-mnist", "spirals", "cifar10:data/cifar". */
    dataSpec: z.string().min(1).max(4096),
  })
  .strict();
export const startRunResponse = z.object({ runId: z.string() });

export const runRequest = z.object({ runId: runIdSchema }).strict();
/** What a control call left the run doing; its events confirm when the loop gets there. */
export const RUN_STATES = ['running', 'paused', 'stopping'] as const;
export const runControlResponse = z.object({ runId: z.string(), state: z.enum(RUN_STATES) });

export const runSummarySchema = z.object({
  id: z.string(),
  status: z.enum(RUN_STATUSES),
  /** True while this studio session is training it (it can be paused or stopped). */
  live: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  graphName: z.string(),
  dataset: z.string(),
  backend: z.string(),
  params: z.number().int(),
  epochs: z.number().int(),
  epochsCompleted: z.number().int(),
  bestValAccuracy: z.number().nullable(),
  bestValLoss: z.number().nullable(),
  error: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
/** Newest first; run folders whose run.json cannot be read are left out. */
export const listRunsResponse = z.object({ runs: z.array(runSummarySchema) });
export const getRunEventsResponse = z.object({ runId: z.string(), events: z.array(RunEventSchema) });

// ---------------------------------------------------------------- engine and data

export const compileSummaryRequest = z
  .object({ graph: graphDocumentSchema, backend: z.string().optional() })
  .strict();

export const compileSummaryResponse = z.object({
  /** false when the graph does not compile; `errors` say why and `model` is null. */
  ok: z.boolean(),
  /** The TF.js backend that built the model, e.g. wasm. */
  backend: z.string(),
  model: z
    .object({
      params: z.number().int(),
      trainableParams: z.number().int(),
      nonTrainableParams: z.number().int(),
      /** TF.js layers after blocks are expanded. */
      layers: z.number().int(),
      inputShape: z.array(z.number().int()),
      outputShape: z.array(z.number().int()),
      classes: z.number().int(),
    })
    .nullable(),
  errors: z.array(z.object({ nodeId: z.string().nullable(), message: z.string() })),
});
export type CompileSummary = z.infer<typeof compileSummaryResponse>;

export const datasetPreviewRequest = z
  .object({
    spec: z.string().min(1).max(4096),
    count: z.number().int().min(1).max(64).default(8),
    /** The graph's Input shape: folder images are resized and synthetic shapes drawn to it. */
    inputShape: z.array(z.number().int().positive()).min(1).max(4).optional(),
  })
  .strict();

export const datasetSampleSchema = z.object({
  /** Class index, and its name. */
  label: z.number().int(),
  className: z.string(),
  /** Image data sets: the sample's values scaled to 0..255, row-major HWC. Tables: null. */
  pixels: z.array(z.number()).nullable(),
  /** Table data sets: the feature values. Images: null. */
  features: z.array(z.number()).nullable(),
});

export const datasetPreviewResponse = z.object({
  name: z.string(),
  kind: z.enum(['image', 'table']),
  /** Per-sample shape, NHWC without the batch dimension. */
  shape: z.array(z.number().int()),
  classNames: z.array(z.string()),
  /** Spread over the classes, in class order. */
  samples: z.array(datasetSampleSchema),
});
export type DatasetPreview = z.infer<typeof datasetPreviewResponse>;

// ---------------------------------------------------------------- events

export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.openRecent',
  'file.openFromSystem',
  'file.save',
  'file.saveAs',
  'edit.undo',
  'edit.redo',
  'edit.delete',
  'edit.duplicate',
  'edit.selectAll',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'view.fit',
  'help.shortcuts',
] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];

/**
 * A menu item the user chose; `path` only for file.openRecent. file.openFromSystem: the system
 * asked the desktop app to open a project (file association, command line, a second launch,
 * macOS open-file); the page takes it with takePendingOpen.
 */
export const menuCommandSchema = z.object({ command: z.enum(MENU_COMMANDS), path: z.string().optional() });
export type MenuCommand = z.infer<typeof menuCommandSchema>;

export const runEventMessage = RunEventSchema;
