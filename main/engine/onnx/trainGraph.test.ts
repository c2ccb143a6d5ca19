// The onnxruntime training step against TF.js: the same model, weights and batch must give
// the same loss, correct count, gradients and batch-norm statistics, for every layer rule
// and the awkward convolution geometries; steps of real training must follow the same path.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../shared/graph/fixtures/build';
import type { GraphDocument } from '../../../shared/graph/types';
import { buildTemplate } from '../../../shared/templates/index';
import { initBackend } from '../backend';
import { compileGraph } from '../compile';
import { LayerStatsCollector } from '../train/layerStats';
import { correctCount, lossOf, targetsFor } from '../train/metrics';
import { createOptimizer } from '../train/optimizers';
import { seedMathRandom } from '../train/seed';
import { chooseStepEngine, tfjsStep } from '../train/step';
import { encodeModel } from './proto';
import { createSession, loadOnnxRuntime } from './runtime';
import { buildTrainGraph, UnsupportedLayerError } from './trainGraph';
import { setDropoutStep } from '../compile/dropout';

beforeAll(async () => {
  await initBackend('wasm');
});

/** ||a - b|| / ||a||: the usual measure for a gradient computed two ways. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += a[i] ** 2;
  }
  return Math.sqrt(num / Math.max(den, 1e-30));
}

/** One batch through TF.js's gradients and through the ONNX graph; returns the worst mismatch. */
async function compare(doc: GraphDocument, batch: number) {
  seedMathRandom(7);
  const { model, loss, classes, inputShape } = compileGraph(doc);
  try {
    const x = tf.randomNormal([batch, ...inputShape]);
    const labels = Int32Array.from({ length: batch }, (_, i) => (i * 7) % classes);
    const t = targetsFor(loss, labels, classes);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    let hitsTfjs = NaN;
    const { value, grads } = tf.variableGrads(() => {
      const pred = model.apply(x, { training: true }) as tf.Tensor;
      hitsTfjs = correctCount(loss, pred, t.labels).dataSync()[0];
      return lossOf(loss, pred, t.targets);
    }, vars);

    const graph = buildTrainGraph(model, loss);
    const ort = await loadOnnxRuntime();
    const session = await createSession(ort, encodeModel(graph.spec));
    const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {
      x: new ort.Tensor('float32', x.dataSync() as Float32Array, [batch, ...inputShape]),
      t: new ort.Tensor('float32', Float32Array.from(t.targets.dataSync()), t.targets.shape),
    };
    for (const w of graph.weights) feeds[w.input] = new ort.Tensor('float32', w.variable.read().dataSync() as Float32Array, w.variable.shape as number[]);
    const out = await session.run(feeds);
    await session.release();

    const gradErrors = graph.weights.map((w) => relativeError(grads[(w.variable.read() as tf.Variable).name].dataSync(), out[w.grad].data as Float32Array));
    // The batch statistics, against TF.js's moments of the same layer's input.
    const statErrors = graph.batchNorms.map((b) => {
      const inputLayer = b.layer.inboundNodes[0].inboundLayers[0];
      const probe = tf.model({ inputs: model.inputs, outputs: inputLayer.output as tf.SymbolicTensor });
      const act = probe.apply(x, { training: true }) as tf.Tensor; // batch statistics, as in training
      const m = tf.moments(act, act.shape.slice(0, -1).map((_, i) => i));
      const e = Math.max(relativeError(m.mean.dataSync(), out[b.mean].data as Float32Array), relativeError(m.variance.dataSync(), out[b.variance].data as Float32Array));
      tf.dispose([act, m.mean, m.variance]);
      return e;
    });
    const result = {
      lossTfjs: value.dataSync()[0],
      lossOnnx: (out.loss.data as Float32Array)[0],
      hits: (out.hits.data as Float32Array)[0],
      hitsTfjs,
      worstGrad: Math.max(...gradErrors),
      worstStat: Math.max(0, ...statErrors),
      gradients: graph.weights.length,
      batchNorms: graph.batchNorms.length,
    };
    tf.dispose([x, t.labels, t.targets, value, ...Object.values(grads)]);
    return result;
  } finally {
    model.dispose();
  }
}

/** A convolution of the given geometry between an image input and a softmax head. */
function convGraph(conv: Record<string, unknown>, input = [9, 9, 3], extra: (g: GraphBuilder, from: string) => string = (_g, f) => f): GraphDocument {
  const g = new GraphBuilder('conv geometry');
  const inp = g.node('Input', { shape: input });
  const c = g.add('Conv2D', { filters: 4, kernelSize: 3, strides: 1, padding: 'same', useBias: true, ...conv }, inp);
  const after = extra(g, c);
  const pool = g.add('GlobalAvgPool2D', {}, after);
  const dense = g.add('Dense', { units: 5 }, pool);
  g.add('Output', { classes: 5 }, dense);
  return g.doc();
}

