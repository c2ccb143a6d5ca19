// Sum and Mean on wasm, fast path (leading axes) and stock path alike, against the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

const cases: [number[], number[], boolean][] = [
  [[6, 5, 4, 3], [0, 1, 2], false],
  [[6, 5, 4, 3], [0, 1, 2], true],
  [[6, 5, 4, 3], [0], false],
  [[6, 5, 4, 3], [1, 0], true],
  [[7, 9], [0], false],
  [[6, 5, 4, 3], [1, 2], false],
  [[6, 5, 4, 3], [3], true],
  [[6, 5, 4, 3], [0, 1, 2, 3], false],
  [[6, 5, 4, 3], [0, 2], false],
];

describe('wasm Sum and Mean', () => {
  it.each(cases)('of a %j tensor over axes %j (keepDims %s) match the cpu backend', async (shape, axes, keepDims) => {
    const run = () => {
      const x = tf.tensor(seededValues(sizeOf(shape), 41), shape).add(0.25);
      return [tf.sum(x, axes, keepDims), tf.mean(x, axes, keepDims)];
    };
    const cpu = await computeOn('cpu', run);
    const wasm = await computeOn('wasm', run);
    cpu.forEach((c, i) => {
      expect(wasm[i].shape).toEqual(c.shape);
      expect(relativeError(wasm[i].values, c.values)).toBeLessThan(1e-5);
    });
  });

  it('still sums int32 tensors exactly', async () => {
    const [r] = await computeOn('wasm', () => tf.sum(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32'), 0));
    expect(Array.from(r.values)).toEqual([9, 12]);
  });
});
