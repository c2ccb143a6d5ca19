// The training loop: one custom step per batch (variableGrads + optimizer) so it can read
// gradient norms, honour pause/stop between batches, and catch a diverging loss at once.
import * as tf from '@tensorflow/tfjs';
import type { Augment, RunEventBody, TrainConfig } from '../../../shared/api/runEvents';
import { makeBatch } from '../data/batches';
import type { PreparedData } from '../data/index';
import { createRng, permutation } from '../data/random';
import { recomputeBatchNormStats } from './batchNormStats';
import { LayerStatsCollector } from './layerStats';
import { evaluate, type LossKind } from './metrics';
import { createOptimizer } from './optimizers';
import { learningRateAt } from './schedule';
import { type MakeStep, tfjsStep } from './step';
import { setDropoutStep } from '../compile/dropout';

export type ControlState = 'run' | 'pause' | 'stop';

export interface RunControl {
  state(): ControlState;
  /** Resolves once the run is no longer paused, with the new state. */
  waitWhilePaused(): Promise<ControlState>;
}

export interface TrainInputs {
  model: tf.LayersModel;
  loss: LossKind;
  /** Units of the output layer. */
  classes: number;
  data: PreparedData;
  /** The graph Input's shape (the data is reshaped to it: 28x28x1 digits can feed an Input of 784). */
  inputShape: readonly number[];
  config: TrainConfig;
  augment: Augment | null;
  /** tfjs layer name -> graph node id, for layer statistics. */
  nodeOfLayer: ReadonlyMap<string, string>;
  /** What computes each step (chooseStepEngine); TF.js when left out. */
  makeStep?: MakeStep;
}

export interface TrainHooks {
  emit(e: RunEventBody): void;
  control: RunControl;
  /** Saves the model's current weights; returns the folder, relative to the run folder. */
  saveCheckpoint(kind: 'best' | 'last'): Promise<string>;
  /** Milliseconds clock (injected so tests can use a fake one). */
  now?: () => number;
}

export interface TrainSummary {
  status: 'done' | 'stopped' | 'failed';
  epochsCompleted: number;
  bestEpoch: number | null;
  bestValAccuracy: number | null;
  bestValLoss: number | null;
  seconds: number;
  error: string | null;
}

const BATCH_EVENT_MS = 100; // at most ~10 batch events a second
const GRAD_SAMPLES_PER_EPOCH = 10;
const PROBE_SIZE = 64;

function formatLr(lr: number): string {
  return Number(lr.toPrecision(2)).toString();
}

