import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { recomputeBatchNormStats } from './batchNormStats';

beforeAll(async () => {
  await initBackend('cpu');
});

it('sets batch-norm moving statistics to the averages over the training data', () => {
  const input = tf.input({ shape: [2] });
  const bn = tf.layers.batchNormalization({ momentum: 0.99 });
  const model = tf.model({ inputs: input, outputs: bn.apply(input) as tf.SymbolicTensor });
  // Feature 0 is 5 + noise (std 2), feature 1 is -3 + noise (std 0.5); 256 samples.
  const n = 256;
  const x = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const u = ((i * 37) % n) / n - 0.5; // spread evenly over [-0.5, 0.5)
    x[2 * i] = 5 + u * 2 * Math.sqrt(12);
    x[2 * i + 1] = -3 + u * 0.5 * Math.sqrt(12);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  recomputeBatchNormStats(model, { x, count: n }, order, [2], 32);
  const [, , movingMean, movingVar] = bn.getWeights();
  const mean = Array.from(movingMean.dataSync());
  const variance = Array.from(movingVar.dataSync());
  expect(mean[0]).toBeCloseTo(5, 1);
  expect(mean[1]).toBeCloseTo(-3, 1);
  expect(variance[0]).toBeCloseTo(4, 0);
  expect(variance[1]).toBeCloseTo(0.25, 1);
  // The layer keeps its own momentum for ordinary training.
  expect((bn as unknown as { momentum: number }).momentum).toBe(0.99);
});
