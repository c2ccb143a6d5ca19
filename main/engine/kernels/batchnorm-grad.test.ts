// The re-registered batch-norm gradient must equal the gradient of batch norm written out
// in elementary ops, for every input, on the cpu and the wasm backends.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

const eps = 1e-3;

function inputs(xShape: number[], statShape: number[]) {
  const n = sizeOf(statShape);
  return [
    tf.tensor(seededValues(sizeOf(xShape), 31), xShape),
    tf.tensor(seededValues(n, 32), statShape),
    tf.tensor(seededValues(n, 33), statShape).abs().add(0.5), // variance > 0
    tf.tensor(seededValues(n, 34), statShape),
    tf.tensor(seededValues(n, 35), statShape),
  ];
}

// A weighted sum makes every element's gradient distinct.
function weighted(y: tf.Tensor): tf.Scalar {
  return tf.sum(tf.mul(y, tf.tensor(seededValues(y.size, 36), y.shape)));
}

function fused(xShape: number[], statShape: number[]): tf.Tensor[] {
  return tf.grads((x, mean, variance, offset, scale) => weighted(tf.batchNorm(x, mean, variance, offset, scale, eps)))(
    inputs(xShape, statShape),
  );
}

function elementary(xShape: number[], statShape: number[]): tf.Tensor[] {
  return tf.grads((x, mean, variance, offset, scale) =>
    weighted(tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), scale), offset)),
  )(inputs(xShape, statShape));
}

const layouts: [string, number[], number[]][] = [
  ['per channel of an image batch', [2, 4, 5, 3], [3]],
  ['per feature of a vector batch', [6, 4], [4]],
  ['elementwise statistics', [2, 3, 3, 2], [2, 3, 3, 2]],
];

describe('batch-norm gradient', () => {
  it.each(layouts)('equals the elementary-op gradient, %s', async (_, xShape, statShape) => {
    for (const backend of ['cpu', 'wasm'] as const) {
      const expected = await computeOn(backend, () => elementary(xShape, statShape));
      const actual = await computeOn(backend, () => fused(xShape, statShape));
      ['x', 'mean', 'variance', 'offset', 'scale'].forEach((input, i) => {
        expect(actual[i].shape, `${backend} d${input}`).toEqual(expected[i].shape);
        expect(relativeError(actual[i].values, expected[i].values), `${backend} d${input}`).toBeLessThan(1e-4);
      });
    }
  });
});
