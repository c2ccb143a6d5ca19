// The registry as a whole: names others depend on, palette metadata, and that every rule
// answers any input with either a valid shape or a sentence naming the layer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateLayer, getLayer, isLayerType, LAYER_SPECS, LAYER_TYPES, LAYERS, PALETTE_LAYERS, paramDefaults } from './index';
import type { ParamSpec } from './types';

const FAMILIES = ['Input/Output', 'Convolution', 'Dense', 'Normalization', 'Activation', 'Pooling', 'Merge', 'Regularization', 'Reshape', 'Blocks'];

describe('layer registry', () => {
  it('has exactly the agreed types and param names', () => {
    const names = Object.fromEntries(LAYERS.map((l) => [l.type, Object.keys(l.params)]));
    expect(names).toEqual({
      Input: ['shape'],
      Output: ['classes', 'loss'],
      Conv2D: ['filters', 'kernelSize', 'strides', 'padding', 'dilation', 'useBias', 'activation'],
      DepthwiseConv2D: ['kernelSize', 'strides', 'padding', 'dilation', 'depthMultiplier', 'useBias', 'activation'],
      SeparableConv2D: ['filters', 'kernelSize', 'strides', 'padding', 'dilation', 'depthMultiplier', 'useBias', 'activation'],
      Dense: ['units', 'useBias', 'activation'],
      BatchNorm: ['momentum', 'epsilon', 'center', 'scale'],
      LayerNorm: ['epsilon', 'center', 'scale'],
      Activation: ['activation', 'alpha'],
      MaxPool2D: ['poolSize', 'strides', 'padding'],
      AvgPool2D: ['poolSize', 'strides', 'padding'],
      GlobalAvgPool2D: [],
      GlobalMaxPool2D: [],
      Add: [],
      Multiply: [],
      Concatenate: ['axis'],
      Dropout: ['rate'],
      Flatten: [],
      Reshape: ['targetShape'],
      ZeroPadding2D: ['padding'],
      UpSampling2D: ['size', 'interpolation'],
      BlockInput: ['index'],
      BlockOutput: [],
    });
    expect(LAYER_TYPES).toEqual(Object.keys(LAYER_SPECS));
  });

  it('looks layers up by type', () => {
    expect(getLayer('Conv2D')).toBe(LAYER_SPECS.Conv2D);
    expect(getLayer('conv2d')).toBeUndefined();
    expect(isLayerType('Dense')).toBe(true);
    expect(isLayerType('Block')).toBe(false);
  });

  it('gives every layer palette metadata', () => {
    for (const l of LAYERS) {
      expect(FAMILIES, l.type).toContain(l.family);
      expect(l.label.length, l.type).toBeGreaterThan(0);
      // One sentence: a capital, a full stop at the end, none in between.
      expect(l.description, l.type).toMatch(/^[A-Z][^]*\.$/);
      expect(l.description.slice(0, -1), l.type).not.toMatch(/\.\s/);
      for (const [field, p] of Object.entries(l.params as Record<string, ParamSpec>)) {
        expect(p.label.length, `${l.type}.${field}`).toBeGreaterThan(0);
        if (p.shownWhen) expect(Object.keys(l.params), `${l.type}.${field}`).toContain(p.shownWhen.param);
      }
    }
  });

  it('keeps block ports out of the palette', () => {
    expect(PALETTE_LAYERS.map((l) => l.type)).not.toContain('BlockInput');
    expect(PALETTE_LAYERS.map((l) => l.type)).not.toContain('BlockOutput');
    expect(PALETTE_LAYERS).toHaveLength(LAYERS.length - 2);
    expect(LAYER_SPECS.BlockInput.family).toBe('Blocks');
  });

  it('declares the agreed arities', () => {
    const arity = (t: string) => getLayer(t)!.arity;
    expect(arity('Input')).toEqual({ min: 0, max: 0 });
    expect(arity('BlockInput')).toEqual({ min: 0, max: 0 });
    expect(arity('Conv2D')).toEqual({ min: 1, max: 1 });
    for (const t of ['Add', 'Multiply', 'Concatenate']) expect(arity(t)).toEqual({ min: 2, max: Infinity });
  });
});

describe('every rule on arbitrary inputs', () => {
  const shape = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 });

  it('returns positive-int shapes and non-negative counts, or an error naming the layer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAYERS.filter((l) => l.arity.max > 0)), fc.array(shape, { minLength: 0, maxLength: 3 }), (spec, inputs) => {
        const r = evaluateLayer(spec.type, inputs, paramDefaults(spec.type), 'n9');
        if (!r.ok) return r.error.message.startsWith(`${spec.type} n9`) && r.error.message.endsWith('.');
        return (
          r.shape.length > 0 &&
          r.shape.every((d) => Number.isInteger(d) && d > 0) &&
          Number.isInteger(r.params.trainable) &&
          r.params.trainable >= 0 &&
          r.params.nonTrainable >= 0 &&
          r.macs >= 0
        );
      }),
      { numRuns: 500 },
    );
  });
});
