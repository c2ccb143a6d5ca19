// A whole training gradient through a small residual net (strided and 1x1 convolutions,
// depthwise and separable convolutions, batch norm, a skip connection) must be the same on
// the wasm backend, with ResWire's kernels, as on the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeOn, relativeError, seededValues, sizeOf } from './testing';

function smallResidualNet(): tf.LayersModel {
  const input = tf.input({ shape: [10, 10, 3] });
  let x = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', useBias: false }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
  x = tf.layers.activation({ activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  let y = tf.layers.conv2d({ filters: 12, kernelSize: 3, strides: 2, padding: 'same', useBias: false }).apply(x) as tf.SymbolicTensor;
  y = tf.layers.batchNormalization().apply(y) as tf.SymbolicTensor;
  y = tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 1, padding: 'same' }).apply(y) as tf.SymbolicTensor;
  const shortcut = tf.layers.conv2d({ filters: 12, kernelSize: 1, strides: 2, padding: 'valid' }).apply(x) as tf.SymbolicTensor;
  let z = tf.layers.add().apply([y, shortcut]) as tf.SymbolicTensor;
  z = tf.layers.separableConv2d({ filters: 6, kernelSize: 3, depthMultiplier: 2, padding: 'valid' }).apply(z) as tf.SymbolicTensor;
  z = tf.layers.globalAveragePooling2d({}).apply(z) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 4, activation: 'softmax' }).apply(z) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

function trainingGradients(): tf.Tensor[] {
  const model = smallResidualNet();
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(seededValues(w.size, 100 + i), w.shape).mul(0.5)));
  const x = tf.tensor4d(seededValues(sizeOf([5, 10, 10, 3]), 7), [5, 10, 10, 3]);
  const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 1], 'int32'), 4);
  const { grads } = tf.variableGrads(() =>
    tf.losses.softmaxCrossEntropy(labels, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
  );
  const names = model.trainableWeights.map((w) => (w.read() as tf.Variable).name);
  const ordered = names.map((n) => grads[n]);
  model.dispose();
  return ordered;
}

describe('training gradients of a small residual net', () => {
  it('are the same on wasm as on cpu for every trainable weight', async () => {
    const cpu = await computeOn('cpu', trainingGradients);
    const wasm = await computeOn('wasm', trainingGradients);
    expect(wasm.length).toBe(cpu.length);
    expect(cpu.length).toBeGreaterThan(10);
    wasm.forEach((g, i) => {
      expect(g.shape, `weight ${i}`).toEqual(cpu[i].shape);
      expect(relativeError(g.values, cpu[i].values), `weight ${i} ${JSON.stringify(g.shape)}`).toBeLessThan(1e-4);
    });
  });

  it('leave no tensor or wasm buffer behind across training steps', async () => {
    await computeOn('wasm', () => tf.zeros([1]));
    const model = smallResidualNet();
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const optimizer = tf.train.momentum(0.01, 0.9);
    const x = tf.tensor4d(seededValues(sizeOf([4, 10, 10, 3]), 8), [4, 10, 10, 3]);
    const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 4);
    const step = () =>
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar, false, vars);
    step(); // creates the optimizer's slots
    const tensors = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    model.dispose();
  });
});