describe('the onnxruntime training graph', () => {
  it('matches TF.js on a residual network with projection shortcuts (ResNet-8)', async () => {
    const r = await compare(buildTemplate('resnet', { depth: 8, input: [12, 12, 3], classes: 5 }), 6);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.hits).toBe(r.hitsTfjs);
    expect(r.worstGrad).toBeLessThan(1e-4);
    expect(r.worstStat).toBeLessThan(1e-4);
    expect(r.batchNorms).toBeGreaterThan(5);
  });

  it('matches TF.js on a pre-activation network', async () => {
    const r = await compare(buildTemplate('resnet', { depth: 8, input: [8, 8, 2], classes: 4, preact: true }), 4);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.worstGrad).toBeLessThan(1e-4);
  });

  const geometries: [string, Record<string, unknown>, number[]?][] = [
    ['3x3 stride 2, same, odd size', { strides: 2 }],
    ['3x3 stride 2, valid, a row left over', { strides: 2, padding: 'valid' }, [10, 10, 3]],
    ['5x5 stride 3, valid', { kernelSize: 5, strides: 3, padding: 'valid' }, [14, 14, 2]],
    ['1x1 stride 2 (a projection)', { kernelSize: 1, strides: 2, useBias: false }],
    ['2x2 stride 1, same (uneven padding)', { kernelSize: 2 }],
    ['3x1 kernel, relu built in', { kernelSize: [3, 1], activation: 'relu' }],
    ['7x7 stride 2, same (an ImageNet stem)', { kernelSize: 7, strides: 2 }, [15, 15, 3]],
    ['3x3 dilation 2, same', { dilation: 2 }, [11, 11, 2]],
    ['3x3 dilation 2, valid', { dilation: 2, padding: 'valid' }, [11, 11, 2]],
  ];
  it.each(geometries)('matches TF.js for a %s convolution', async (_name, conv, input) => {
    const r = await compare(convGraph(conv, input), 5);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.worstGrad).toBeLessThan(1e-4);
  });

  /** Input -> `type` (with `params`) -> global average pool -> dense -> output. */
  const depthwiseGraph = (type: string, params: Record<string, unknown>, input = [9, 9, 3]) => {
    const g = new GraphBuilder(type);
    const inp = g.node('Input', { shape: input });
    const c = g.add(type, { kernelSize: 3, strides: 1, padding: 'same', useBias: true, ...params }, inp);
    // No batch norm straight after: it would make the bias gradient ~0, all float noise.
    g.add('Output', { classes: 4 }, g.add('Dense', { units: 4 }, g.add('GlobalAvgPool2D', {}, c)));
    return g.doc();
  };
  const depthwiseCases: [string, string, Record<string, unknown>, number[]?][] = [
    ['depthwise 3x3 stride 1', 'DepthwiseConv2D', {}],
    ['depthwise 3x3 stride 2, multiplier 2, relu', 'DepthwiseConv2D', { strides: 2, depthMultiplier: 2, activation: 'relu' }],
    ['depthwise 3x3 valid, dilation 2', 'DepthwiseConv2D', { padding: 'valid', dilation: 2 }, [11, 11, 2]],
    ['separable 3x3 stride 1, 6 filters', 'SeparableConv2D', { filters: 6 }],
    ['separable 3x3 stride 2, multiplier 2, no bias', 'SeparableConv2D', { filters: 5, strides: 2, depthMultiplier: 2, useBias: false }],
  ];
  it.each(depthwiseCases)('matches TF.js for a %s convolution', async (_name, type, params, input) => {
    const r = await compare(depthwiseGraph(type, params, input), 5);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.worstGrad).toBeLessThan(1e-4);
  });

  it('matches TF.js for Reshape to flat -> Dense -> LayerNorm on flat features', async () => {
    const g = new GraphBuilder('flat reshape');
    const inp = g.node('Input', { shape: [4, 4, 2] });
    const c = g.add('Conv2D', { filters: 3, kernelSize: 3, strides: 1, padding: 'same', useBias: true }, inp);
    const r = g.add('Reshape', { targetShape: [48] }, c);
    g.add('Output', { classes: 3 }, g.add('Dense', { units: 3 }, g.add('LayerNorm', {}, g.add('Dense', { units: 6, activation: 'relu' }, r))));
    const res = await compare(g.doc(), 5);
    expect(res.lossOnnx).toBeCloseTo(res.lossTfjs, 5);
    expect(res.worstGrad).toBeLessThan(1e-4);
  });

  it('matches TF.js for Flatten -> Dense (relu) -> BatchNorm on flat features', async () => {
    const g = new GraphBuilder('flat head');
    const inp = g.node('Input', { shape: [6, 6, 2] });
    const c = g.add('Conv2D', { filters: 3, kernelSize: 3, strides: 1, padding: 'same', useBias: false }, inp);
    const f = g.add('Flatten', {}, c);
    const d1 = g.add('Dense', { units: 8, activation: 'relu' }, f);
    const bn = g.add('BatchNorm', {}, d1);
    const d2 = g.add('Dense', { units: 3 }, bn);
    g.add('Output', { classes: 3 }, d2);
    const r = await compare(g.doc(), 7);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.worstGrad).toBeLessThan(1e-4);
    expect(r.batchNorms).toBe(1);
  });

  /** Input -> conv (4 filters) -> `body` -> global average pool -> dense -> output. */
  const layerGraphs: [string, (g: GraphBuilder, from: string) => string, number[]?][] = [
    ['max pooling 2x2 (valid)', (g, f) => g.add('MaxPool2D', { poolSize: 2, strides: 2, padding: 'valid' }, f)],
    ['overlapping max pooling 3x3/2 (same)', (g, f) => g.add('MaxPool2D', { poolSize: 3, strides: 2, padding: 'same' }, f)],
    ['average pooling 3x3/2 (same, uneven borders)', (g, f) => g.add('AvgPool2D', { poolSize: 3, strides: 2, padding: 'same' }, f)],
    ['average pooling 2x2 (valid, a row left over)', (g, f) => g.add('AvgPool2D', { poolSize: 2, strides: 2, padding: 'valid' }, f)],
    ['zero padding', (g, f) => g.add('ZeroPadding2D', { padding: [1, 2] }, f)],
    ['sigmoid, tanh, leaky ReLU and ELU', (g, f) => {
      const a = g.add('Activation', { activation: 'sigmoid' }, f);
      const b = g.add('Activation', { activation: 'tanh' }, a);
      const c = g.add('Activation', { activation: 'leakyRelu', alpha: 0.3 }, b);
      return g.add('Activation', { activation: 'elu', alpha: 0.7 }, c);
    }],
    ['gelu and swish', (g, f) => g.add('Activation', { activation: 'swish' }, g.add('Activation', { activation: 'gelu' }, f))],
    ['Multiply and Concatenate (channels) of two branches', (g, f) => {
      const a = g.add('Conv2D', { filters: 4, kernelSize: 1, strides: 1, padding: 'same', useBias: true }, f);
      const m = g.add('Multiply', {}, f, a);
      return g.add('Concatenate', { axis: -1 }, m, f);
    }],
    ['Concatenate along the height', (g, f) => g.add('Concatenate', { axis: 0 }, f, f)],
    ['layer norm over channels', (g, f) => g.add('LayerNorm', {}, g.add('Activation', { activation: 'relu' }, f))],
    ['nearest upsampling 2x3', (g, f) => g.add('UpSampling2D', { size: [2, 3], interpolation: 'nearest' }, f)],
    ['a reshape to another image', (g, f) => g.add('Reshape', { targetShape: [3, 27, 4] }, f)],
  ];
  it.each(layerGraphs)('matches TF.js through %s', async (_name, body, input) => {
    const r = await compare(convGraph({}, input ?? [9, 9, 3], body), 5);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.worstGrad).toBeLessThan(1e-4);
  });

  it('matches TF.js on the global max pooling head', async () => {
    const g = new GraphBuilder('max head');
    const inp = g.node('Input', { shape: [7, 7, 2] });
    const c = g.add('Conv2D', { filters: 4, kernelSize: 3, strides: 1, padding: 'same', useBias: true, activation: 'relu' }, inp);
    const pool = g.add('GlobalMaxPool2D', {}, c);
    g.add('Output', { classes: 4 }, g.add('Dense', { units: 4 }, pool));
    const r = await compare(g.doc(), 6);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.worstGrad).toBeLessThan(1e-4);
  });

  it('matches TF.js on the ImageNet-style ResNet-18 stem and first stage (zero padding, 7x7/2, max pooling)', async () => {
    const r = await compare(buildTemplate('resnet18', { input: [32, 32, 3], classes: 3 }), 2);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 4);
    expect(r.worstGrad).toBeLessThan(1e-3);
  });

  it.each([
    ['binary cross-entropy (sigmoid, one output)', 'binaryCrossentropy', 1],
    ['mean squared error (linear outputs)', 'mse', 3],
  ] as const)('matches TF.js for %s', async (_name, loss, classes) => {
    const g = new GraphBuilder('loss head');
    const inp = g.node('Input', { shape: [6, 6, 2] });
    const c = g.add('Conv2D', { filters: 3, kernelSize: 3, strides: 1, padding: 'same', useBias: true, activation: 'relu' }, inp);
    const pool = g.add('GlobalAvgPool2D', {}, c);
    g.add('Output', { classes, loss }, g.add('Dense', { units: classes }, pool));
    const r = await compare(g.doc(), 6);
    expect(r.lossOnnx).toBeCloseTo(r.lossTfjs, 5);
    expect(r.hits).toBe(r.hitsTfjs);
    expect(r.worstGrad).toBeLessThan(1e-4);
  });

  it('names the layer it cannot express, and auto falls back to TF.js saying so', async () => {
    const g = new GraphBuilder('bilinear');
    const inp = g.node('Input', { shape: [4, 4, 2] });
    const up = g.add('UpSampling2D', { size: 2, interpolation: 'bilinear' }, inp);
    g.add('Output', { classes: 3 }, g.add('Dense', { units: 3 }, g.add('GlobalAvgPool2D', {}, up)));
    const { model, loss } = compileGraph(g.doc());
    try {
      expect(() => buildTrainGraph(model, loss)).toThrow(UnsupportedLayerError);
      expect(() => buildTrainGraph(model, loss)).toThrow(/bilinear upsampling has no onnxruntime training rule yet \(upsampling2d\d*\)/);
      const auto = await chooseStepEngine(model, loss, 'auto');
      expect(auto.engine).toBe('tfjs');
      expect(auto.fallback).toMatch(/^TF\.js trains this model: bilinear upsampling has no onnxruntime training rule yet \(upsampling2d\d*\)\.$/);
      await expect(chooseStepEngine(model, loss, 'onnxruntime')).rejects.toThrow(/onnxruntime engine cannot train this model: bilinear upsampling.*Choose the tfjs engine/);
    } finally {
      model.dispose();
    }
  });
});

