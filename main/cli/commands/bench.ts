// `reswire bench GRAPH|TEMPLATE [options]`: times training steps of a network on random data,
// with the same step the studio's training runs use (forward, loss, gradients, momentum SGD).
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { TEMPLATES, TemplateError, buildTemplate, getTemplate } from '../../../shared/templates/index';
import type { GraphDocument } from '../../../shared/graph/types';
import { BACKEND_NAMES, type BackendName, initBackend } from '../../engine/backend';
import { CompileError, compileGraph } from '../../engine/compile';
import { LayerStatsCollector } from '../../engine/train/layerStats';
import { createOptimizer } from '../../engine/train/optimizers';
import { chooseStepEngine, StepEngineRefusal, type TrainStep } from '../../engine/train/step';
import { STEP_ENGINE_CHOICES, type StepEngine, type StepEngineChoice } from '../../../shared/api/runEvents';
import { type Command, UsageError } from '../command';
import { readGraphFile } from '../graph-file';
import { TEMPLATE_FLAGS, templateOptions } from './template';

const help = `Usage: reswire bench GRAPH [options]
       reswire bench TEMPLATE [template options] [options]

Times training steps (forward, loss, gradients, momentum SGD update) of a network on random
data, after one warm-up step, and prints samples per second. GRAPH is a .json graph file;
TEMPLATE is a template name (${TEMPLATES.map((t) => t.id).join(', ')}) with the options of
\`reswire template\` (--depth, --plain, --preact, --input, --classes, --hidden).

Options:
  --batch-size B    samples per step (default 64)
  --steps N         timed steps (default 5)
  --backend NAME    ${BACKEND_NAMES.join(', ')} (default: the fastest that loads)
  --engine NAME     what computes forward and backward: ${STEP_ENGINE_CHOICES.join(', ')} (default auto:
                    onnxruntime where it loads and supports every layer, else TF.js)
  --json            print one JSON object: {"samplesPerSec", "backend", "batch", "steps", ...}
  --help            show this help

Examples:
  reswire bench resnet --depth 20 --batch-size 64 --steps 5
  reswire bench model.json --backend cpu --steps 2 --json
`;

