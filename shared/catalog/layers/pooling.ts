// Pooling: windowed max/average, and global pooling that turns a feature map into a vector.
import { msg } from '../../i18n/messages';
import { shapeText } from '../format';
import { defineLayer, layerError, requireFeatureMap, slideWindow, who } from '../rules';
import { PADDINGS } from '../types';
import type { IntPair, LayerContext, LayerSpec, Padding } from '../types';
import { noMacs, noParams } from './common';

export interface PoolParams {
  poolSize: IntPair;
  strides: IntPair;
  padding: Padding;
}

function windowPool(type: 'MaxPool2D' | 'AvgPool2D', label: string, description: string): LayerSpec<PoolParams> {
  return defineLayer<PoolParams>({
    type,
    family: 'Pooling',
    label,
    description,
    params: {
      poolSize: { kind: 'intPair', default: 2, label: 'Pool size', help: 'Height and width of the window.' },
      strides: { kind: 'intPair', default: 2, label: 'Strides', help: 'Step between windows; 2 halves the height and width.' },
      padding: { kind: 'enum', default: 'valid', options: PADDINGS, label: 'Padding', help: '"valid" uses only full windows; "same" keeps size ceil(in / stride).' },
    },
    arity: { min: 1, max: 1 },
    inferShape(ctx) {
      const fm = requireFeatureMap(type, ctx);
      if (!Array.isArray(fm)) return fm;
      const p = ctx.params;
      const out = slideWindow(type, ctx, [fm[0], fm[1]], { kernel: p.poolSize, strides: p.strides, dilation: [1, 1], padding: p.padding, what: 'pool' });
      return Array.isArray(out) ? [out[0], out[1], fm[2]] : out;
    },
    countParams: noParams,
    countMacs: noMacs,
  });
}

export const MaxPool2D = windowPool('MaxPool2D', 'Max Pool 2D', 'Keeps the largest value of each window, shrinking the feature map.');
export const AvgPool2D = windowPool('AvgPool2D', 'Avg Pool 2D', 'Averages each window, shrinking the feature map.');

function globalPool(type: 'GlobalAvgPool2D' | 'GlobalMaxPool2D', label: string, description: string): LayerSpec<Record<string, never>> {
  return defineLayer<Record<string, never>>({
    type,
    family: 'Pooling',
    label,
    description,
    params: {},
    arity: { min: 1, max: 1 },
    inferShape(ctx: LayerContext<Record<string, never>>) {
      const s = ctx.inputs[0];
      if (s.length === 1) {
        return layerError(msg('pool.alreadyVector', { node: who(type, ctx.nodeId), input: shapeText(s) }));
      }
      const fm = requireFeatureMap(type, ctx);
      return Array.isArray(fm) ? [fm[2]] : fm;
    },
    countParams: noParams,
    countMacs: noMacs,
  });
}

export const GlobalAvgPool2D = globalPool('GlobalAvgPool2D', 'Global Avg Pool 2D', 'Averages each channel over the whole feature map: [H, W, C] becomes a vector [C].');
export const GlobalMaxPool2D = globalPool('GlobalMaxPool2D', 'Global Max Pool 2D', 'Keeps the largest value of each channel: [H, W, C] becomes a vector [C].');
