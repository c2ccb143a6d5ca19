// The wasm convolution-gradient kernels must agree with the cpu backend's reference ones.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

interface Case {
  batch: number;
  size: [number, number];
  inChannels: number;
  outChannels: number;
  kernel: [number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
  dilation?: number;
}

const cases: Case[] = [];
for (const kernel of [1, 3]) {
  for (const stride of [1, 2]) {
    for (const pad of ['same', 'valid'] as const) {
      cases.push({ batch: 2, size: [8, 8], inChannels: 3, outChannels: 5, kernel: [kernel, kernel], strides: [stride, stride], pad });
      cases.push({ batch: 1, size: [7, 9], inChannels: 8, outChannels: 1, kernel: [kernel, kernel], strides: [stride, stride], pad });
    }
  }
}
cases.push({ batch: 3, size: [10, 10], inChannels: 16, outChannels: 32, kernel: [3, 3], strides: [2, 2], pad: 'same' });
cases.push({ batch: 2, size: [9, 6], inChannels: 4, outChannels: 6, kernel: [3, 1], strides: [2, 1], pad: 'valid' });
cases.push({ batch: 2, size: [9, 9], inChannels: 3, outChannels: 4, kernel: [5, 5], strides: [1, 1], pad: 'same' });
cases.push({ batch: 2, size: [11, 12], inChannels: 3, outChannels: 4, kernel: [5, 5], strides: [2, 2], pad: 'same' });
cases.push({ batch: 1, size: [13, 11], inChannels: 2, outChannels: 3, kernel: [3, 5], strides: [3, 3], pad: 'valid' });
cases.push({ batch: 2, size: [10, 11], inChannels: 4, outChannels: 2, kernel: [4, 4], strides: [3, 3], pad: 'same' });
cases.push({ batch: 2, size: [9, 8], inChannels: 4, outChannels: 5, kernel: [1, 1], strides: [3, 2], pad: 'same' });
cases.push({ batch: 2, size: [7, 7], inChannels: 6, outChannels: 5, kernel: [2, 2], strides: [2, 2], pad: 'valid' });

const name = (c: Case) =>
  `${c.kernel.join('x')} stride ${c.strides.join(',')} ${c.pad}, ${c.inChannels}->${c.outChannels} channels, batch ${c.batch}, ${c.size.join('x')}`;

function tensors(c: Case) {
  const xShape = [c.batch, ...c.size, c.inChannels] as [number, number, number, number];
  const wShape = [...c.kernel, c.inChannels, c.outChannels] as [number, number, number, number];
  const out = tf.conv2d(tf.zeros(xShape) as tf.Tensor4D, tf.zeros(wShape) as tf.Tensor4D, c.strides, c.pad).shape;
  return {
    x: tf.tensor4d(seededValues(sizeOf(xShape), 1), xShape),
    w: tf.tensor4d(seededValues(sizeOf(wShape), 2), wShape),
    dy: tf.tensor4d(seededValues(sizeOf(out), 3), out),
  };
}

/** The filter with (d-1) zeros between taps: a dilated convolution's plain equivalent. */
function dilateFilter(w: tf.Tensor4D, d: number): tf.Tensor4D {
  const [kh, kw, ci, co] = w.shape;
  const wide = tf.buffer([(kh - 1) * d + 1, (kw - 1) * d + 1, ci, co]);
  const src = w.bufferSync();
  for (let a = 0; a < kh; a++)
    for (let b = 0; b < kw; b++)
      for (let i = 0; i < ci; i++) for (let o = 0; o < co; o++) wide.set(src.get(a, b, i, o), a * d, b * d, i, o);
  return wide.toTensor() as tf.Tensor4D;
}

describe('wasm Conv2DBackpropFilter and Conv2DBackpropInput', () => {
  it.each(cases.map((c) => [name(c), c] as const))('match the cpu backend: %s', async (_, c) => {
    const run = () => {
      const { x, w, dy } = tensors(c);
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC' };
      const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: w.shape }) as tf.Tensor;
      const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: x.shape }) as tf.Tensor;
      return [dW, dx];
    };
    const [cpuW, cpuX] = await computeOn('cpu', run);
    const [wasmW, wasmX] = await computeOn('wasm', run);
    expect(wasmW.shape, name(c)).toEqual(cpuW.shape);
    expect(wasmX.shape, name(c)).toEqual(cpuX.shape);
    expect(relativeError(wasmW.values, cpuW.values), `dW ${name(c)}`).toBeLessThan(1e-4);
    expect(relativeError(wasmX.values, cpuX.values), `dx ${name(c)}`).toBeLessThan(1e-4);
  });

  // The cpu kernels have no dilation; a dilated filter equals a larger filter with zeros
  // between its taps, which gives the reference.
  it.each([1, 2])('handle dilation 2 (with stride 1) for a %ix3 batch', async (batch) => {
    const xShape: [number, number, number, number] = [batch, 9, 9, 3];
    const wShape: [number, number, number, number] = [3, 3, 3, 4];
    const values = { x: seededValues(sizeOf(xShape), 4), w: seededValues(sizeOf(wShape), 5) };
    const cpu = await computeOn('cpu', () => {
      const x = tf.tensor4d(values.x, xShape);
      const w = tf.tensor4d(values.w, wShape);
      const wide2 = dilateFilter(w, 2);
      const [dx, dWide] = tf.grads((a: tf.Tensor, f: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, f as tf.Tensor4D, 1, 'same').square().sum())([x, wide2]);
      const dW = tf.stridedSlice(dWide, [0, 0, 0, 0], [5, 5, 3, 4], [2, 2, 1, 1]);
      return [dW, dx];
    });
    const wasm = await computeOn('wasm', () => {
      const x = tf.tensor4d(values.x, xShape);
      const w = tf.tensor4d(values.w, wShape);
      const y = tf.conv2d(x, w, 1, 'same', 'NHWC', 2);
      const dy = tf.mul(y, 2);
      const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', dilations: 2 };
      const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: wShape }) as tf.Tensor;
      const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: xShape }) as tf.Tensor;
      return [dW, dx];
    });
    expect(relativeError(wasm[0].values, cpu[0].values)).toBeLessThan(1e-4);
    expect(relativeError(wasm[1].values, cpu[1].values)).toBeLessThan(1e-4);
  });

  it('free every intermediate tensor', async () => {
    await computeOn('wasm', () => tf.zeros([1]));
    const c = cases[cases.length - 3];
    const before = tf.engine().backend.numDataIds();
    tf.tidy(() => {
      const { x, w, dy } = tensors(c);
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC' };
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: w.shape });
      tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: x.shape });
    });
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });
});
