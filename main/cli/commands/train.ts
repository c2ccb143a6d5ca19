// `reswire train GRAPH --data SPEC`: trains a graph in a worker thread, shows progress (or
// streams the events as JSON lines), and leaves the run under --out.
import { relative } from 'node:path';
import type { RunEvent, Schedule, TrainConfigInput } from '../../../shared/api/runEvents';
import { BACKENDS, OPTIMIZERS, STEP_ENGINE_CHOICES, type StartedEvent } from '../../../shared/api/runEvents';
import { DATA_SPEC_HELP } from '../../engine/data/spec';
import { startRun } from '../../engine/train/run';
import { type Command, type CommandIo, UsageError } from '../command';
import { readGraphFile } from '../graph-file';

const help = `Usage: reswire train GRAPH --data SPEC [options]

Trains the graph in GRAPH (a .json graph file, e.g. from \`reswire template\`) on a dataset,
in a worker thread. Each run gets a folder under --out: run.json (graph, settings, hash,
status), events.jsonl (every event as it happens), checkpoints/best, checkpoints/last and
model/ (the best epoch's model, TF.js layers format).

Datasets (--data):
${DATA_SPEC_HELP.map((l) => `  ${l}`).join('\n')}

Options:
  --data SPEC          the dataset (required)
  --epochs N           passes over the training set (default 10)
  --batch-size B       samples per step (default 32)
  --optimizer NAME     ${OPTIMIZERS.join(', ')} (default adam)
  --lr X               learning rate (default 0.001 for adam/adamw/rmsprop, 0.05 for sgd/momentum/nesterov)
  --momentum M         momentum of momentum/nesterov/rmsprop (default 0.9)
  --weight-decay X     L2 weight decay on kernels (default 0; 0.01 for adamw, where it is decoupled)
  --schedule S         cosine (default: from the rate down to 0 over the epochs), constant,
                       or step:SIZE[:GAMMA] (multiply by GAMMA, default 0.1, every SIZE epochs)
  --warmup E           linear learning-rate warm-up over E epochs (default 0)
  --val-split F        fraction held out for validation (default 0.2; cifar10 uses test_batch.bin)
  --patience N         stop after N epochs without a better validation loss (default: never)
  --augment A          crop, flip, crop,flip or none (default: crop,flip for cifar10, flip for folder/shapes, none otherwise)
  --bn-stats S         precise (default): before each validation, recompute batch-norm statistics
                       over ~2,000 training samples with the current weights; moving: keep the
                       layers' moving averages (they lag behind the weights in short runs)
  --limit N            use at most N samples of the dataset
  --backend NAME       ${BACKENDS.join(', ')} (default: the fastest that loads)
  --engine NAME        what computes forward and backward passes: ${STEP_ENGINE_CHOICES.join(', ')}
                       (default auto: onnxruntime where it loads and supports every layer, else
                       the TF.js backend; the optimizer update always runs on the TF.js backend)
  --seed N             same seed: same data order, initial weights and augmentation (default 1)
  --out DIR            where run folders go (default ./runs)
  --json               print only the events, one JSON object per line, on stdout
  --debug              show stack traces
  --help               show this help

Progress (loss, accuracy, samples/s, ETA) goes to stderr; epoch lines and the summary to stdout.
Ctrl-C stops the run after the current batch, keeping its checkpoints.

Exit status: 0 trained, 1 training failed (e.g. the loss became NaN) or was stopped,
2 bad usage, graph or dataset (one line says why).

Example:
  reswire template resnet --depth 8 --input 28x28x1 --out resnet8.json
  reswire train resnet8.json --data mnist --epochs 3
`;

function number(flag: string, raw: unknown, o: { int?: boolean; min?: number; max?: number; positive?: boolean } = {}): number | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const v = Number(text);
  const bad = text === '' || !Number.isFinite(v) || (o.int && !Number.isInteger(v)) ||
    (o.positive && v <= 0) || (o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max);
  if (bad) {
    const kind = o.int ? 'a whole number' : 'a number';
    const range = o.positive ? ' above 0' : o.min !== undefined ? ` of at least ${o.min}` : '';
    const max = o.max !== undefined ? ` and at most ${o.max}` : '';
    throw new UsageError(`--${flag} must be ${kind}${range}${max}, got "${text}".`);
  }
  return v;
}

