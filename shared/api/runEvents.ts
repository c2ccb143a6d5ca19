// Training runs: the events a run emits (to the UI, the CLI and runs/<id>/events.jsonl) and
// the training configuration. Types and runtime schemas live together so every process
// boundary (worker -> main, main -> renderer, events.jsonl -> reader) validates the same way.
import { z } from 'zod';

// ---------------------------------------------------------------- training configuration

export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'rmsprop'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const BACKENDS = ['tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What computes a training step's forward and backward passes (the update is always TF.js). */
export const STEP_ENGINES = ['onnxruntime', 'tfjs'] as const;
export type StepEngine = (typeof STEP_ENGINES)[number];
/** 'auto': onnxruntime where it loads and can express the model, else TF.js. */
export const STEP_ENGINE_CHOICES = ['auto', ...STEP_ENGINES] as const;
export type StepEngineChoice = (typeof STEP_ENGINE_CHOICES)[number];

export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }),
  /** Multiply the rate by `gamma` every `stepSize` epochs. */
  z.object({ kind: z.literal('step'), stepSize: z.number().int().positive(), gamma: z.number().positive() }),
  /** Half a cosine from the base rate down to `minLr` over all epochs (after warm-up). */
  z.object({ kind: z.literal('cosine'), minLr: z.number().nonnegative().default(0) }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

export const AugmentSchema = z.object({
  /** Pad 4 pixels on every side, then crop back to the original size at a random offset. */
  padCrop: z.boolean(),
  /** Mirror left-right with probability 1/2. */
  flip: z.boolean(),
});
export type Augment = z.infer<typeof AugmentSchema>;

/**
 * What a user may set; everything has a default. `lr` and `weightDecay` default per optimizer
 * and `augment` per dataset (see resolveTrainConfig and the dataset loader).
 */
export const TrainConfigSchema = z.object({
  optimizer: z.enum(OPTIMIZERS).default('adam'),
  lr: z.number().positive().optional(),
  /** For momentum and nesterov (the SGD momentum) and rmsprop. */
  momentum: z.number().min(0).max(1).default(0.9),
  weightDecay: z.number().min(0).optional(),
  /** Cosine by default: the rate decays smoothly to 0, so the last epoch's model is a settled one. */
  schedule: ScheduleSchema.default({ kind: 'cosine', minLr: 0 }),
  /** Linear warm-up from ~0 to the base rate over this many epochs (fractions allowed). */
  warmupEpochs: z.number().min(0).default(0),
  batchSize: z.number().int().positive().default(32),
  epochs: z.number().int().positive().default(10),
  /** Same seed: same data order, same initial weights, same augmentation. */
  seed: z.number().int().min(0).default(1),
  validationSplit: z.number().min(0).max(0.9).default(0.2),
  /** Stop after this many epochs without a better validation loss; null = never. */
  earlyStoppingPatience: z.number().int().positive().nullable().default(null),
  augment: AugmentSchema.optional(),
  /**
   * 'precise': before each validation, recompute batch-norm statistics over ~2,000 training
   * samples with the current weights; 'moving': keep the layers' moving averages.
   */
  batchNormStats: z.enum(['precise', 'moving']).default('precise'),
  /** Use at most this many samples of the dataset (before the split). */
  limit: z.number().int().positive().optional(),
  backend: z.enum(BACKENDS).optional(),
  engine: z.enum(STEP_ENGINE_CHOICES).default('auto'),
});
export type TrainConfigInput = z.input<typeof TrainConfigSchema>;

/** A configuration with every default filled in, as recorded in run.json. */
export interface TrainConfig extends Omit<z.output<typeof TrainConfigSchema>, 'lr' | 'weightDecay'> {
  lr: number;
  weightDecay: number;
}

const DEFAULT_LR: Record<OptimizerName, number> = {
  sgd: 0.05,
  momentum: 0.05,
  nesterov: 0.05,
  adam: 0.001,
  adamw: 0.001,
  rmsprop: 0.001,
};

/** Validates a (partial) configuration and fills in the defaults. Throws a ZodError on bad input. */
export function resolveTrainConfig(input: TrainConfigInput = {}): TrainConfig {
  const c = TrainConfigSchema.parse(input);
  return {
    ...c,
    lr: c.lr ?? DEFAULT_LR[c.optimizer],
    // AdamW is Adam plus decoupled weight decay, so it gets some by default.
    weightDecay: c.weightDecay ?? (c.optimizer === 'adamw' ? 0.01 : 0),
  };
}

/** One readable sentence for the first problem in a configuration. */
export function describeConfigError(err: z.ZodError): string {
  const issue = err.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'training configuration';
  return `Invalid ${where}: ${issue?.message ?? 'unknown problem'}.`;
}

// ---------------------------------------------------------------- events

/** Fields every event has: which run, and when (milliseconds since 1970). */
const base = { runId: z.string(), t: z.number() };
const num = z.number();
const maybe = z.number().nullable();

export const StartedEventSchema = z.object({
  type: z.literal('started'),
  ...base,
  backend: z.string(),
  /** What computes the forward and backward passes (absent in runs from before engines). */
  engine: z.enum(STEP_ENGINES).optional(),
  /** Why the automatic choice fell back to TF.js, as a sentence. */
  engineNote: z.string().optional(),
  /** Trainable + non-trainable parameter count of the compiled model. */
  params: z.number().int(),
  /** Training samples per epoch. */
  samples: z.number().int(),
  valSamples: z.number().int(),
  dataset: z.string(),
  inputShape: z.array(z.number().int()),
  classes: z.number().int(),
  epochs: z.number().int(),
  batchSize: z.number().int(),
  stepsPerEpoch: z.number().int(),
  /** Folder of the run (run.json, events.jsonl, checkpoints/, model/). */
  runDir: z.string(),
});

export const BatchEventSchema = z.object({
  type: z.literal('batch'),
  ...base,
  /** 1-based epoch and step within the epoch. */
  epoch: z.number().int(),
  step: z.number().int(),
  steps: z.number().int(),
  /** Mean training loss over the epoch so far. */
  loss: num,
  /** Loss of the latest batch alone. */
  batchLoss: num,
  /** Training accuracy over the epoch so far; null for regression. */
  accuracy: maybe,
  samplesPerSec: num,
});

export const EpochEventSchema = z.object({
  type: z.literal('epoch'),
  ...base,
  epoch: z.number().int(),
  epochs: z.number().int(),
  loss: num,
  accuracy: maybe,
  /** null when there is no validation set. */
  valLoss: maybe,
  valAccuracy: maybe,
  /** Learning rate at the end of the epoch. */
  lr: num,
  seconds: num,
  samplesPerSec: num,
});

export const LayerStatSchema = z.object({
  nodeId: z.string(),
  /** Layer type, e.g. Conv2D. */
  layer: z.string(),
  /** L2 norm of this layer's weight gradients on the last batch; null for layers without weights. */
  gradNorm: maybe,
  /** L2 norm of the layer's trainable weights; null for layers without weights. */
  weightNorm: maybe,
  /** Mean and standard deviation of the layer's output on a fixed probe batch (null if not finite). */
  activationMean: maybe,
  activationStd: maybe,
});
export type LayerStat = z.infer<typeof LayerStatSchema>;

export const LayerStatsEventSchema = z.object({
  type: z.literal('layerStats'),
  ...base,
  epoch: z.number().int(),
  layers: z.array(LayerStatSchema),
});

export const CheckpointEventSchema = z.object({
  type: z.literal('checkpoint'),
  ...base,
  epoch: z.number().int(),
  kind: z.enum(['best', 'last']),
  /** Folder holding model.json + weights.bin, relative to the run folder. */
  path: z.string(),
  valAccuracy: maybe,
  valLoss: maybe,
});

const position = { epoch: z.number().int(), step: z.number().int() };
export const PausedEventSchema = z.object({ type: z.literal('paused'), ...base, ...position });
export const ResumedEventSchema = z.object({ type: z.literal('resumed'), ...base, ...position });

const summary = {
  /** Best validation accuracy over the epochs (null without validation or accuracy). */
  bestValAccuracy: maybe,
  bestEpoch: z.number().int().nullable(),
  /** Completed epochs. */
  epochs: z.number().int(),
  seconds: num,
};
/** The user stopped the run (it still has its checkpoints). */
export const StoppedEventSchema = z.object({ type: z.literal('stopped'), ...base, ...position, ...summary });
export const DoneEventSchema = z.object({
  type: z.literal('done'),
  ...base,
  ...summary,
  /** True when early stopping ended the run before the last epoch. */
  stoppedEarly: z.boolean(),
});

export const ErrorEventSchema = z.object({
  type: z.literal('error'),
  ...base,
  message: z.string(),
  nodeId: z.string().optional(),
  /** True when the run failed before its first batch (bad dataset, graph or options). */
  beforeStart: z.boolean(),
});

export const RunEventSchema = z.discriminatedUnion('type', [
  StartedEventSchema,
  BatchEventSchema,
  EpochEventSchema,
  LayerStatsEventSchema,
  CheckpointEventSchema,
  PausedEventSchema,
  ResumedEventSchema,
  StoppedEventSchema,
  DoneEventSchema,
  ErrorEventSchema,
]);

export type StartedEvent = z.infer<typeof StartedEventSchema>;
export type BatchEvent = z.infer<typeof BatchEventSchema>;
export type EpochEvent = z.infer<typeof EpochEventSchema>;
export type LayerStatsEvent = z.infer<typeof LayerStatsEventSchema>;
export type CheckpointEvent = z.infer<typeof CheckpointEventSchema>;
export type PausedEvent = z.infer<typeof PausedEventSchema>;
export type ResumedEvent = z.infer<typeof ResumedEventSchema>;
export type StoppedEvent = z.infer<typeof StoppedEventSchema>;
export type DoneEvent = z.infer<typeof DoneEventSchema>;
export type ErrorEvent = z.infer<typeof ErrorEventSchema>;
export type RunEvent = z.infer<typeof RunEventSchema>;
export type RunEventType = RunEvent['type'];

/** An event without the fields the emitter stamps on (runId, t). */
export type RunEventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'runId' | 't'> : never) : never;

