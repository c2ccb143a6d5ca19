// Backend selection: the best backend that loads, clear sentences for ones that cannot, and
// the multi-threaded wasm build computing the same numbers as the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues } from '../kernels/testing';
import { BACKEND_NAMES, type BackendName, initBackend } from './index';

// Force the threaded wasm build even on a one-core machine (each test file runs in its own process).
process.env.RESWIRE_WASM_THREADS = '2';

const hasTfjsNode = await import(/* @vite-ignore */ '@tensorflow/tfjs-node' as string).then(
  () => true,
  () => false,
);

describe('initBackend', () => {
  it('picks the fastest backend that loads and makes it current', async () => {
    const backend = await initBackend();
    expect(backend.name).toBe(hasTfjsNode ? 'tensorflow' : 'wasm');
    expect(backend.tf.getBackend()).toBe(backend.name);
  });

  it('runs wasm with the requested two threads', async () => {
    const backend = await initBackend('wasm');
    expect(backend.threads).toBe(2);
  });

  it.skipIf(hasTfjsNode)('says how to get the tensorflow backend when @tensorflow/tfjs-node is missing', async () => {
    await expect(initBackend('tensorflow')).rejects.toThrow(
      /^The tensorflow backend needs the optional package @tensorflow\/tfjs-node, which could not be loaded \(.*\)\. Install it with `npm install @tensorflow\/tfjs-node`, or choose --backend wasm\.$/,
    );
  });

  it('rejects an unknown backend name with the list of names', async () => {
    await expect(initBackend('gpu' as BackendName)).rejects.toThrow(`Unknown backend "gpu": choose one of ${BACKEND_NAMES.join(', ')}.`);
  });

  it('computes a convolution training gradient on threaded wasm as cpu does', async () => {
    const grad = () => {
      const x = tf.tensor4d(seededValues(4 * 16 * 16 * 8, 1), [4, 16, 16, 8]);
      const w = tf.tensor4d(seededValues(3 * 3 * 8 * 16, 2), [3, 3, 8, 16]);
      return tf.grads((a: tf.Tensor, f: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, f as tf.Tensor4D, 2, 'same').square().sum())([x, w]);
    };
    const cpu = await computeOn('cpu', grad);
    const wasm = await computeOn('wasm', grad);
    expect(tf.getBackend()).toBe('wasm');
    cpu.forEach((c, i) => expect(relativeError(wasm[i].values, c.values)).toBeLessThan(1e-4));
  });
});
