// Param normalisation: defaults, pairs, and one clear sentence per bad value.
import { describe, expect, it } from 'vitest';
import type { Params } from '../graph/types';
import { getLayer, LAYERS, normalizeParams, paramDefaults } from './index';
import type { LayerSpec } from './types';

const spec = (type: string): LayerSpec<any> => {
  const s = getLayer(type);
  if (!s) throw new Error(`no ${type}`);
  return s;
};
const messages = (type: string, raw: Params, nodeId?: string): string[] => normalizeParams(spec(type), raw, nodeId).errors.map((e) => e.message);

describe('normalizeParams', () => {
  it('fills every default and turns intPairs into [h, w]', () => {
    const { params, errors } = normalizeParams(spec('Conv2D'), {});
    expect(errors).toEqual([]);
    expect(params).toEqual({ filters: 32, kernelSize: [3, 3], strides: [1, 1], padding: 'same', dilation: [1, 1], useBias: true, activation: 'linear' });
  });

  it('keeps given values, accepts a pair and treats null as missing', () => {
    const { params, errors } = normalizeParams(spec('Conv2D'), { filters: 64, kernelSize: [3, 1], strides: 2, padding: null });
    expect(errors).toEqual([]);
    expect(params).toMatchObject({ filters: 64, kernelSize: [3, 1], strides: [2, 2], padding: 'same' });
  });

  it('does not share arrays with the document', () => {
    const raw = { shape: [32, 32, 3] };
    const { params } = normalizeParams(spec('Input'), raw);
    (params.shape as number[])[0] = 1;
    expect(raw.shape[0]).toBe(32);
  });

  it('names layer, field and value for non-positive sizes', () => {
    expect(messages('Conv2D', { filters: 0 })).toEqual(['Conv2D param "filters" must be a positive integer, got 0.']);
    expect(messages('Conv2D', { kernelSize: 0 })).toEqual(['Conv2D param "kernelSize" must be a positive integer or a pair [h, w] of positive integers, got 0.']);
    expect(messages('Conv2D', { strides: [2, 0] })).toEqual(['Conv2D param "strides" must be a positive integer or a pair [h, w] of positive integers, got [2, 0].']);
    expect(messages('MaxPool2D', { poolSize: -2 })[0]).toMatch(/^MaxPool2D param "poolSize" must be a positive integer/);
    expect(messages('Dense', { units: 2.5 })).toEqual(['Dense param "units" must be a positive integer, got 2.5.']);
    expect(messages('DepthwiseConv2D', { depthMultiplier: 0 })[0]).toMatch(/"depthMultiplier" must be a positive integer, got 0/);
    expect(messages('UpSampling2D', { size: 0 })[0]).toMatch(/"size" must be a positive integer/);
  });

  it('includes the node id when given', () => {
    expect(messages('Conv2D', { filters: -3 }, 'c7')).toEqual(['Conv2D c7 param "filters" must be a positive integer, got -3.']);
  });

  it('allows zero padding but not negative padding', () => {
    expect(normalizeParams(spec('ZeroPadding2D'), { padding: [0, 2] }).params.padding).toEqual([0, 2]);
    expect(messages('ZeroPadding2D', { padding: -1 })).toEqual([
      'ZeroPadding2D param "padding" must be a non-negative integer or a pair [h, w] of non-negative integers, got -1.',
    ]);
  });

  it('rejects wrong kinds', () => {
    expect(messages('Conv2D', { filters: '32' })).toEqual(['Conv2D param "filters" must be a positive integer, got "32".']);
    expect(messages('Conv2D', { useBias: 'yes' })).toEqual(['Conv2D param "useBias" must be true or false, got "yes".']);
    expect(messages('Conv2D', { kernelSize: [3, 3, 3] })[0]).toMatch(/got \[3, 3, 3\]\.$/);
  });

  it('lists the enum options', () => {
    expect(messages('Conv2D', { padding: 'full' })).toEqual(['Conv2D param "padding" must be one of "same" or "valid", got "full".']);
    expect(messages('Activation', { activation: 'linear' })[0]).toMatch(/one of "relu", "leakyRelu", "elu", "gelu", "swish", "sigmoid", "tanh" or "softmax", got "linear"/);
    expect(messages('Output', { loss: 'hinge' })[0]).toMatch(/one of "crossentropy", "binaryCrossentropy" or "mse"/);
    expect(messages('UpSampling2D', { interpolation: 'cubic' })[0]).toMatch(/one of "nearest" or "bilinear"/);
  });

  it('checks float ranges, strict where the maths needs it', () => {
    expect(messages('Dropout', { rate: 0 })).toEqual([]);
    expect(messages('Dropout', { rate: 0.999 })).toEqual([]);
    expect(messages('Dropout', { rate: 1 })).toEqual(['Dropout param "rate" must be a number at least 0 and below 1, got 1.']);
    expect(messages('Dropout', { rate: -0.1 })).toHaveLength(1);
    expect(messages('BatchNorm', { epsilon: 0 })).toEqual(['BatchNorm param "epsilon" must be a number above 0, got 0.']);
    expect(messages('BatchNorm', { momentum: 1.5 })).toEqual(['BatchNorm param "momentum" must be a number at least 0 and at most 1, got 1.5.']);
    expect(messages('LayerNorm', { epsilon: Number.NaN })).toHaveLength(1);
    expect(messages('Activation', { alpha: -1 })).toEqual(['Activation param "alpha" must be a number at least 0, got -1.']);
  });

  it('checks shape lists, allowing one -1 only where a size can be inferred', () => {
    expect(messages('Input', { shape: [28, 28, 1] })).toEqual([]);
    expect(messages('Input', { shape: [784] })).toEqual([]);
    expect(messages('Input', { shape: [28, -1] })).toEqual(['Input param "shape" must be a list of 1 to 3 positive integers, e.g. [28, 28, 1], got [28, -1].']);
    expect(messages('Input', { shape: [] })).toHaveLength(1);
    expect(messages('Input', { shape: [1, 2, 3, 4] })).toHaveLength(1);
    expect(messages('Input', { shape: 784 })).toHaveLength(1);
    expect(messages('Reshape', { targetShape: [-1, 7, 7] })).toEqual([]);
    expect(messages('Reshape', { targetShape: [-1, -1] })).toEqual([
      'Reshape param "targetShape" must be a list of 1 to 3 positive integers (one entry may be -1 to infer it), e.g. [784], got [-1, -1].',
    ]);
    expect(messages('Reshape', { targetShape: [0, 784] })).toHaveLength(1);
  });

  it('names unknown params and suggests the closest one', () => {
    expect(messages('Conv2D', { filter: 3 })).toEqual([
      'Conv2D has no param "filter"; its params are filters, kernelSize, strides, padding, dilation, useBias, activation. Did you mean "filters"?',
    ]);
    expect(messages('Dense', { zzzzzzzz: 1 })[0]).not.toMatch(/Did you mean/);
    expect(messages('Flatten', { axis: 1 })).toEqual(['Flatten takes no params, got "axis"; remove it.']);
  });

  it('reports an unresolved block param reference', () => {
    expect(messages('Conv2D', { filters: { $param: 'width' } })).toEqual([
      'Conv2D param "filters" refers to block param "width", which was not resolved; set it on the block instance.',
    ]);
  });

  it('replaces an invalid value by its default and reports every problem', () => {
    const { params, errors } = normalizeParams(spec('Conv2D'), { filters: 0, padding: 'x', useBias: 1 });
    expect(params).toMatchObject({ filters: 32, padding: 'same', useBias: true });
    expect(errors.map((e) => e.field)).toEqual(['filters', 'padding', 'useBias']);
  });
});

describe('paramDefaults', () => {
  it('gives what a new node stores, pairs as written', () => {
    expect(paramDefaults('Conv2D')).toEqual({ filters: 32, kernelSize: 3, strides: 1, padding: 'same', dilation: 1, useBias: true, activation: 'linear' });
    expect(paramDefaults('MaxPool2D')).toEqual({ poolSize: 2, strides: 2, padding: 'valid' });
    expect(paramDefaults('Input')).toEqual({ shape: [28, 28, 1] });
    expect(paramDefaults('Flatten')).toEqual({});
  });

  it('returns fresh arrays each time', () => {
    const a = paramDefaults('Input');
    (a.shape as number[]).push(9);
    expect(paramDefaults('Input')).toEqual({ shape: [28, 28, 1] });
  });

  it('rejects an unknown type with the known ones', () => {
    expect(() => paramDefaults('Conv3D')).toThrow(/Unknown layer type "Conv3D"; known types are Input, Output, Conv2D/);
  });

  it('every layer accepts its own defaults', () => {
    for (const l of LAYERS) expect(normalizeParams(l, paramDefaults(l.type)).errors, l.type).toEqual([]);
  });
});