function parseSchedule(raw: unknown): Schedule | undefined {
  if (raw === undefined) return undefined;
  const [kind, a, b] = String(raw).toLowerCase().split(':');
  if (kind === 'constant' && a === undefined) return { kind: 'constant' };
  if (kind === 'cosine' && a === undefined) return { kind: 'cosine', minLr: 0 };
  if (kind === 'step' && a !== undefined) {
    return { kind: 'step', stepSize: number('schedule step size', a, { int: true, positive: true })!, gamma: number('schedule gamma', b ?? '0.1', { positive: true })! };
  }
  throw new UsageError(`--schedule must be constant, cosine or step:SIZE[:GAMMA] (e.g. step:10:0.1), got "${String(raw)}".`);
}

function parseAugment(raw: unknown): TrainConfigInput['augment'] {
  if (raw === undefined) return undefined;
  const parts = String(raw).toLowerCase().split(',').map((p) => p.trim());
  if (parts.length === 1 && parts[0] === 'none') return { padCrop: false, flip: false };
  const unknown = parts.filter((p) => p !== 'crop' && p !== 'flip');
  if (unknown.length) throw new UsageError(`--augment takes crop, flip, crop,flip or none, got "${String(raw)}".`);
  return { padCrop: parts.includes('crop'), flip: parts.includes('flip') };
}

function choice<T extends string>(flag: string, raw: unknown, options: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  const v = String(raw).toLowerCase();
  if (!(options as readonly string[]).includes(v)) throw new UsageError(`--${flag} must be one of ${options.join(', ')}, got "${String(raw)}".`);
  return v as T;
}

/** The command-line flags as a training configuration (unset flags keep their defaults). */
export function configFromFlags(v: Record<string, unknown>): TrainConfigInput {
  const c: TrainConfigInput = {
    optimizer: choice('optimizer', v.optimizer, OPTIMIZERS),
    lr: number('lr', v.lr, { positive: true }),
    momentum: number('momentum', v.momentum, { min: 0, max: 1 }),
    weightDecay: number('weight-decay', v['weight-decay'], { min: 0 }),
    schedule: parseSchedule(v.schedule),
    warmupEpochs: number('warmup', v.warmup, { min: 0 }),
    batchSize: number('batch-size', v['batch-size'], { int: true, positive: true }),
    epochs: number('epochs', v.epochs, { int: true, positive: true }),
    seed: number('seed', v.seed, { int: true, min: 0 }),
    validationSplit: number('val-split', v['val-split'], { min: 0, max: 0.9 }),
    earlyStoppingPatience: number('patience', v.patience, { int: true, positive: true }),
    augment: parseAugment(v.augment),
    batchNormStats: choice('bn-stats', v['bn-stats'], ['precise', 'moving'] as const),
    limit: number('limit', v.limit, { int: true, positive: true }),
    backend: choice('backend', v.backend, BACKENDS),
    engine: choice('engine', v.engine, STEP_ENGINE_CHOICES),
  };
  return Object.fromEntries(Object.entries(c).filter(([, x]) => x !== undefined)) as TrainConfigInput;
}

// ---------------------------------------------------------------- progress for people

