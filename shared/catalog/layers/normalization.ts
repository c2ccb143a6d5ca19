// Normalisation over the last axis (channels): BatchNorm and LayerNorm.
import { defineLayer } from '../rules';
import type { LayerSpec, ParamSpec } from '../types';
import { noMacs } from './common';

export interface BatchNormParams {
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
}

export interface LayerNormParams {
  epsilon: number;
  center: boolean;
  scale: boolean;
}

const epsilonParam: ParamSpec = { kind: 'float', default: 0.001, min: 0, exclusiveMin: true, label: 'Epsilon', help: 'Added to the variance so it never divides by zero.' };
const centerParam: ParamSpec = { kind: 'bool', default: true, label: 'Center', help: 'Learn a shift (beta) per channel.' };
const scaleParam: ParamSpec = { kind: 'bool', default: true, label: 'Scale', help: 'Learn a scale (gamma) per channel.' };

/** gamma and beta per channel, as enabled. */
const affine = (channels: number, p: { center: boolean; scale: boolean }): number => channels * ((p.center ? 1 : 0) + (p.scale ? 1 : 0));

export const BatchNorm: LayerSpec<BatchNormParams> = defineLayer<BatchNormParams>({
  type: 'BatchNorm',
  family: 'Normalization',
  label: 'Batch Norm',
  description: 'Normalises each channel over the batch, then scales and shifts it; keeps deep nets trainable.',
  params: {
    momentum: { kind: 'float', default: 0.99, min: 0, max: 1, label: 'Momentum', help: 'How slowly the moving mean and variance follow the batches.' },
    epsilon: epsilonParam,
    center: centerParam,
    scale: scaleParam,
  },
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => ctx.inputs[0].slice(),
  countParams(ctx) {
    const c = ctx.inputs[0][ctx.inputs[0].length - 1];
    // The moving mean and variance are state, updated by training but not by gradients.
    return { trainable: affine(c, ctx.params), nonTrainable: 2 * c };
  },
  countMacs: noMacs,
});

export const LayerNorm: LayerSpec<LayerNormParams> = defineLayer<LayerNormParams>({
  type: 'LayerNorm',
  family: 'Normalization',
  label: 'Layer Norm',
  description: 'Normalises each sample over its last axis, then scales and shifts it; independent of batch size.',
  params: { epsilon: epsilonParam, center: centerParam, scale: scaleParam },
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => ctx.inputs[0].slice(),
  countParams(ctx) {
    return { trainable: affine(ctx.inputs[0][ctx.inputs[0].length - 1], ctx.params), nonTrainable: 0 };
  },
  countMacs: noMacs,
});
