// Layers that move values around without learning: Flatten, Reshape, ZeroPadding2D, UpSampling2D.
import { msg } from '../../i18n/messages';
import { formatShape, product } from '../format';
import { defineLayer, layerError, requireFeatureMap, who } from '../rules';
import type { IntPair, LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export interface ReshapeParams {
  targetShape: number[];
}

export interface ZeroPadding2DParams {
  padding: IntPair;
}

export interface UpSampling2DParams {
  size: IntPair;
  interpolation: 'nearest' | 'bilinear';
}

export const Flatten: LayerSpec<Record<string, never>> = defineLayer<Record<string, never>>({
  type: 'Flatten',
  family: 'Reshape',
  label: 'Flatten',
  description: 'Lays every value out in one vector, so [7, 7, 64] becomes [3136].',
  params: {},
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => [product(ctx.inputs[0])],
  countParams: noParams,
  countMacs: noMacs,
});

export const Reshape: LayerSpec<ReshapeParams> = defineLayer<ReshapeParams>({
  type: 'Reshape',
  family: 'Reshape',
  label: 'Reshape',
  description: 'Rearranges the values into a new shape with the same number of values, such as [784] to [28, 28, 1].',
  params: {
    targetShape: {
      kind: 'ints',
      default: [784],
      minLength: 1,
      maxLength: 3,
      allowInferred: true,
      label: 'Target shape',
      help: 'The new shape without the batch; one entry may be -1 to infer it.',
    },
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const input = ctx.inputs[0];
    const target = ctx.params.targetShape;
    const total = product(input);
    const known = product(target.filter((d) => d !== -1));
    const args = { node: who('Reshape', ctx.nodeId), input: formatShape(input), total, target: formatShape(target), known };
    if (target.includes(-1)) {
      if (total % known !== 0) return layerError(msg('reshape.notMultiple', args));
      return target.map((d) => (d === -1 ? total / known : d));
    }
    if (known !== total) return layerError(msg('reshape.countMismatch', args));
    return target.slice();
  },
  countParams: noParams,
  countMacs: noMacs,
});

export const ZeroPadding2D: LayerSpec<ZeroPadding2DParams> = defineLayer<ZeroPadding2DParams>({
  type: 'ZeroPadding2D',
  family: 'Reshape',
  label: 'Zero Padding 2D',
  description: 'Adds rows and columns of zeros around the feature map.',
  params: {
    padding: { kind: 'intPair', default: 1, min: 0, label: 'Padding', help: 'Rows added at top and bottom, columns at left and right: p or [rows, cols].' },
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const fm = requireFeatureMap('ZeroPadding2D', ctx);
    if (!Array.isArray(fm)) return fm;
    const [ph, pw] = ctx.params.padding;
    return [fm[0] + 2 * ph, fm[1] + 2 * pw, fm[2]];
  },
  countParams: noParams,
  countMacs: noMacs,
});

export const UpSampling2D: LayerSpec<UpSampling2DParams> = defineLayer<UpSampling2DParams>({
  type: 'UpSampling2D',
  family: 'Reshape',
  label: 'Up Sampling 2D',
  description: 'Enlarges the feature map by repeating (nearest) or interpolating (bilinear) values.',
  params: {
    size: { kind: 'intPair', default: 2, label: 'Size', help: 'Factor for height and width.' },
    interpolation: { kind: 'enum', default: 'nearest', options: ['nearest', 'bilinear'], label: 'Interpolation' },
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const fm = requireFeatureMap('UpSampling2D', ctx);
    if (!Array.isArray(fm)) return fm;
    const [sh, sw] = ctx.params.size;
    return [fm[0] * sh, fm[1] * sw, fm[2]];
  },
  countParams: noParams,
  countMacs: noMacs,
});
