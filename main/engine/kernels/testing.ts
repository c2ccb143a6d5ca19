// Helpers for the kernel tests: seeded data and the same computation on two backends.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend';

/** Deterministic values in [-1, 1) (mulberry32), so a failing case can be replayed. */
export function seededValues(size: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2147483648 - 1;
  }
  return out;
}

export function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Runs `compute` on the named backend and returns its result as plain arrays. */
export async function computeOn(
  backend: 'cpu' | 'wasm',
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<{ shape: number[]; values: Float32Array }[]> {
  if (backend === 'wasm') await initBackend('wasm');
  else await initBackend('cpu');
  const results = tf.tidy(() => {
    const r = compute();
    return Array.isArray(r) ? r : [r];
  });
  const out = results.map((t) => ({ shape: t.shape, values: t.dataSync() as Float32Array }));
  tf.dispose(results);
  return out;
}

/** Largest elementwise difference relative to the reference's largest magnitude. */
export function relativeError(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) return Infinity;
  let scale = 1e-6;
  for (const v of expected) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  return worst / scale;
}