function count(flag: string, raw: unknown, fallback: number): number {
  if (raw === undefined) return fallback;
  const text = String(raw).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${flag} must be a whole number of at least 1, got "${text}".`);
  return Number(text);
}

async function loadGraph(positionals: string[], values: Record<string, unknown>): Promise<GraphDocument> {
  if (positionals.length === 0) throw new UsageError('Name a graph file or a template, e.g. reswire bench resnet --depth 20.');
  if (positionals.length > 1) throw new UsageError(`Give one graph file or template, got ${positionals.length}: ${positionals.join(' ')}.`);
  const target = positionals[0];
  const info = getTemplate(target);
  if (info && !existsSync(target)) {
    try {
      return buildTemplate(info.id, templateOptions(info, values));
    } catch (e) {
      if (e instanceof TemplateError) throw new UsageError(e.message);
      throw e;
    }
  }
  if (!target.endsWith('.json') && !existsSync(target)) {
    throw new UsageError(`"${target}" is neither a graph file nor a template; the templates are: ${TEMPLATES.map((t) => t.id).join(', ')}.`);
  }
  const templateFlags = ['depth', 'plain', 'preact', 'input', 'classes', 'hidden'].filter((f) => values[f] !== undefined);
  if (templateFlags.length > 0) throw new UsageError(`--${templateFlags[0]} applies to templates only, not to the graph file ${target}.`);
  return (await readGraphFile(target)).doc;
}

export interface BenchResult {
  /** Over all timed steps: batch * steps / seconds. */
  samplesPerSec: number;
  backend: string;
  /** What computed the forward and backward passes; engineNote says why 'auto' fell back to TF.js. */
  engine: StepEngine;
  engineNote: string | null;
  batch: number;
  steps: number;
  threads: number | null;
  params: number;
  seconds: number;
  /** From the fastest single step: steadier than the mean on a busy machine. */
  bestStepSamplesPerSec: number;
  graph: string;
}

/** Compiles `doc` and times `steps` training steps of batch `batch` (after one warm-up step). */
export async function benchGraph(
  doc: GraphDocument,
  batch: number,
  steps: number,
  backendName?: BackendName,
  engineChoice: StepEngineChoice = 'auto',
): Promise<BenchResult> {
  const backend = await initBackend(backendName);
  const compiled = compileGraph(doc, backend.tf);
  const { model, loss, classes, inputShape } = compiled;
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = createOptimizer({ optimizer: 'momentum', lr: 0.01, momentum: 0.9, weightDecay: 0 });
  const size = inputShape.reduce((a, b) => a * b, 1);
  const x = tf.tidy(() => tf.randomNormal([batch * size]).dataSync() as Float32Array);
  const y = Int32Array.from({ length: batch }, (_, i) => (loss === 'binaryCrossentropy' ? i % 2 : i % classes));
  const stats = new LayerStatsCollector(model, new Map(), vars, tf.tensor(x.subarray(0, size), [1, ...inputShape]));
  let trainStep: TrainStep | null = null;
  try {
    const chosen = await chooseStepEngine(model, loss, engineChoice);
    trainStep = chosen.make({ model, loss, classes, inputShape, vars, optimizer, stats });
    const step = async () => {
      const { loss: v } = await trainStep!.run({ x, y, size: batch });
      if (!Number.isFinite(v)) throw new Error('The loss became NaN or infinite during the benchmark; the graph cannot train as built.');
    };
    await step();
    let fastest = Infinity;
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) {
      const start = performance.now();
      await step();
      fastest = Math.min(fastest, performance.now() - start);
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      samplesPerSec: Math.round((10 * batch * steps) / seconds) / 10,
      backend: backend.name,
      engine: chosen.engine,
      engineNote: chosen.fallback,
      batch,
      steps,
      threads: backend.threads ?? null,
      params: model.countParams(),
      seconds: Math.round(seconds * 1000) / 1000,
      bestStepSamplesPerSec: Math.round((10 * batch * 1000) / fastest) / 10,
      graph: doc.name,
    };
  } finally {
    trainStep?.dispose();
    stats.dispose();
    optimizer.dispose();
    model.dispose();
  }
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Time training steps of a graph or template on random data (samples/s)',
  help,
  options: {
    'batch-size': { type: 'string' },
    steps: { type: 'string' },
    backend: { type: 'string' },
    engine: { type: 'string' },
    json: { type: 'boolean' },
    ...TEMPLATE_FLAGS,
  },
  async run({ positionals, values }, io) {
    const batch = count('batch-size', values['batch-size'], 64);
    const steps = count('steps', values.steps, 5);
    const backend = values.backend as string | undefined;
    if (backend !== undefined && !BACKEND_NAMES.includes(backend as BackendName)) {
      throw new UsageError(`--backend must be one of ${BACKEND_NAMES.join(', ')}, got "${backend}".`);
    }
    const engine = (values.engine as string | undefined) ?? 'auto';
    if (!STEP_ENGINE_CHOICES.includes(engine as StepEngineChoice)) {
      throw new UsageError(`--engine must be one of ${STEP_ENGINE_CHOICES.join(', ')}, got "${engine}".`);
    }
    const doc = await loadGraph(positionals, values);
    let result: BenchResult;
    try {
      result = await benchGraph(doc, batch, steps, backend as BackendName | undefined, engine as StepEngineChoice);
    } catch (e) {
      if (e instanceof CompileError) throw new UsageError(e.nodeId ? `${e.message} (node ${e.nodeId})` : e.message);
      if (backend !== undefined && /backend/.test((e as Error).message)) throw new UsageError((e as Error).message);
      if (e instanceof StepEngineRefusal) throw new UsageError(e.message);
      throw e;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(result)}\n`);
    } else {
      const threads = result.threads ? `, ${result.threads} thread${result.threads > 1 ? 's' : ''}` : '';
      const on = result.engine === 'onnxruntime' ? `onnxruntime (update on ${result.backend}${threads})` : `${result.backend}${threads}`;
      io.stdout(
        `${result.graph}: ${result.samplesPerSec} samples/s training on ${on} ` +
          `(batch ${result.batch}, ${result.steps} step${result.steps === 1 ? '' : 's'} in ${result.seconds.toFixed(2)} s, ${result.params.toLocaleString('en-US')} params)\n` +
          (result.engineNote ? `${result.engineNote}\n` : ''),
      );
    }
    return 0;
  },
};