export async function train(inp: TrainInputs, hooks: TrainHooks): Promise<TrainSummary> {
  const { model, loss, classes, data, inputShape, config: c } = inp;
  const now = hooks.now ?? (() => performance.now());
  const size = inputShape.reduce((a, b) => a * b, 1);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const optimizer = createOptimizer(c);
  const steps = Math.ceil(data.train.count / c.batchSize);
  const gradEvery = Math.max(1, Math.floor(steps / GRAD_SAMPLES_PER_EPOCH));
  const probeSrc = data.val.count > 0 ? data.val : data.train;
  const probeN = Math.min(PROBE_SIZE, probeSrc.count);
  const stats = new LayerStatsCollector(model, inp.nodeOfLayer, vars,
    tf.tensor(probeSrc.x.subarray(0, probeN * size), [probeN, ...inputShape]));
  const trainStep = (inp.makeStep ?? tfjsStep)({ model, loss, classes, inputShape, vars, optimizer, stats });
  const hasVal = data.val.count > 0;
  const hasAccuracy = loss !== 'mse';

  const t0 = now();
  const summary: TrainSummary = {
    status: 'done', epochsCompleted: 0, bestEpoch: null, bestValAccuracy: null, bestValLoss: null, seconds: 0, error: null,
  };
  let bestScore = -Infinity; // what "best checkpoint" means: val accuracy, else -val loss, else -train loss
  let patienceLoss = Infinity;
  let sincePatienceBest = 0;
  let stoppedEarly = false;
  let lr = c.lr;

  const finish = (status: TrainSummary['status']) => {
    summary.status = status;
    summary.seconds = (now() - t0) / 1000;
    return summary;
  };
  const position = (epoch: number, step: number) => ({ epoch, step });
  const ending = () => ({
    bestValAccuracy: summary.bestValAccuracy, bestEpoch: summary.bestEpoch, epochs: summary.epochsCompleted, seconds: (now() - t0) / 1000,
  });

  try {
    for (let epoch = 1; epoch <= c.epochs; epoch++) {
      const order = permutation(data.train.count, createRng(c.seed, 'order', epoch));
      const augRng = createRng(c.seed, 'augment', epoch);
      const epochStart = now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let lastEmit = -Infinity;

      for (let step = 1; step <= steps; step++) {
        let state = hooks.control.state();
        if (state === 'pause') {
          hooks.emit({ type: 'paused', ...position(epoch, step) });
          state = await hooks.control.waitWhilePaused();
          if (state === 'run') hooks.emit({ type: 'resumed', ...position(epoch, step) });
        }
        if (state === 'stop') {
          if (c.batchNormStats === 'precise') recomputeBatchNormStats(model, data.train, order, inputShape, c.batchSize);
          const path = await hooks.saveCheckpoint('last');
          hooks.emit({ type: 'checkpoint', epoch: summary.epochsCompleted, kind: 'last', path, valAccuracy: null, valLoss: null });
          hooks.emit({ type: 'stopped', ...position(epoch, step), ...ending() });
          return finish('stopped');
        }

        lr = learningRateAt(c, epoch - 1 + (step - 1) / steps);
        optimizer.setLearningRate(lr);
        const from = (step - 1) * c.batchSize;
        const to = Math.min(from + c.batchSize, data.train.count);
        const batch = makeBatch(data.train, inputShape, order, from, to, inp.augment, augRng);
        const wantNorms = step % gradEvery === 0 || step === steps;
        setDropoutStep(createRng(c.seed, 'dropout', epoch, step).int(2 ** 31));

        const { loss: batchLoss, hits: batchCorrect, normsSq } = await trainStep.run(batch);
        const gradSq = normsSq.reduce((a, b) => a + b, 0);
        if (wantNorms) stats.addSample(normsSq);

        if (!Number.isFinite(batchLoss) || !Number.isFinite(gradSq)) {
          const bad = Number.isFinite(batchLoss) ? gradSq : batchLoss;
          const what = `${Number.isFinite(batchLoss) ? 'gradients' : 'loss'} became ${Number.isNaN(bad) ? 'NaN' : 'infinite'}`;
          const message =
            `The ${what} at epoch ${epoch}, step ${step}, so training stopped; the learning rate ` +
            `(${formatLr(lr)}) is probably too high: try --lr ${formatLr(lr / 10)}.`;
          summary.error = message;
          hooks.emit({ type: 'error', message, beforeStart: false });
          return finish('failed');
        }
        lossSum += batchLoss * batch.size;
        correct += batchCorrect;
        seen += batch.size;

        const t = now();
        if (t - lastEmit >= BATCH_EVENT_MS || step === steps) {
          lastEmit = t;
          hooks.emit({
            type: 'batch', epoch, step, steps, loss: lossSum / seen, batchLoss,
            accuracy: hasAccuracy ? correct / seen : null,
            samplesPerSec: seen / Math.max((t - epochStart) / 1000, 1e-9),
          });
        }
      }

      const trainSeconds = (now() - epochStart) / 1000;
      if (c.batchNormStats === 'precise') recomputeBatchNormStats(model, data.train, order, inputShape, c.batchSize);
      const val = hasVal ? evaluate(model, loss, classes, data.val, inputShape) : null;
      const trainLoss = lossSum / seen;
      summary.epochsCompleted = epoch;
      hooks.emit({
        type: 'epoch', epoch, epochs: c.epochs, loss: trainLoss,
        accuracy: hasAccuracy ? correct / seen : null,
        valLoss: val ? val.loss : null,
        valAccuracy: val && hasAccuracy ? val.accuracy : null,
        lr, seconds: (now() - epochStart) / 1000, samplesPerSec: seen / Math.max(trainSeconds, 1e-9),
      });
      hooks.emit({ type: 'layerStats', epoch, layers: stats.collect() });

      const score = val ? (hasAccuracy ? val.accuracy : -val.loss) : -trainLoss;
      if (score > bestScore) {
        bestScore = score;
        summary.bestEpoch = epoch;
        summary.bestValAccuracy = val && hasAccuracy ? val.accuracy : null;
        summary.bestValLoss = val ? val.loss : null;
        const path = await hooks.saveCheckpoint('best');
        hooks.emit({ type: 'checkpoint', epoch, kind: 'best', path, valAccuracy: summary.bestValAccuracy, valLoss: summary.bestValLoss });
      }
      const path = await hooks.saveCheckpoint('last');
      hooks.emit({ type: 'checkpoint', epoch, kind: 'last', path, valAccuracy: val && hasAccuracy ? val.accuracy : null, valLoss: val?.loss ?? null });

      // Early stopping watches the validation loss (the training loss without a validation set).
      const watched = val ? val.loss : trainLoss;
      if (watched < patienceLoss) {
        patienceLoss = watched;
        sincePatienceBest = 0;
      } else if (c.earlyStoppingPatience !== null && ++sincePatienceBest >= c.earlyStoppingPatience && epoch < c.epochs) {
        stoppedEarly = true;
        break;
      }
    }
    hooks.emit({ type: 'done', ...ending(), stoppedEarly });
    return finish('done');
  } finally {
    setDropoutStep(null);
    trainStep.dispose();
    stats.dispose();
    optimizer.dispose();
  }
}
