// Convolution rules: output shapes, window errors, weights and MACs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { evaluateLayer } from './index';

function shapeOf(type: string, input: Shape, params: Params = {}, nodeId = 'n1'): Shape {
  const r = evaluateLayer(type, [input], params, nodeId);
  if (!r.ok) throw new Error(r.error.message);
  return r.shape;
}
function errorOf(type: string, inputs: Shape[], params: Params = {}, nodeId = 'n1') {
  const r = evaluateLayer(type, inputs, params, nodeId);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.shape)}`);
  return r.error;
}
function counts(type: string, input: Shape, params: Params = {}) {
  const r = evaluateLayer(type, [input], params);
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.params, macs: r.macs };
}

describe('Conv2D', () => {
  it('keeps height and width with same padding and stride 1', () => {
    expect(shapeOf('Conv2D', [28, 28, 1])).toEqual([28, 28, 32]);
  });

  it('rounds up with same padding and a stride', () => {
    expect(shapeOf('Conv2D', [7, 7, 8], { filters: 4, strides: 2 })).toEqual([4, 4, 4]);
    expect(shapeOf('Conv2D', [32, 30, 3], { filters: 16, strides: [2, 3] })).toEqual([16, 10, 16]);
  });

  it('uses only full windows with valid padding', () => {
    expect(shapeOf('Conv2D', [28, 28, 1], { kernelSize: 5, padding: 'valid' })).toEqual([24, 24, 32]);
    expect(shapeOf('Conv2D', [28, 28, 1], { kernelSize: 5, strides: 2, padding: 'valid' })).toEqual([12, 12, 32]);
    expect(shapeOf('Conv2D', [10, 9, 1], { kernelSize: [3, 1], padding: 'valid' })).toEqual([8, 9, 32]);
  });

  it('widens the window with dilation under valid padding', () => {
    // A 3x3 kernel with dilation 2 spans 5x5.
    expect(shapeOf('Conv2D', [9, 9, 4], { kernelSize: 3, dilation: 2, padding: 'valid', filters: 8 })).toEqual([5, 5, 8]);
    expect(shapeOf('Conv2D', [9, 9, 4], { kernelSize: 3, dilation: 2, padding: 'same', filters: 8 })).toEqual([9, 9, 8]);
  });

  it('names the kernel and input sizes when the kernel does not fit, and offers same padding', () => {
    const e = errorOf('Conv2D', [[3, 3, 8]], { kernelSize: 5, padding: 'valid' }, 'c4');
    expect(e.message).toBe('Conv2D c4: kernel 5x5 is larger than its 3x3 input with valid padding; use padding "same", a smaller kernel, or a larger input.');
    expect(e.fix).toMatchObject({ title: 'Switch Conv2D c4 to padding "same"', edits: [{ op: 'setParams', nodeId: 'c4', params: { padding: 'same' } }] });
  });

  it('explains a dilated kernel that does not fit', () => {
    const e = errorOf('Conv2D', [[4, 4, 8]], { kernelSize: 3, dilation: 2, padding: 'valid' }, 'c4');
    expect(e.message).toMatch(/^Conv2D c4: kernel 3x3 with dilation 2x2 \(spanning 5x5\) is larger than its 4x4 input with valid padding/);
  });

  it('rejects a vector input without guessing a layout', () => {
    const e = errorOf('Conv2D', [[784]], {}, 'c1');
    expect(e.message).toBe('Conv2D c1 needs a feature map [H, W, C] input, but its input is a vector [784]. Reshape it to [H, W, C] first (e.g. [28, 28, 1] for 784 values), or use Dense for vectors.');
    expect(e.fix).toBeUndefined();
  });

  it('offers a one-channel Reshape for a rank-2 input', () => {
    const r = evaluateLayer('Conv2D', [[28, 28]], {}, 'c1', {
      inputEdges: [{ edgeId: 'e1', sourceId: 'in', targetPort: 0 }],
      freshId: (s) => s,
      positionOf: (id) => (id === 'in' ? { x: 0, y: 0 } : { x: 0, y: 200 }),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/Insert a Reshape to \[28, 28, 1\] \(one channel\) before it\.$/);
    expect(r.error.fix?.title).toBe('Insert Reshape to [28, 28, 1] before Conv2D c1');
    expect(r.error.fix?.edits).toContainEqual({ op: 'addNode', node: { id: 'reshape', type: 'Reshape', params: { targetShape: [28, 28, 1] }, position: { x: 0, y: 100 } } });
  });

  it('counts weights with and without bias', () => {
    expect(counts('Conv2D', [32, 32, 3], { filters: 16 })).toEqual({ trainable: 3 * 3 * 3 * 16 + 16, nonTrainable: 0, macs: 32 * 32 * 16 * 27 });
    expect(counts('Conv2D', [32, 32, 3], { filters: 16, useBias: false }).trainable).toBe(432);
    expect(counts('Conv2D', [8, 8, 4], { filters: 2, kernelSize: [1, 3] }).trainable).toBe(1 * 3 * 4 * 2 + 2);
  });

  it('counts MACs on the output grid, so strides cut them', () => {
    expect(counts('Conv2D', [32, 32, 16], { filters: 32, strides: 2, useBias: false }).macs).toBe(16 * 16 * 32 * 9 * 16);
    // The activation adds no weights and is not counted as MACs.
    expect(counts('Conv2D', [8, 8, 1], { filters: 1, activation: 'relu' })).toEqual(counts('Conv2D', [8, 8, 1], { filters: 1 }));
  });

  it('matches brute-force window counting for any size, kernel, stride and dilation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('same', 'valid'),
        (size, k, s, d, padding) => {
          const span = (k - 1) * d + 1;
          let windows = 0;
          for (let start = 0; start + span <= size; start += s) windows++;
          const expected = padding === 'same' ? Math.ceil(size / s) : windows;
          const r = evaluateLayer('Conv2D', [[size, 5, 1]], { kernelSize: [k, 1], strides: [s, 1], dilation: [d, 1], padding, filters: 2 });
          if (expected < 1) return !r.ok && /larger than its/.test(r.error.message);
          return r.ok && r.shape[0] === expected && r.shape[1] === 5;
        },
      ),
    );
  });
});

describe('DepthwiseConv2D', () => {
  it('keeps channels apart and multiplies them by the depth multiplier', () => {
    expect(shapeOf('DepthwiseConv2D', [16, 16, 8])).toEqual([16, 16, 8]);
    expect(shapeOf('DepthwiseConv2D', [16, 16, 8], { depthMultiplier: 3, strides: 2 })).toEqual([8, 8, 24]);
  });

  it('counts one kxk filter per output channel', () => {
    expect(counts('DepthwiseConv2D', [16, 16, 8], { depthMultiplier: 2 })).toEqual({ trainable: 9 * 16 + 16, nonTrainable: 0, macs: 16 * 16 * 8 * 2 * 9 });
    expect(counts('DepthwiseConv2D', [16, 16, 8], { useBias: false }).trainable).toBe(72);
  });

  it('reports a window that does not fit', () => {
    expect(errorOf('DepthwiseConv2D', [[2, 2, 3]], { padding: 'valid' }, 'd1').message).toMatch(/^DepthwiseConv2D d1: kernel 3x3 is larger than its 2x2 input/);
  });

  it('rejects a vector', () => {
    expect(errorOf('DepthwiseConv2D', [[10]], {}, 'd1').message).toMatch(/^DepthwiseConv2D d1 needs a feature map \[H, W, C\] input, but its input is a vector \[10\]/);
  });
});

describe('SeparableConv2D', () => {
  it('outputs the pointwise filter count', () => {
    expect(shapeOf('SeparableConv2D', [32, 32, 3], { filters: 16, strides: 2 })).toEqual([16, 16, 16]);
    expect(shapeOf('SeparableConv2D', [32, 32, 3], { filters: 16, padding: 'valid', kernelSize: 5 })).toEqual([28, 28, 16]);
  });

  it('has depthwise weights, pointwise weights and a pointwise-only bias', () => {
    expect(counts('SeparableConv2D', [10, 10, 4], { filters: 6, depthMultiplier: 2 })).toEqual({
      trainable: 9 * 8 + 8 * 6 + 6,
      nonTrainable: 0,
      macs: 10 * 10 * 8 * 9 + 10 * 10 * 8 * 6,
    });
    expect(counts('SeparableConv2D', [10, 10, 4], { filters: 6, useBias: false }).trainable).toBe(36 + 24);
  });

  it('reports a window that does not fit', () => {
    expect(errorOf('SeparableConv2D', [[4, 9, 3]], { kernelSize: 5, padding: 'valid' }, 's1').message).toMatch(/kernel 5x5 is larger than its 4x9 input/);
  });
});

describe('every convolution', () => {
  it('needs exactly one input', () => {
    for (const type of ['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D']) {
      expect(errorOf(type, [], {}, 'x').message).toBe(`${type} x needs exactly 1 input, got 0; connect a layer to it.`);
      expect(errorOf(type, [[4, 4, 1], [4, 4, 1]], {}, 'x').message).toBe(`${type} x takes exactly 1 input, got 2; remove the extra edges.`);
    }
  });

  it('rejects a malformed input shape', () => {
    expect(errorOf('Conv2D', [[0, 28, 1]], {}, 'c1').message).toBe(
      'Conv2D c1 got an invalid shape [0, 28, 1]; every dimension must be a positive integer. Fix the layer that feeds it.',
    );
    expect(errorOf('Conv2D', [[-4, 28, 1]], {}, 'c1').message).toMatch(/invalid shape \[-4, 28, 1\]/);
  });

  it('reports bad params instead of a shape', () => {
    expect(errorOf('Conv2D', [[8, 8, 1]], { filters: 0 }, 'c1').message).toBe('Conv2D c1 param "filters" must be a positive integer, got 0.');
    expect(errorOf('SeparableConv2D', [[8, 8, 1]], { dilation: 0 }, 'c1').message).toMatch(/"dilation" must be a positive integer/);
  });
});
