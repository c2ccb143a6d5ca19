// Pooling gradients: wasm's max pooling gradient against the cpu backend's (which is right),
// and average pooling's gradient on both backends against the gradient worked out by hand
// (dy over each window's covered cells), since TF.js's own is wrong at clipped borders.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

interface Case {
  size: [number, number];
  pool: number;
  stride: number;
  pad: 'same' | 'valid';
}

const cases: Case[] = [
  { size: [8, 8], pool: 2, stride: 2, pad: 'valid' },
  { size: [9, 9], pool: 2, stride: 2, pad: 'valid' },
  { size: [9, 9], pool: 3, stride: 2, pad: 'same' },
  { size: [8, 10], pool: 3, stride: 2, pad: 'same' },
  { size: [7, 7], pool: 3, stride: 1, pad: 'same' },
  { size: [6, 6], pool: 2, stride: 1, pad: 'valid' },
];
const name = (c: Case) => `${c.pool}x${c.pool} stride ${c.stride} ${c.pad} on ${c.size.join('x')}`;
const xShape = (c: Case): [number, number, number, number] => [2, ...c.size, 3];
const dyShape = (c: Case) => tf.tidy(() => tf.avgPool(tf.zeros(xShape(c)) as tf.Tensor4D, c.pool, c.stride, c.pad).shape);

/** d/dx of sum(pool(x) * dy), through TF.js's gradient. */
function poolGradient(c: Case, kind: 'max' | 'avg', shift: number): tf.Tensor {
  const x = tf.add(tf.tensor4d(seededValues(sizeOf(xShape(c)), 5), xShape(c)), shift) as tf.Tensor4D;
  const dyS = dyShape(c);
  const dy = tf.tensor(seededValues(sizeOf(dyS), 9), dyS);
  const pool = (v: tf.Tensor4D) => (kind === 'max' ? tf.maxPool(v, c.pool, c.stride, c.pad) : tf.avgPool(v, c.pool, c.stride, c.pad));
  return tf.grad((v: tf.Tensor) => tf.sum(tf.mul(pool(v as tf.Tensor4D), dy)))(x);
}

/** The average-pooling gradient by hand: each dy shared equally by the cells its window covers. */
function avgPoolReference(c: Case): Float32Array {
  const [n, h, w, ch] = xShape(c);
  const [, oh, ow] = dyShape(c);
  const dy = seededValues(n * oh * ow * ch, 9);
  const padTop = c.pad === 'same' ? Math.floor(Math.max((oh - 1) * c.stride + c.pool - h, 0) / 2) : 0;
  const padLeft = c.pad === 'same' ? Math.floor(Math.max((ow - 1) * c.stride + c.pool - w, 0) / 2) : 0;
  const dx = new Float32Array(n * h * w * ch);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const rows: number[] = [];
        const cols: number[] = [];
        for (let r = i * c.stride - padTop; r < i * c.stride - padTop + c.pool; r++) if (r >= 0 && r < h) rows.push(r);
        for (let q = j * c.stride - padLeft; q < j * c.stride - padLeft + c.pool; q++) if (q >= 0 && q < w) cols.push(q);
        for (let k = 0; k < ch; k++) {
          const share = dy[((b * oh + i) * ow + j) * ch + k] / (rows.length * cols.length);
          for (const r of rows) for (const q of cols) dx[((b * h + r) * w + q) * ch + k] += share;
        }
      }
    }
  }
  return dx;
}

describe('max pooling gradient on wasm', () => {
  it.each(cases)('matches the cpu backend for $pool x $pool stride $stride $pad, all values negative too', async (c) => {
    for (const shift of [0, -3]) {
      const [cpu] = await computeOn('cpu', () => poolGradient(c, 'max', shift));
      const [wasm] = await computeOn('wasm', () => poolGradient(c, 'max', shift));
      expect(relativeError(wasm.values, cpu.values), `${name(c)}, values shifted by ${shift}`).toBeLessThan(1e-6);
    }
  });
});

describe('average pooling gradient', () => {
  it.each(cases)('shares each dy among the cells its window covers: $pool x $pool stride $stride $pad', async (c) => {
    const expected = avgPoolReference(c);
    for (const backend of ['cpu', 'wasm'] as const) {
      const [got] = await computeOn(backend, () => poolGradient(c, 'avg', 0));
      expect(relativeError(got.values, expected), `${name(c)} on ${backend}`).toBeLessThan(1e-5);
    }
  });
});
