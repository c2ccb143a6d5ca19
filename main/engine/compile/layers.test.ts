// Every layer type, with its less common options (dilation, depth multipliers, leakyRelu as
// a layer activation, bilinear upsampling, merges), compiles to the shapes inference
// promises, computes what TF.js's own ops compute, and trains.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../../shared/catalog';
import { type GraphDocument, inferGraph } from '../../../shared/graph';
import { ColumnBuilder } from '../../../shared/templates/builder';
import { buildTemplate } from '../../../shared/templates';
import { initBackend } from '../backend';
import { CompileError, compileGraph } from './index';
import { LAYER_BUILDERS } from './layers';

beforeAll(async () => {
  await initBackend('cpu');
});

function everyLayerGraph(): GraphDocument {
  const b = new ColumnBuilder('every layer');
  b.layer('in', 'Input', { shape: [9, 9, 3] }, null);
  b.layer('c1', 'Conv2D', { filters: 4, kernelSize: 3, dilation: 2, padding: 'same', activation: 'leakyRelu' });
  b.layer('d1', 'DepthwiseConv2D', { kernelSize: 3, dilation: 2, depthMultiplier: 2, padding: 'valid' });
  b.layer('s1', 'SeparableConv2D', { filters: 6, kernelSize: 3, dilation: [1, 2], padding: 'same', activation: 'gelu' });
  b.layer('bn', 'BatchNorm', { momentum: 0.9 });
  b.layer('act', 'Activation', { activation: 'elu', alpha: 0.5 });
  b.layer('zp', 'ZeroPadding2D', { padding: [1, 2] });
  const mp = b.layer('mp', 'MaxPool2D', { poolSize: 2, strides: 2, padding: 'same' });
  b.layer('up', 'UpSampling2D', { size: 2, interpolation: 'bilinear' });
  const ap = b.layer('ap', 'AvgPool2D', { poolSize: 2, strides: 2, padding: 'valid' });
  const ln = b.layer('ln', 'LayerNorm', {});
  const mul = b.layer('mul', 'Multiply', {}, [ap, ln]);
  const add = b.layer('add', 'Add', {}, [mul, ap]);
  const cat = b.layer('cat', 'Concatenate', { axis: -1 }, [add, mp]);
  const gap = b.layer('gap', 'GlobalAvgPool2D', {}, cat);
  const gmp = b.layer('gmp', 'GlobalMaxPool2D', {}, cat);
  b.layer('cat2', 'Concatenate', { axis: 0 }, [gap, gmp]);
  b.layer('drop', 'Dropout', { rate: 0.3 });
  b.layer('rs', 'Reshape', { targetShape: [4, 6] });
  b.layer('fl', 'Flatten', {});
  b.layer('dense', 'Dense', { units: 5, activation: 'swish' });
  b.layer('out', 'Output', { classes: 5, loss: 'binaryCrossentropy' });
  return b.build({});
}

