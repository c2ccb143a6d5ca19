// The wasm FusedBatchNorm (per-channel affine fast path and stock fallback) against cpu.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

const cases: [string, number[], number[], boolean, boolean][] = [
  ['an image batch, [C] statistics', [4, 6, 5, 3], [3], true, true],
  ['an image batch without offset', [4, 6, 5, 3], [3], false, true],
  ['an image batch without scale', [4, 6, 5, 3], [3], true, false],
  ['kept-dims [1,1,1,C] statistics', [2, 3, 3, 5], [1, 1, 1, 5], true, true],
  ['a vector batch', [9, 7], [7], true, true],
  ['a sequence batch', [2, 5, 4], [4], false, false],
  ['elementwise statistics (stock path)', [2, 3, 3, 2], [2, 3, 3, 2], true, true],
];

describe('wasm FusedBatchNorm', () => {
  it.each(cases)('matches the cpu backend on %s', async (_, xShape, statShape, withOffset, withScale) => {
    const run = () => {
      const n = sizeOf(statShape);
      const stat = (seed: number) => tf.tensor(seededValues(n, seed), statShape);
      const x = tf.tensor(seededValues(sizeOf(xShape), 60), xShape).mul(4).add(2);
      return tf.batchNorm(x, stat(61), stat(62).abs().add(0.1), withOffset ? stat(63) : undefined, withScale ? stat(64) : undefined, 1e-3);
    };
    const [cpu] = await computeOn('cpu', run);
    const [wasm] = await computeOn('wasm', run);
    expect(wasm.shape).toEqual(cpu.shape);
    expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-5);
  });
});
