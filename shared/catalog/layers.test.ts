// Shape rules, errors and counts of the non-convolution, single-input layers.
import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { evaluateLayer, outputActivation } from './index';
import type { LayerContext } from './types';

function run(type: string, inputs: Shape[], params: Params = {}, nodeId = 'n1', graph: Partial<LayerContext<unknown>> = {}) {
  return evaluateLayer(type, inputs, params, nodeId, graph);
}
function shapeOf(type: string, input: Shape, params: Params = {}): Shape {
  const r = run(type, [input], params);
  if (!r.ok) throw new Error(r.error.message);
  return r.shape;
}
function errorOf(type: string, inputs: Shape[], params: Params = {}, nodeId = 'n1', graph: Partial<LayerContext<unknown>> = {}) {
  const r = run(type, inputs, params, nodeId, graph);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.shape)}`);
  return r.error;
}
function weights(type: string, input: Shape, params: Params = {}) {
  const r = run(type, [input], params);
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.params, macs: r.macs };
}
const graph = { inputEdges: [{ edgeId: 'e1', sourceId: 'src', targetPort: 0 }], freshId: (s: string) => s, positionOf: () => ({ x: 10, y: 10 }) };

describe('Input', () => {
  it('outputs its shape and takes no inputs', () => {
    expect(run('Input', [], { shape: [32, 32, 3] })).toMatchObject({ ok: true, shape: [32, 32, 3], macs: 0, params: { trainable: 0, nonTrainable: 0 } });
    expect(run('Input', [], {})).toMatchObject({ ok: true, shape: [28, 28, 1] });
    expect(errorOf('Input', [[4]], {}, 'in').message).toBe('Input in takes no inputs, got 1; remove the edge into it.');
  });
});

describe('Dense', () => {
  it('maps a vector to units', () => {
    expect(shapeOf('Dense', [784], { units: 128 })).toEqual([128]);
    expect(weights('Dense', [784], { units: 128 })).toEqual({ trainable: 784 * 128 + 128, nonTrainable: 0, macs: 784 * 128 });
    expect(weights('Dense', [64], { units: 10, useBias: false }).trainable).toBe(640);
  });

  it('refuses a feature map and offers Flatten, mentioning global pooling', () => {
    const e = errorOf('Dense', [[7, 7, 64]], {}, 'd1', graph);
    expect(e.message).toBe(
      'Dense d1 needs a vector input, but its input is a feature map [7, 7, 64]. Insert Flatten (keeps every value) or GlobalAvgPool2D (averages each channel, far fewer weights) before it.',
    );
    expect(e.fix?.title).toBe('Insert Flatten before Dense d1');
  });

  it('refuses a rank-2 input with the Flatten fix', () => {
    const e = errorOf('Dense', [[28, 28]], {}, 'd1', graph);
    expect(e.message).toBe('Dense d1 needs a vector input, but its input is a rank-2 tensor [28, 28]. Insert Flatten before it.');
    expect(e.fix?.edits.map((x) => x.op)).toEqual(['removeEdge', 'addNode', 'addEdge', 'addEdge']);
  });

  it('gives the same error without a fix when there is no graph', () => {
    expect(errorOf('Dense', [[7, 7, 64]], {}, 'd1').fix).toBeUndefined();
  });
});

describe('BatchNorm and LayerNorm', () => {
  it('keep the shape', () => {
    expect(shapeOf('BatchNorm', [8, 8, 16])).toEqual([8, 8, 16]);
    expect(shapeOf('LayerNorm', [100])).toEqual([100]);
  });

  it('BatchNorm has gamma and beta to learn and a moving mean and variance to track', () => {
    expect(weights('BatchNorm', [8, 8, 16])).toEqual({ trainable: 32, nonTrainable: 32, macs: 0 });
    expect(weights('BatchNorm', [8, 8, 16], { scale: false })).toEqual({ trainable: 16, nonTrainable: 32, macs: 0 });
    expect(weights('BatchNorm', [50], { scale: false, center: false })).toEqual({ trainable: 0, nonTrainable: 100, macs: 0 });
  });

  it('LayerNorm normalises the last axis and tracks nothing', () => {
    expect(weights('LayerNorm', [4, 4, 10])).toEqual({ trainable: 20, nonTrainable: 0, macs: 0 });
    expect(weights('LayerNorm', [10], { center: false })).toEqual({ trainable: 10, nonTrainable: 0, macs: 0 });
  });
});

describe('Activation and Dropout', () => {
  it('keep any shape and add no weights', () => {
    for (const activation of ['relu', 'leakyRelu', 'elu', 'gelu', 'swish', 'sigmoid', 'tanh', 'softmax']) {
      expect(weights('Activation', [3, 3, 2], { activation })).toEqual({ trainable: 0, nonTrainable: 0, macs: 0 });
    }
    expect(shapeOf('Activation', [5, 5, 3], { activation: 'softmax' })).toEqual([5, 5, 3]);
    expect(shapeOf('Dropout', [128], { rate: 0.3 })).toEqual([128]);
    expect(weights('Dropout', [4, 4, 4])).toEqual({ trainable: 0, nonTrainable: 0, macs: 0 });
  });
});

describe('MaxPool2D and AvgPool2D', () => {
  it('halve by default and follow the padding rule', () => {
    for (const type of ['MaxPool2D', 'AvgPool2D']) {
      expect(shapeOf(type, [28, 28, 8])).toEqual([14, 14, 8]);
      expect(shapeOf(type, [7, 7, 8])).toEqual([3, 3, 8]);
      expect(shapeOf(type, [7, 7, 8], { padding: 'same' })).toEqual([4, 4, 8]);
      expect(shapeOf(type, [112, 112, 64], { poolSize: 3, strides: 2, padding: 'same' })).toEqual([56, 56, 64]);
      expect(shapeOf(type, [9, 8, 1], { poolSize: [3, 2], strides: [3, 1] })).toEqual([3, 7, 1]);
      expect(weights(type, [8, 8, 8])).toEqual({ trainable: 0, nonTrainable: 0, macs: 0 });
    }
  });

  it('name the pool and input when the pool does not fit', () => {
    const e = errorOf('MaxPool2D', [[1, 1, 64]], {}, 'p3');
    expect(e.message).toBe('MaxPool2D p3: pool 2x2 is larger than its 1x1 input with valid padding; use padding "same", a smaller pool, or a larger input.');
    expect(e.fix?.edits).toEqual([{ op: 'setParams', nodeId: 'p3', params: { padding: 'same' } }]);
  });

  it('refuse vectors', () => {
    expect(errorOf('AvgPool2D', [[64]], {}, 'p1').message).toMatch(/^AvgPool2D p1 needs a feature map \[H, W, C\] input, but its input is a vector \[64\]/);
  });
});

describe('global pooling', () => {
  it('turns [H, W, C] into [C]', () => {
    expect(shapeOf('GlobalAvgPool2D', [8, 8, 64])).toEqual([64]);
    expect(shapeOf('GlobalMaxPool2D', [7, 5, 2048])).toEqual([2048]);
  });

  it('says to remove it when the input is already a vector', () => {
    expect(errorOf('GlobalAvgPool2D', [[64]], {}, 'g1').message).toBe(
      'GlobalAvgPool2D g1 needs a feature map [H, W, C] input, but its input is already a vector [64]; remove it.',
    );
  });
});

describe('Flatten and Reshape', () => {
  it('Flatten multiplies every dimension out', () => {
    expect(shapeOf('Flatten', [7, 7, 64])).toEqual([3136]);
    expect(shapeOf('Flatten', [28, 28])).toEqual([784]);
    expect(shapeOf('Flatten', [10])).toEqual([10]);
  });

  it('Reshape keeps the value count and infers one -1', () => {
    expect(shapeOf('Reshape', [784], { targetShape: [28, 28, 1] })).toEqual([28, 28, 1]);
    expect(shapeOf('Reshape', [784], { targetShape: [-1, 28, 1] })).toEqual([28, 28, 1]);
    expect(shapeOf('Reshape', [4, 4, 8], { targetShape: [-1] })).toEqual([128]);
    // The default target flattens an MNIST image.
    expect(shapeOf('Reshape', [28, 28, 1])).toEqual([784]);
  });

  it('Reshape names both counts when they differ', () => {
    expect(errorOf('Reshape', [[784]], { targetShape: [10, 10] }, 'r1').message).toBe(
      'Reshape r1 cannot reshape [784] (784 values) into [10, 10] (100 values); the target must hold the same number of values.',
    );
    expect(errorOf('Reshape', [[784]], { targetShape: [-1, 5] }, 'r1').message).toBe(
      'Reshape r1 cannot reshape [784] (784 values) into [-1, 5]: 784 is not a multiple of 5. Choose a target whose known entries divide 784.',
    );
  });
});

describe('ZeroPadding2D and UpSampling2D', () => {
  it('pad rows and columns on both sides', () => {
    expect(shapeOf('ZeroPadding2D', [28, 28, 1])).toEqual([30, 30, 1]);
    expect(shapeOf('ZeroPadding2D', [28, 28, 1], { padding: [3, 0] })).toEqual([34, 28, 1]);
  });

  it('upsample by the size factors', () => {
    expect(shapeOf('UpSampling2D', [7, 7, 16])).toEqual([14, 14, 16]);
    expect(shapeOf('UpSampling2D', [7, 7, 16], { size: [3, 1], interpolation: 'bilinear' })).toEqual([21, 7, 16]);
  });

  it('need a feature map', () => {
    expect(errorOf('ZeroPadding2D', [[10]], {}, 'z').message).toMatch(/^ZeroPadding2D z needs a feature map/);
    expect(errorOf('UpSampling2D', [[10]], {}, 'u').message).toMatch(/^UpSampling2D u needs a feature map/);
  });
});

describe('Output', () => {
  it('passes a vector of exactly `classes` entries and has no weights', () => {
    expect(run('Output', [[10]], { classes: 10 })).toMatchObject({ ok: true, shape: [10], params: { trainable: 0, nonTrainable: 0 }, macs: 0 });
    expect(run('Output', [[1]], { classes: 1, loss: 'binaryCrossentropy' })).toMatchObject({ ok: true, shape: [1] });
  });

  it('maps each loss to its final activation', () => {
    expect(outputActivation('crossentropy')).toBe('softmax');
    expect(outputActivation('binaryCrossentropy')).toBe('sigmoid');
    expect(outputActivation('mse')).toBe('linear');
  });

  it('fed a feature map: inserts global pooling and Dense(classes)', () => {
    const e = errorOf('Output', [[8, 8, 64]], { classes: 10 }, 'out', graph);
    expect(e.message).toBe(
      'Output out needs a vector of exactly 10 entries (one per class), but its input is a feature map [8, 8, 64]. Insert GlobalAvgPool2D and Dense(10) before it.',
    );
    expect(e.fix?.title).toBe('Insert GlobalAvgPool2D and Dense(10) before Output out');
    const added = e.fix?.edits.flatMap((x) => (x.op === 'addNode' ? [[x.node.type, x.node.params]] : []));
    expect(added).toEqual([['GlobalAvgPool2D', {}], ['Dense', { units: 10 }]]);
  });

  it('fed a vector of the wrong size: inserts Dense(classes) or suggests changing classes', () => {
    const e = errorOf('Output', [[64]], { classes: 10 }, 'out', graph);
    expect(e.message).toBe('Output out needs a vector of exactly 10 entries (one per class), but its input is a vector [64]. Insert Dense(10) before it, or set classes to 64.');
    expect(e.fix?.title).toBe('Insert Dense(10) before Output out');
  });

  it('fed a rank-2 tensor: inserts Flatten and Dense(classes)', () => {
    expect(errorOf('Output', [[28, 28]], { classes: 3 }, 'out', graph).fix?.title).toBe('Insert Flatten and Dense(3) before Output out');
  });
});

describe('block ports', () => {
  it('BlockInput takes the shape the instance is fed at its index', () => {
    expect(run('BlockInput', [], { index: 1 }, 'bi', { blockInputs: [[8, 8, 16], [4, 4, 32]] })).toMatchObject({ ok: true, shape: [4, 4, 32] });
  });

  it('BlockInput explains a missing instance or port', () => {
    expect(errorOf('BlockInput', [], {}, 'bi').message).toBe(
      'BlockInput bi gets its shape from a block instance; use the block in a graph instead of inferring the definition alone.',
    );
    expect(errorOf('BlockInput', [], { index: 2 }, 'bi', { blockInputs: [[8]] }).message).toBe(
      'BlockInput bi is port 2, but the block instance has 1 input; connect input 2 to the instance or lower the port number.',
    );
  });

  it('BlockOutput passes its single input through', () => {
    expect(shapeOf('BlockOutput', [8, 8, 16])).toEqual([8, 8, 16]);
    expect(errorOf('BlockOutput', [], {}, 'bo').message).toBe('BlockOutput bo needs exactly 1 input, got 0; connect a layer to it.');
  });
});
