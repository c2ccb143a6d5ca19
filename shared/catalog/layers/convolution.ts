// Convolutions: Conv2D, DepthwiseConv2D and SeparableConv2D (depthwise, then 1x1 pointwise).
import type { IntPair, LayerActivation, LayerContext, LayerError, LayerSpec, Padding } from '../types';
import { defineLayer, requireFeatureMap, slideWindow } from '../rules';
import { activationParam, convPaddingParam, depthMultiplierParam, dilationParam, filtersParam, kernelSizeParam, stridesParam, useBiasParam } from './common';

interface WindowParams {
  kernelSize: IntPair;
  strides: IntPair;
  padding: Padding;
  dilation: IntPair;
  useBias: boolean;
  activation: LayerActivation;
}

export interface Conv2DParams extends WindowParams {
  filters: number;
}

export interface DepthwiseConv2DParams extends WindowParams {
  depthMultiplier: number;
}

export interface SeparableConv2DParams extends WindowParams {
  filters: number;
  depthMultiplier: number;
}

/** [H_out, W_out, C_in] for a window layer, or the error from the input or the window. */
function spatial(type: string, ctx: LayerContext<WindowParams>): [number, number, number] | LayerError {
  const fm = requireFeatureMap(type, ctx);
  if (!Array.isArray(fm)) return fm;
  const p = ctx.params;
  const out = slideWindow(type, ctx, [fm[0], fm[1]], { kernel: p.kernelSize, strides: p.strides, dilation: p.dilation, padding: p.padding, what: 'kernel' });
  if (!Array.isArray(out)) return out;
  return [out[0], out[1], fm[2]];
}

const kernelArea = (p: WindowParams): number => p.kernelSize[0] * p.kernelSize[1];

export const Conv2D: LayerSpec<Conv2DParams> = defineLayer<Conv2DParams>({
  type: 'Conv2D',
  family: 'Convolution',
  label: 'Conv 2D',
  description: 'Slides learned filters over a feature map, producing one output channel per filter.',
  params: {
    filters: filtersParam,
    kernelSize: kernelSizeParam,
    strides: stridesParam,
    padding: convPaddingParam,
    dilation: dilationParam,
    useBias: useBiasParam,
    activation: activationParam,
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const s = spatial('Conv2D', ctx);
    return Array.isArray(s) ? [s[0], s[1], ctx.params.filters] : s;
  },
  countParams(ctx) {
    const p = ctx.params;
    const cin = ctx.inputs[0][2];
    return { trainable: kernelArea(p) * cin * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
  },
  countMacs(ctx, out) {
    return out[0] * out[1] * out[2] * kernelArea(ctx.params) * ctx.inputs[0][2];
  },
});

export const DepthwiseConv2D: LayerSpec<DepthwiseConv2DParams> = defineLayer<DepthwiseConv2DParams>({
  type: 'DepthwiseConv2D',
  family: 'Convolution',
  label: 'Depthwise Conv 2D',
  description: 'Convolves each input channel with its own filters, without mixing channels.',
  params: {
    kernelSize: kernelSizeParam,
    strides: stridesParam,
    padding: convPaddingParam,
    dilation: dilationParam,
    depthMultiplier: depthMultiplierParam,
    useBias: useBiasParam,
    activation: activationParam,
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const s = spatial('DepthwiseConv2D', ctx);
    return Array.isArray(s) ? [s[0], s[1], s[2] * ctx.params.depthMultiplier] : s;
  },
  countParams(ctx) {
    const p = ctx.params;
    const channels = ctx.inputs[0][2] * p.depthMultiplier;
    return { trainable: kernelArea(p) * channels + (p.useBias ? channels : 0), nonTrainable: 0 };
  },
  countMacs(ctx, out) {
    return out[0] * out[1] * ctx.inputs[0][2] * ctx.params.depthMultiplier * kernelArea(ctx.params);
  },
});

export const SeparableConv2D: LayerSpec<SeparableConv2DParams> = defineLayer<SeparableConv2DParams>({
  type: 'SeparableConv2D',
  family: 'Convolution',
  label: 'Separable Conv 2D',
  description: 'A depthwise convolution followed by a 1x1 convolution that mixes channels: far fewer weights than Conv 2D.',
  params: {
    filters: filtersParam,
    kernelSize: kernelSizeParam,
    strides: stridesParam,
    padding: convPaddingParam,
    dilation: dilationParam,
    depthMultiplier: depthMultiplierParam,
    useBias: { ...useBiasParam, help: 'Bias of the 1x1 pointwise step (the depthwise step has none).' },
    activation: activationParam,
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const s = spatial('SeparableConv2D', ctx);
    return Array.isArray(s) ? [s[0], s[1], ctx.params.filters] : s;
  },
  countParams(ctx) {
    const p = ctx.params;
    const mid = ctx.inputs[0][2] * p.depthMultiplier;
    return { trainable: kernelArea(p) * mid + mid * p.filters + (p.useBias ? p.filters : 0), nonTrainable: 0 };
  },
  countMacs(ctx, out) {
    const mid = ctx.inputs[0][2] * ctx.params.depthMultiplier;
    return out[0] * out[1] * mid * kernelArea(ctx.params) + out[0] * out[1] * mid * out[2];
  },
});
