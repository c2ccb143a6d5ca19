import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../../shared/api/runEvents';
import { initBackend } from '../backend';
import { createOptimizer } from './optimizers';
import { learningRateAt } from './schedule';

describe('learning-rate schedules', () => {
  const base = resolveTrainConfig({ lr: 0.1, epochs: 10, schedule: { kind: 'constant' } });

  it('keeps a constant rate, steps it down, or follows half a cosine', () => {
    expect(learningRateAt(base, 0)).toBe(0.1);
    expect(learningRateAt(base, 9.9)).toBe(0.1);
    const step = { ...base, schedule: { kind: 'step' as const, stepSize: 3, gamma: 0.1 } };
    expect(learningRateAt(step, 2.99)).toBeCloseTo(0.1);
    expect(learningRateAt(step, 3)).toBeCloseTo(0.01);
    expect(learningRateAt(step, 6.5)).toBeCloseTo(0.001);
    const cosine = { ...base, schedule: { kind: 'cosine' as const, minLr: 0 } };
    expect(learningRateAt(cosine, 0)).toBeCloseTo(0.1);
    expect(learningRateAt(cosine, 5)).toBeCloseTo(0.05);
    expect(learningRateAt(cosine, 10)).toBeCloseTo(0);
  });

  it('warms up linearly, then hands over to the schedule', () => {
    const warm = { ...base, warmupEpochs: 2, schedule: { kind: 'cosine' as const, minLr: 0.001 } };
    expect(learningRateAt(warm, 0)).toBeGreaterThan(0);
    expect(learningRateAt(warm, 0.5)).toBeCloseTo(0.025);
    expect(learningRateAt(warm, 1)).toBeCloseTo(0.05);
    expect(learningRateAt(warm, 2)).toBeCloseTo(0.1);
    expect(learningRateAt(warm, 10)).toBeCloseTo(0.001);
  });

  it('fills defaults per optimizer and explains a bad setting', () => {
    expect(resolveTrainConfig({ optimizer: 'sgd' })).toMatchObject({ lr: 0.05, weightDecay: 0, batchSize: 32, epochs: 10, seed: 1, schedule: { kind: 'cosine', minLr: 0 } });
    expect(resolveTrainConfig({ optimizer: 'adamw' })).toMatchObject({ lr: 0.001, weightDecay: 0.01 });
    expect(() => resolveTrainConfig({ validationSplit: 1.5 })).toThrow();
  });
});

describe('optimizers', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  /** One step on f(w) = sum(w) (gradient 1 everywhere) from w = 1, for a kernel-shaped w. */
  function stepOnce(config: Parameters<typeof createOptimizer>[0], lr?: number): number[] {
    const w = tf.variable(tf.ones([2, 2]));
    const opt = createOptimizer(config);
    if (lr !== undefined) opt.setLearningRate(lr);
    const { grads } = tf.variableGrads(() => tf.sum(w) as tf.Scalar, [w]);
    opt.apply(grads, [w]);
    const out = Array.from(w.dataSync());
    tf.dispose([w, ...Object.values(grads)]);
    opt.dispose();
    return out;
  }

  it('applies the learning rate it is given, step by step', () => {
    expect(stepOnce({ optimizer: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0 })[0]).toBeCloseTo(0.9);
    expect(stepOnce({ optimizer: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0 }, 0.5)[0]).toBeCloseTo(0.5);
    expect(stepOnce({ optimizer: 'momentum', lr: 0.1, momentum: 0.9, weightDecay: 0 }, 0.2)[0]).toBeCloseTo(0.8);
    // Adam's first step moves each weight by about the learning rate.
    expect(stepOnce({ optimizer: 'adam', lr: 0.1, momentum: 0.9, weightDecay: 0 }, 0.01)[0]).toBeCloseTo(0.99, 4);
  });

  it('adds L2 decay to the gradient, or decays the weights directly for AdamW', () => {
    // SGD: gradient 1 + 0.5 * w(1) = 1.5.
    expect(stepOnce({ optimizer: 'sgd', lr: 0.1, momentum: 0, weightDecay: 0.5 })[0]).toBeCloseTo(0.85);
    // AdamW: Adam's step (-0.01), then w *= 1 - lr * wd.
    expect(stepOnce({ optimizer: 'adamw', lr: 0.01, momentum: 0.9, weightDecay: 0.5 })[0]).toBeCloseTo(0.99 * (1 - 0.005), 4);
  });
});