describe('training steps on both engines', () => {
  /** Runs `steps` steps of momentum SGD from the same seed; returns the losses. */
  async function losses(engine: 'tfjs' | 'onnxruntime', steps: number, doc = buildTemplate('resnet', { depth: 8, input: [10, 10, 3], classes: 4 })): Promise<number[]> {
    seedMathRandom(11);
    const { model, loss, classes, inputShape } = compileGraph(doc);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const optimizer = createOptimizer({ optimizer: 'momentum', lr: 0.05, momentum: 0.9, weightDecay: 5e-4 });
    const size = inputShape.reduce((a, b) => a * b, 1);
    const stats = new LayerStatsCollector(model, new Map(), vars, tf.zeros([1, ...inputShape]));
    const chosen = engine === 'tfjs' ? { make: tfjsStep } : await chooseStepEngine(model, loss, 'onnxruntime');
    const step = chosen.make({ model, loss, classes, inputShape, vars, optimizer, stats });
    const out: number[] = [];
    let tensorsAfterFirst = 0;
    try {
      for (let s = 0; s < steps; s++) {
        if (s === 1) tensorsAfterFirst = tf.memory().numTensors;
        const x = Float32Array.from({ length: 8 * size }, (_, i) => Math.sin(i * 0.37 + s));
        const y = Int32Array.from({ length: 8 }, (_, i) => (i + s) % classes);
        setDropoutStep(1000 + s); // as the training loop does before every step
        out.push((await step.run({ x, y, size: 8 })).loss);
      }
      setDropoutStep(null);
      // No tensor is left behind per step (the first step creates the optimizer's slots).
      expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
      // The moving averages followed the batch statistics on both engines alike.
      const bn = model.layers.find((l) => l.getClassName() === 'BatchNormalization');
      if (bn) out.push(...(bn.getWeights()[2].dataSync() as Float32Array).slice(0, 2));
    } finally {
      step.dispose();
      stats.dispose();
      optimizer.dispose();
      model.dispose();
    }
    return out;
  }

  it('gives the same losses and batch-norm moving averages from the same seed', async () => {
    const a = await losses('tfjs', 6);
    const b = await losses('onnxruntime', 6);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-3 * Math.max(1, Math.abs(a[i])));
    expect(a[5]).not.toBeCloseTo(a[0], 3); // the weights moved: the comparison is not of six first steps
  });

  it('draws the same dropout masks on both engines (the MLP and CNN templates)', async () => {
    for (const doc of [buildTemplate('mlp', { input: [10, 10, 3], classes: 4, hidden: 16 }), buildTemplate('cnn', { input: [10, 10, 3], classes: 4 })]) {
      const a = await losses('tfjs', 5, doc);
      const b = await losses('onnxruntime', 5, doc);
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `${doc.name}, step ${i + 1}`).toBeLessThan(1e-3 * Math.max(1, Math.abs(a[i])));
    }
  });
});