describe('compileGraph with every layer type', () => {
  const doc = everyLayerGraph();

  it('uses every non-structural layer type of the catalog', () => {
    const used = new Set(doc.nodes.map((n) => n.type));
    const unused = LAYERS.filter((l) => !l.internal && !used.has(l.type)).map((l) => l.type);
    expect(unused).toEqual([]);
  });

  it('gives every node the shape inference gives it, and the same parameter count', () => {
    const analysis = inferGraph(doc);
    expect(analysis.errors).toEqual([]);
    const compiled = compileGraph(doc);
    for (const [id, info] of analysis.nodes) {
      const layer = compiled.model.getLayer(compiled.layerOfNode.get(id)!);
      expect((layer.outputShape as number[]).slice(1), id).toEqual(info.outputShape);
    }
    expect(compiled.model.countParams()).toBe(analysis.totals.params);
    expect(compiled.loss).toBe('binaryCrossentropy');
    expect(compiled.model.outputs[0].shape).toEqual([null, 5]);
  });

  it('computes dilated convolutions exactly as the TF.js ops do', () => {
    const compiled = compileGraph(doc);
    const layer = (id: string) => compiled.model.getLayer(compiled.layerOfNode.get(id)!);
    tf.tidy(() => {
      const x = tf.randomNormal([2, 9, 9, 3]) as tf.Tensor4D;
      const [k, bias] = layer('c1').getWeights() as [tf.Tensor4D, tf.Tensor1D];
      const expected = tf.add(tf.conv2d(x, k, 1, 'same', 'NHWC', 2), bias);
      expect(tf.max(tf.abs(tf.sub(layer('c1').apply(x) as tf.Tensor, expected))).dataSync()[0]).toBeLessThan(1e-5);

      const y = tf.randomNormal([2, 9, 9, 4]) as tf.Tensor4D;
      const [dk, dbias] = layer('d1').getWeights() as [tf.Tensor4D, tf.Tensor1D];
      const dExpected = tf.add(tf.depthwiseConv2d(y, dk, 1, 'valid', 'NHWC', 2), dbias);
      expect(tf.max(tf.abs(tf.sub(layer('d1').apply(y) as tf.Tensor, dExpected))).dataSync()[0]).toBeLessThan(1e-5);

      const z = tf.randomNormal([2, 5, 5, 8]) as tf.Tensor4D;
      const [sdk, spk, sbias] = layer('s1').getWeights() as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D];
      const sExpected = tf.layers.activation({ activation: 'gelu' }).apply(tf.add(tf.separableConv2d(z, sdk, spk, 1, 'same', [1, 2]), sbias)) as tf.Tensor;
      expect(tf.max(tf.abs(tf.sub(layer('s1').apply(z) as tf.Tensor, sExpected))).dataSync()[0]).toBeLessThan(1e-5);
    });
  });

  it.each(['cpu', 'wasm'] as const)('trains on %s: every trainable weight gets a finite, non-zero gradient', async (backend) => {
    await initBackend(backend);
    const compiled = compileGraph(doc);
    const x = tf.randomNormal([3, 9, 9, 3]);
    const labels = tf.randomUniform([3, 5]).round();
    const { value, grads } = tf.variableGrads(() =>
      tf.metrics.binaryCrossentropy(labels, compiled.model.apply(x, { training: true }) as tf.Tensor).mean() as tf.Scalar,
    );
    expect(Number.isFinite(value.dataSync()[0])).toBe(true);
    for (const w of compiled.model.trainableWeights) {
      const g = grads[(w.read() as tf.Variable).name];
      expect(g, w.name).toBeDefined();
      const norm = tf.norm(g).dataSync()[0];
      expect(Number.isFinite(norm) && norm > 0, `${w.name} gradient norm ${norm}`).toBe(true);
    }
    await initBackend('cpu');
  });
});

describe('compile errors', () => {
  const saved = LAYER_BUILDERS.Dense;
  afterEach(() => {
    LAYER_BUILDERS.Dense = saved;
  });

  it('refuses an invalid graph with inference’s first error and its node id', () => {
    const doc = buildTemplate('mlp', {});
    doc.nodes.find((n) => n.id === 'output')!.params.classes = 7;
    const err = (() => {
      try {
        compileGraph(doc);
      } catch (e) {
        return e;
      }
    })() as CompileError;
    expect(err).toBeInstanceOf(CompileError);
    expect(err.nodeId).toBe('output');
    expect(err.message).toMatch(/7/);
    expect(err.errors.length).toBeGreaterThan(0);
  });

  it('attaches a TF.js failure to the node being built', () => {
    LAYER_BUILDERS.Dense = () => {
      throw new Error('Negative dimension size caused by something.\nstack noise');
    };
    const doc = buildTemplate('mlp', {});
    expect(() => compileGraph(doc)).toThrowError(CompileError);
    try {
      compileGraph(doc);
    } catch (e) {
      expect((e as CompileError).nodeId).toBe('hidden');
      expect((e as Error).message).toBe('TF.js could not build Dense hidden: Negative dimension size caused by something.');
    }
  });
});