/** The events that end a run: exactly one of them is the last event of every run. */
export const FINAL_EVENT_TYPES: readonly RunEventType[] = ['done', 'stopped', 'error'];

export function isFinalEvent(e: RunEvent): boolean {
  return FINAL_EVENT_TYPES.includes(e.type);
}

/** Validates an unknown value (e.g. a parsed JSON line) as a run event. Throws on bad input. */
export function parseRunEvent(value: unknown): RunEvent {
  const r = RunEventSchema.safeParse(value);
  if (r.success) return r.data;
  const type = typeof value === 'object' && value && 'type' in value ? String((value as { type: unknown }).type) : '?';
  const issue = r.error.issues[0];
  throw new Error(`Not a valid run event (type "${type}"): ${issue?.path.join('.') || 'event'} ${issue?.message ?? ''}`.trim());
}

// ---------------------------------------------------------------- the run record (run.json)

/** 'interrupted': run.json still says running but its process is gone (killed, crashed). */
export const RUN_STATUSES = ['running', 'done', 'stopped', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What run.json says about the dataset: enough to preprocess a new input the same way. */
export const RunDatasetSchema = z.object({
  spec: z.string(),
  name: z.string(),
  kind: z.enum(['image', 'table']),
  /** Per-sample shape, NHWC without the batch dimension. */
  shape: z.array(z.number().int()),
  classNames: z.array(z.string()),
  trainSamples: z.number().int(),
  valSamples: z.number().int(),
  /** Inputs are scaled to [0, 1] (images) and then standardised with these, per channel/feature. */
  mean: z.array(z.number()),
  std: z.array(z.number()),
  /** For csv data: the feature column names, in input order. */
  featureNames: z.array(z.string()).optional(),
  augment: AugmentSchema,
});
export type RunDataset = z.infer<typeof RunDatasetSchema>;

/** A resolved configuration (every default filled in), as stored in run.json. */
export const ResolvedTrainConfigSchema = TrainConfigSchema.extend({ lr: z.number(), weightDecay: z.number() });

/** runs/<id>/run.json. The graph is stored whole, so a run can be re-read without its project. */
export const RunRecordSchema = z.object({
  format: z.literal('reswire.run'),
  id: z.string(),
  status: z.enum(RUN_STATUSES),
  /** ISO 8601 times. */
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  graphName: z.string(),
  /** sha256 (hex) of the graph document as serialized in this file. */
  graphHash: z.string(),
  graph: z.record(z.string(), z.unknown()),
  config: ResolvedTrainConfigSchema,
  dataset: RunDatasetSchema,
  backend: z.string(),
  engine: z.enum(STEP_ENGINES).optional(),
  seed: z.number().int(),
  params: z.number().int(),
  inputNodeId: z.string(),
  outputNodeId: z.string(),
  loss: z.enum(['crossentropy', 'binaryCrossentropy', 'mse']),
  epochsCompleted: z.number().int(),
  bestEpoch: z.number().int().nullable(),
  bestValAccuracy: z.number().nullable(),
  bestValLoss: z.number().nullable(),
  /** The message of the error that ended the run, if one did. */
  error: z.string().nullable(),
  /** Process that trains the run, so a reader can tell a live run from a killed one. */
  pid: z.number().int().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;
