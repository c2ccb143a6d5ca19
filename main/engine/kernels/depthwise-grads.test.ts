// The wasm depthwise-convolution gradient kernels must agree with the cpu backend's.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

interface Case {
  batch: number;
  size: [number, number];
  channels: number;
  multiplier: number;
  kernel: number;
  stride: number;
  pad: 'same' | 'valid';
}

const cases: Case[] = [];
for (const kernel of [1, 3]) {
  for (const stride of [1, 2]) {
    for (const pad of ['same', 'valid'] as const) {
      cases.push({ batch: 2, size: [8, 8], channels: 3, multiplier: 1, kernel, stride, pad });
      cases.push({ batch: 1, size: [7, 9], channels: 8, multiplier: 2, kernel, stride, pad });
    }
  }
}
cases.push({ batch: 3, size: [10, 10], channels: 16, multiplier: 1, kernel: 3, stride: 2, pad: 'same' });
cases.push({ batch: 2, size: [9, 9], channels: 1, multiplier: 3, kernel: 5, stride: 1, pad: 'same' });

const name = (c: Case) =>
  `${c.kernel}x${c.kernel} stride ${c.stride} ${c.pad}, ${c.channels} channels x${c.multiplier}, batch ${c.batch}, ${c.size.join('x')}`;

function shapes(c: Case) {
  const x = [c.batch, ...c.size, c.channels] as [number, number, number, number];
  const w = [c.kernel, c.kernel, c.channels, c.multiplier] as [number, number, number, number];
  const dy = tf.tidy(() => tf.depthwiseConv2d(tf.zeros(x) as tf.Tensor4D, tf.zeros(w) as tf.Tensor4D, c.stride, c.pad).shape);
  return { x, w, dy };
}

function gradients(c: Case, dilation = 1): tf.Tensor[] {
  const s = shapes(c);
  const x = tf.tensor4d(seededValues(sizeOf(s.x), 11), s.x);
  const w = tf.tensor4d(seededValues(sizeOf(s.w), 12), s.w);
  const dy = tf.tensor4d(seededValues(sizeOf(s.dy), 13), s.dy);
  const attrs = { strides: c.stride, pad: c.pad, dilations: dilation };
  const dW = tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: s.w }) as tf.Tensor;
  const dx = tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter: w }, { ...attrs, inputShape: s.x }) as tf.Tensor;
  return [dW, dx];
}

describe('wasm DepthwiseConv2dNativeBackpropFilter and ...BackpropInput', () => {
  it.each(cases.map((c) => [name(c), c] as const))('match the cpu backend: %s', async (_, c) => {
    const [cpuW, cpuX] = await computeOn('cpu', () => gradients(c));
    const [wasmW, wasmX] = await computeOn('wasm', () => gradients(c));
    expect(wasmW.shape).toEqual(cpuW.shape);
    expect(wasmX.shape).toEqual(cpuX.shape);
    expect(relativeError(wasmW.values, cpuW.values), 'dW').toBeLessThan(1e-4);
    expect(relativeError(wasmX.values, cpuX.values), 'dx').toBeLessThan(1e-4);
  });

  it('handle dilation 2 like a filter with zeros between its taps', async () => {
    const c: Case = { batch: 2, size: [9, 9], channels: 3, multiplier: 2, kernel: 3, stride: 1, pad: 'same' };
    const s = shapes(c);
    const values = { x: seededValues(sizeOf(s.x), 21), w: seededValues(sizeOf(s.w), 22) };
    const loss = (dilation: number) => (x: tf.Tensor, w: tf.Tensor) =>
      tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same', 'NHWC', dilation).square().sum();
    const cpu = await computeOn('cpu', () => {
      const w = tf.tensor4d(values.w, s.w);
      const wide = tf.buffer([5, 5, 3, 2]);
      const src = w.bufferSync();
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) for (let i = 0; i < 3; i++) for (let m = 0; m < 2; m++) wide.set(src.get(a, b, i, m), 2 * a, 2 * b, i, m);
      const [dx, dWide] = tf.grads(loss(1))([tf.tensor4d(values.x, s.x), wide.toTensor()]);
      return [tf.stridedSlice(dWide, [0, 0, 0, 0], [5, 5, 3, 2], [2, 2, 1, 1]), dx];
    });
    const wasm = await computeOn('wasm', () => {
      const x = tf.tensor4d(values.x, s.x);
      const w = tf.tensor4d(values.w, s.w);
      const dy = tf.mul(tf.depthwiseConv2d(x, w, 1, 'same', 'NHWC', 2), 2);
      const attrs = { strides: 1, pad: 'same', dilations: 2 };
      return [
        tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: s.w }) as tf.Tensor,
        tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter: w }, { ...attrs, inputShape: s.x }) as tf.Tensor,
      ];
    });
    expect(relativeError(wasm[0].values, cpu[0].values), 'dW').toBeLessThan(1e-4);
    expect(relativeError(wasm[1].values, cpu[1].values), 'dx').toBeLessThan(1e-4);
  });
});
