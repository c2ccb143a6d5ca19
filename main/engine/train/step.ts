// One training step (forward, loss, gradients, optimizer update) computed by TF.js, or by
// onnxruntime for the forward and backward passes with the same TF.js optimizer applying the
// update. Both read and write the model's own variables, so validation, batch-norm
// statistics, checkpoints and layer statistics are the same code either way.
import * as tf from '@tensorflow/tfjs';
import type { StepEngine, StepEngineChoice } from '../../../shared/api/runEvents';
import type { LayerStatsCollector } from './layerStats';
import { correctCount, lossOf, type LossKind, targetsFor } from './metrics';
import type { RunOptimizer } from './optimizers';

export interface StepBatch {
  x: Float32Array;
  y: Int32Array;
  size: number;
}

export interface StepResult {
  loss: number;
  /** Correctly classified samples of the batch. */
  hits: number;
  /** Squared L2 norm of every trainable variable's gradient, in variable order. */
  normsSq: Float32Array;
}

export interface TrainStep {
  readonly engine: StepEngine;
  run(batch: StepBatch): Promise<StepResult>;
  dispose(): void;
}

export interface StepSetup {
  model: tf.LayersModel;
  loss: LossKind;
  classes: number;
  inputShape: readonly number[];
  vars: readonly tf.Variable[];
  optimizer: RunOptimizer;
  stats: LayerStatsCollector;
}

export function tfjsStep(s: StepSetup): TrainStep {
  return {
    engine: 'tfjs',
    async run(batch) {
      const readback = tf.tidy(() => {
        const x = tf.tensor(batch.x, [batch.size, ...s.inputShape]);
        const t = targetsFor(s.loss, batch.y, s.classes);
        let hits: tf.Scalar | null = null;
        const { value, grads } = tf.variableGrads(() => {
          const pred = s.model.apply(x, { training: true }) as tf.Tensor;
          hits = tf.keep(correctCount(s.loss, pred, t.labels));
          return lossOf(s.loss, pred, t.targets);
        }, s.vars as tf.Variable[]);
        // Read every step: a divergence the clipped loss hides still shows in the norms.
        const normsSq = s.stats.gradNormsSquared(grads);
        s.optimizer.apply(grads, s.vars);
        const out = tf.concat([tf.stack([value, hits!]), normsSq]);
        hits!.dispose();
        return out;
      });
      const values = readback.dataSync() as Float32Array;
      readback.dispose();
      return { loss: values[0], hits: values[1], normsSq: values.slice(2) };
    },
    dispose() {},
  };
}

export type MakeStep = (s: StepSetup) => TrainStep;

/** The engine a run or benchmark asked for cannot train its model (a usage problem, not a crash). */
export class StepEngineRefusal extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'StepEngineRefusal';
  }
}

export interface ChosenEngine {
  engine: StepEngine;
  /** Why 'auto' chose TF.js, as a sentence; null when onnxruntime was chosen or TF.js was asked for. */
  fallback: string | null;
  make: MakeStep;
}

/**
 * The step engine for a model: onnxruntime where it loads and can express the model ('auto'
 * and 'onnxruntime'), TF.js otherwise. A refused 'onnxruntime' is an error sentence, never a
 * silent fallback. The onnxruntime graph and session are built here, before training starts.
 */
export async function chooseStepEngine(model: tf.LayersModel, loss: LossKind, choice: StepEngineChoice): Promise<ChosenEngine> {
  if (choice === 'tfjs') return { engine: 'tfjs', fallback: null, make: tfjsStep };
  try {
    const { prepareOnnxStep } = await import('../onnx/step');
    return { engine: 'onnxruntime', fallback: null, make: await prepareOnnxStep(model, loss) };
  } catch (e) {
    const reason = (e as Error).message.replace(/\.?$/, '.');
    if (choice === 'onnxruntime') throw new StepEngineRefusal(`The onnxruntime engine cannot train this model: ${reason} Choose the tfjs engine instead.`, e);
    return { engine: 'tfjs', fallback: `TF.js trains this model: ${reason}`, make: tfjsStep };
  }
}