function describeEngine(e: StartedEvent): string {
  if (e.engine === 'onnxruntime') return `onnxruntime (update on ${e.backend})`;
  return e.engineNote ? `backend ${e.backend}; ${e.engineNote.replace(/\.$/, '')}` : `backend ${e.backend}`;
}

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const fixed = (v: number | null, d = 4) => (v === null ? '-' : v.toFixed(d));

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Epoch lines and the summary on stdout; a live bar on stderr when it is a terminal. */
function createProgress(io: CommandIo, graphName: string, runDir: string) {
  const live = process.stderr.isTTY === true;
  let totalEpochs = 1;
  let samples = 0;
  let barShown = false;
  const clearBar = () => {
    if (barShown) io.stderr('\r\x1b[K');
    barShown = false;
  };
  return {
    show(e: RunEvent): void {
      switch (e.type) {
        case 'started':
          totalEpochs = e.epochs;
          samples = e.samples;
          io.stdout(
            `Training ${graphName} (${e.params.toLocaleString('en-US')} params) on ${e.dataset}: ` +
              `${e.samples.toLocaleString('en-US')} train / ${e.valSamples.toLocaleString('en-US')} validation samples, ` +
              `${e.epochs} epoch${e.epochs === 1 ? '' : 's'}, batch ${e.batchSize}, ${describeEngine(e)}.\nRun folder: ${runDir}\n`,
          );
          break;
        case 'batch': {
          if (!live) break;
          const done = (e.epoch - 1) * samples + Math.min(e.step * (samples / e.steps), samples);
          const eta = (totalEpochs * samples - done) / Math.max(e.samplesPerSec, 1e-9);
          const width = 24;
          const filled = Math.round((e.step / e.steps) * width);
          io.stderr(
            `\r\x1b[Kepoch ${e.epoch}/${totalEpochs} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
              `${e.step}/${e.steps}  loss ${fixed(e.loss)}  acc ${pct(e.accuracy)}  ${e.samplesPerSec.toFixed(0)} samples/s  ETA ${formatDuration(eta)}`,
          );
          barShown = true;
          break;
        }
        case 'epoch':
          clearBar();
          io.stdout(
            `epoch ${e.epoch}/${e.epochs}  loss ${fixed(e.loss)}  acc ${pct(e.accuracy)}  val loss ${fixed(e.valLoss)}  ` +
              `val acc ${pct(e.valAccuracy)}  lr ${Number(e.lr.toPrecision(3))}  ${e.seconds.toFixed(1)}s  ${e.samplesPerSec.toFixed(0)} samples/s\n`,
          );
          break;
        case 'paused':
        case 'resumed':
          clearBar();
          io.stderr(`${e.type === 'paused' ? 'Paused' : 'Resumed'} at epoch ${e.epoch}, step ${e.step}.\n`);
          break;
        case 'done':
        case 'stopped': {
          clearBar();
          const best = e.bestValAccuracy === null ? '' : `; best validation accuracy ${pct(e.bestValAccuracy)} (epoch ${e.bestEpoch})`;
          const how = e.type === 'stopped' ? 'Stopped' : 'stoppedEarly' in e && e.stoppedEarly ? 'Stopped early (no better validation loss)' : 'Done';
          io.stdout(`${how} after ${e.epochs} epoch${e.epochs === 1 ? '' : 's'} in ${formatDuration(e.seconds)}${best}.\nModel: ${runDir}/model\n`);
          break;
        }
        case 'error':
          clearBar();
          break;
        default:
          break;
      }
    },
  };
}

/** An error event that ends a run before training starts: exit 2 with its sentence. */
class RunRefused extends Error {
  readonly exitCode = 2;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'Train a graph on a dataset (progress bar or --json events); runs go under ./runs',
  help,
  options: {
    data: { type: 'string' }, epochs: { type: 'string' }, 'batch-size': { type: 'string' }, lr: { type: 'string' },
    optimizer: { type: 'string' }, momentum: { type: 'string' }, 'weight-decay': { type: 'string' },
    schedule: { type: 'string' }, warmup: { type: 'string' }, 'val-split': { type: 'string' }, patience: { type: 'string' },
    augment: { type: 'string' }, 'bn-stats': { type: 'string' }, limit: { type: 'string' }, backend: { type: 'string' }, engine: { type: 'string' }, seed: { type: 'string' },
    out: { type: 'string' }, json: { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0
        ? 'Name the graph file to train, e.g. reswire train resnet8.json --data mnist.'
        : `Give one graph file, got ${positionals.length}: ${positionals.join(' ')}.`);
    }
    if (typeof values.data !== 'string') throw new UsageError('Say which data to train on with --data, e.g. --data mnist (see reswire train --help).');
    const config = configFromFlags(values);
    const { doc } = await readGraphFile(positionals[0]);
    const handle = startRun({ graph: doc, data: values.data, config, runsDir: typeof values.out === 'string' ? values.out : undefined });

    const json = values.json === true;
    const rel = relative(process.cwd(), handle.runDir);
    const shownDir = rel && !rel.startsWith('..') ? rel : handle.runDir;
    const progress = json ? null : createProgress(io, doc.name, shownDir);
    handle.onEvent((e: RunEvent) => {
      if (json) io.stdout(`${JSON.stringify(e)}\n`);
      else progress!.show(e);
    });
    // Ctrl-C: stop after the current batch and keep the checkpoints; a second one quits now.
    let interrupts = 0;
    const onSigint = () => {
      if (++interrupts > 1) process.exit(130);
      io.stderr('\nStopping after the current batch (Ctrl-C again to quit at once)...\n');
      handle.stop();
    };
    process.on('SIGINT', onSigint);
    try {
      const result = await handle.done;
      const final = result.final;
      if (final.type === 'error' && final.beforeStart) {
        const where = final.nodeId && !final.message.includes(final.nodeId) ? ` (node ${final.nodeId})` : '';
        throw new RunRefused(where ? `${final.message.replace(/\.$/, '')}${where}.` : final.message);
      }
      if (final.type === 'error' && !json) io.stderr(`reswire train: ${final.message}\n`);
      return result.status === 'done' ? 0 : 1;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
