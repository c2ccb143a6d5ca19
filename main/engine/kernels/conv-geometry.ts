// The padding arithmetic shared by the convolution-gradient kernels: what a forward
// convolution did, from its attributes, so its gradients can be run as convolutions too.
import { backend_util } from '@tensorflow/tfjs-core';

export type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;
export type Pair = number | [number, number];

export interface ForwardGeometry {
  /** [N, H, W, C] of the forward input. */
  inShape: [number, number, number, number];
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
}

export function pair(v: Pair | undefined | null, fallback = 1): [number, number] {
  if (v == null) return [fallback, fallback];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

export function assertChannelsLast(kernel: string, dataFormat: string | undefined): void {
  if (dataFormat === 'NCHW') {
    throw new Error(`${kernel} on the wasm backend supports only channels-last (NHWC) data.`);
  }
}

/** Re-derives the forward convolution's geometry exactly as tfjs did. */
export function forwardGeometry(
  inShape: number[],
  filterShape: number[],
  strides: Pair,
  dilations: Pair | undefined,
  pad: Pad,
  dimRoundingMode: 'floor' | 'round' | 'ceil' | undefined,
  depthwise: boolean,
): ForwardGeometry {
  const info = backend_util.computeConv2DInfo(
    inShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    dilations ?? 1,
    pad,
    dimRoundingMode,
    depthwise,
  );
  return {
    inShape: info.inShape,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/**
 * Padding for the filter gradient run as a convolution over the input (spatial axes only):
 * the forward padding before, and after whatever makes the output exactly the filter size.
 * A negative "after" means trailing input rows the forward pass never read; the result is
 * then cropped instead.
 */
export function filterGradPadding(g: ForwardGeometry): { bottom: number; right: number } {
  const [, h, w] = g.inShape;
  const bottom = (g.filterHeight - 1) * g.dilationHeight + (g.outHeight - 1) * g.strideHeight + 1 - h - g.padTop;
  const right = (g.filterWidth - 1) * g.dilationWidth + (g.outWidth - 1) * g.strideWidth + 1 - w - g.padLeft;
  return { bottom, right };
}

/**
 * Padding for the input gradient run as a convolution of the zero-dilated output gradient
 * (height OH*sh, width OW*sw) with the flipped filter, so the result is exactly H x W.
 * "after" can be negative only by the trailing zeros of the dilation, which are cropped.
 */
export function inputGradPadding(g: ForwardGeometry): { top: number; bottom: number; left: number; right: number } {
  const [, h, w] = g.inShape;
  const spanH = (g.filterHeight - 1) * g.dilationHeight;
  const spanW = (g.filterWidth - 1) * g.dilationWidth;
  const top = spanH - g.padTop;
  const left = spanW - g.padLeft;
  return {
    top,
    left,
    bottom: h + spanH - top - g.outHeight * g.strideHeight,
    right: w + spanW - left - g.outWidth * g.strideWidth,
  };
}

/** One spatial axis of a strided convolution's input gradient split into stride phases. */
export interface PhaseAxis {
  /** Taps of each phase's filter (the original filter taps spread over the phases). */
  taps: number;
  /** Zeros padded around the original filter so each phase filter is a plain slice. */
  padBefore: number;
  padAfter: number;
  /** Where the phase filters start in the padded filter. */
  start: number;
  /** Padding of dy for the phase convolution. */
  top: number;
  bottom: number;
  /** Rows each phase produces: ceil(input / stride). */
  phases: number;
}

/**
 * Phase arithmetic along one axis. Input row i = q*s + a gets dy[q - t] * W[a + pad + t*s]
 * for every integer t with a valid tap; t runs from tMin to tMax over all phases a.
 */
export function phaseAxis(filter: number, stride: number, pad: number, out: number, input: number): PhaseAxis {
  const tMin = Math.ceil((1 - stride - pad) / stride) + 0;
  const tMax = Math.floor((filter - 1 - pad) / stride);
  const taps = tMax - tMin + 1;
  const base = pad + tMin * stride; // the filter tap of phase 0 at t = tMin
  const padBefore = Math.max(0, -base);
  const phases = Math.ceil(input / stride);
  return {
    taps,
    padBefore,
    padAfter: Math.max(0, base + taps * stride - filter),
    start: base + padBefore,
    top: tMax,
    bottom: Math.max(0, phases - tMin - out),
    phases,
  };
}
