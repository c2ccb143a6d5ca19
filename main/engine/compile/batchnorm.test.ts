// The training batch norm must compute what the stock TF.js layer computes (output,
// gradients, moving statistics), and also train with center or scale turned off.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from '../kernels/testing';
import { trainingBatchNorm } from './batchnorm';

const settings = { axis: -1, momentum: 0.9, epsilon: 1e-3 };

/** y, dx, then the gradient of every trainable weight, then moving mean and variance. */
function trainStep(make: () => tf.layers.Layer, shape: number[]): tf.Tensor[] {
  const layer = make();
  layer.build(shape);
  layer.setWeights(layer.getWeights().map((w, i) => tf.tensor(seededValues(w.size, 50 + i), w.shape).abs().add(0.5)));
  const x = tf.tensor(seededValues(sizeOf(shape), 51), shape).mul(3).add(1);
  const weight = tf.tensor(seededValues(sizeOf(shape), 52), shape);
  const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  // Three training calls (output, dx, weight gradients), each updating the moving statistics.
  const y = layer.apply(x, { training: true }) as tf.Tensor;
  const f = (input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input, { training: true }) as tf.Tensor, weight)) as tf.Scalar;
  const dx = tf.grad(f)(x);
  const grads = vars.length > 0 ? tf.variableGrads(() => f(x), vars).grads : {};
  const moving = layer.getWeights().slice(-2);
  return [y, dx, ...vars.map((v) => grads[v.name]), ...moving];
}

/** Batch norm written out in elementary ops (gradients by ordinary autodiff). */
function elementaryStep(shape: number[], center: boolean, scale: boolean): tf.Tensor[] {
  const c = shape[shape.length - 1];
  // Seeds in the order the layer creates its weights: gamma, then beta.
  const gamma = scale ? tf.variable(tf.tensor(seededValues(c, 50), [c]).abs().add(0.5)) : null;
  const beta = center ? tf.variable(tf.tensor(seededValues(c, scale ? 51 : 50), [c]).abs().add(0.5)) : null;
  const x = tf.tensor(seededValues(sizeOf(shape), 51), shape).mul(3).add(1);
  const weight = tf.tensor(seededValues(sizeOf(shape), 52), shape);
  const axes = shape.slice(0, -1).map((_, k) => k);
  const forward = (input: tf.Tensor) => {
    const { mean, variance } = tf.moments(input, axes);
    let y = tf.mul(tf.sub(input, mean), tf.rsqrt(tf.add(variance, settings.epsilon)));
    if (gamma) y = tf.mul(y, gamma);
    if (beta) y = tf.add(y, beta);
    return y;
  };
  const f = (input: tf.Tensor) => tf.sum(tf.mul(forward(input), weight)) as tf.Scalar;
  const vars = [gamma, beta].filter((v): v is tf.Variable => v !== null);
  const grads = vars.length > 0 ? tf.variableGrads(() => f(x), vars).grads : {};
  return [forward(x), tf.grad(f)(x), ...vars.map((v) => grads[v.name])];
}

describe('training batch norm', () => {
  it.each([
    ['an image batch', [4, 5, 3, 6]],
    ['a vector batch', [7, 5]],
  ])('matches the stock layer on %s: output, gradients and moving statistics', async (_, shape) => {
    for (const backend of ['cpu', 'wasm'] as const) {
      const stock = await computeOn(backend, () => trainStep(() => tf.layers.batchNormalization(settings), shape));
      const ours = await computeOn(backend, () => trainStep(() => trainingBatchNorm({ ...settings, center: true, scale: true, name: 'bn' }), shape));
      expect(ours.length).toBe(6);
      stock.forEach((s, i) => {
        expect(ours[i].shape, `${backend} output ${i}`).toEqual(s.shape);
        expect(relativeError(ours[i].values, s.values), `${backend} output ${i}`).toBeLessThan(1e-4);
      });
    }
  });

  it.each([
    [true, false],
    [false, true],
    [false, false],
  ])('trains with center %s and scale %s (the stock layer cannot)', async (center, scale) => {
    const shape = [3, 4, 4, 2];
    const expected = await computeOn('cpu', () => elementaryStep(shape, center, scale));
    const ours = await computeOn('cpu', () => trainStep(() => trainingBatchNorm({ ...settings, center, scale, name: 'bn' }), shape));
    expected.forEach((e, i) => expect(relativeError(ours[i].values, e.values), `output ${i}`).toBeLessThan(1e-4));
    expect(() => tf.layers.batchNormalization({ ...settings, center, scale }).apply(tf.ones(shape), { training: true })).toThrow();
  });

  it('keeps the stock class name, so saved models load in plain TF.js', () => {
    expect(trainingBatchNorm({ ...settings, center: true, scale: true, name: 'bn' }).getClassName()).toBe('BatchNormalization');
  });
});
