// Convolution gradients for the wasm backend, written as ordinary convolutions so they run
// on its fast XNNPACK Conv2D path:
//   dW: the input and the output gradient, both transposed so the batch becomes the
//       channel axis, convolved with dilation = forward stride (stride = forward dilation);
//   dx: the output gradient convolved with the spatially flipped filter whose in/out channel
//       axes are swapped; for strides > 1 one convolution per output phase (sub-pixel, no
//       multiplications by the zeros of a dilated dy), or dy dilated by the stride when the
//       strides differ or the convolution is dilated.
// Both accept an optional `dilations` attr (stock tfjs leaves it out of these kernels).
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  assertChannelsLast,
  filterGradPadding,
  type ForwardGeometry,
  forwardGeometry,
  inputGradPadding,
  type Pad,
  type Pair,
  phaseAxis,
} from './conv-geometry';
import { type KernelCalls, withKernelCalls } from './wasm-calls';

interface ConvGradAttrs {
  strides: Pair;
  pad: Pad;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dilations?: Pair;
}

/** dW of a convolution: [KH, KW, Ci, Co] from x [N,H,W,Ci] and dy [N,OH,OW,Co]. */
export function convFilterGrad(
  k: KernelCalls,
  x: TensorInfo,
  dy: TensorInfo,
  filterShape: number[],
  attrs: ConvGradAttrs,
): TensorInfo {
  const g = forwardGeometry(x.shape, filterShape, attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, false);
  const { bottom, right } = filterGradPadding(g);
  const xT = k.transpose(x, [3, 1, 2, 0]); // [Ci, H, W, N]
  const dyT = k.transpose(dy, [1, 2, 0, 3]); // [OH, OW, N, Co]
  const r = k.run('Conv2D', { x: xT, filter: dyT }, {
    strides: [g.dilationHeight, g.dilationWidth],
    dilations: [g.strideHeight, g.strideWidth],
    pad: [[0, 0], [g.padTop, Math.max(bottom, 0)], [g.padLeft, Math.max(right, 0)], [0, 0]],
    dataFormat: 'NHWC',
  }); // [Ci, >=KH, >=KW, Co]
  const [ci, , , co] = r.shape;
  const cropped = k.sliceTo(r, [0, 0, 0, 0], [ci, g.filterHeight, g.filterWidth, co]);
  return k.transpose(cropped, [1, 2, 0, 3]);
}

/** dx of a convolution: [N, H, W, Ci] from dy [N,OH,OW,Co] and the filter [KH,KW,Ci,Co]. */
export function convInputGrad(
  k: KernelCalls,
  dy: TensorInfo,
  filter: TensorInfo,
  inputShape: number[],
  attrs: ConvGradAttrs,
): TensorInfo {
  const g = forwardGeometry(inputShape, filter.shape, attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, false);
  const strided = g.strideHeight > 1 || g.strideWidth > 1;
  const undilated = g.dilationHeight === 1 && g.dilationWidth === 1;
  if (strided && undilated && g.filterHeight === 1 && g.filterWidth === 1) return pointwiseStridedInputGrad(k, dy, filter, g);
  if (strided && undilated && g.strideHeight === g.strideWidth) return subPixelInputGrad(k, dy, filter, g);
  const p = inputGradPadding(g);
  const swapped = k.transpose(k.run('Reverse', { x: filter }, { dims: [0, 1] }), [0, 1, 3, 2]); // [KH, KW, Co, Ci]
  let spread = k.zeroDilate(dy, g.strideHeight, g.strideWidth);
  // Negative after-padding only ever cuts trailing zeros added by the dilation.
  spread = k.sliceTo(spread, [0, 0, 0, 0], [
    spread.shape[0],
    spread.shape[1] + Math.min(p.bottom, 0),
    spread.shape[2] + Math.min(p.right, 0),
    spread.shape[3],
  ]);
  return k.run('Conv2D', { x: spread, filter: swapped }, {
    strides: [1, 1],
    dilations: [g.dilationHeight, g.dilationWidth],
    pad: [[0, 0], [p.top, Math.max(p.bottom, 0)], [p.left, Math.max(p.right, 0)], [0, 0]],
    dataFormat: 'NHWC',
  });
}

/** A strided 1x1 convolution read every s-th pixel: dx is dy times the filter, spread out with zeros. */
function pointwiseStridedInputGrad(k: KernelCalls, dy: TensorInfo, filter: TensorInfo, g: ForwardGeometry): TensorInfo {
  const [n, h, w, ci] = g.inShape;
  const swapped = k.transpose(filter, [0, 1, 3, 2]);
  const values = k.run('Conv2D', { x: dy, filter: swapped }, { strides: [1, 1], dilations: [1, 1], pad: 'valid', dataFormat: 'NHWC' });
  return k.sliceTo(k.zeroDilate(values, g.strideHeight, g.strideWidth), [0, 0, 0, 0], [n, h, w, ci]);
}

/**
 * dx of a strided convolution without the zeros of a dilated dy: every output phase (row and
 * column offset modulo the stride) is its own small convolution of dy, computed together as
 * one convolution with stride^2 * Ci output channels, then interleaved (depth to space).
 */
function subPixelInputGrad(k: KernelCalls, dy: TensorInfo, filter: TensorInfo, g: ForwardGeometry): TensorInfo {
  const s = g.strideHeight;
  const [n, h, w, ci] = g.inShape;
  const co = filter.shape[3];
  const rows = phaseAxis(g.filterHeight, s, g.padTop, g.outHeight, h);
  const cols = phaseAxis(g.filterWidth, s, g.padLeft, g.outWidth, w);
  const padded = k.run('PadV2', { x: filter }, {
    paddings: [[rows.padBefore, rows.padAfter], [cols.padBefore, cols.padAfter], [0, 0], [0, 0]],
    constantValue: 0,
  });
  const window = k.sliceTo(padded, [rows.start, cols.start, 0, 0], [rows.taps * s, cols.taps * s, ci, co]);
  // [tapsH, s, tapsW, s, Ci, Co] -> [tapsH, tapsW, Co, s, s, Ci]: phase-major output channels.
  const byPhase = k.transpose(k.reshape(window, [rows.taps, s, cols.taps, s, ci, co]), [0, 2, 5, 1, 3, 4]);
  const phaseFilter = k.run('Reverse', { x: k.reshape(byPhase, [rows.taps, cols.taps, co, s * s * ci]) }, { dims: [0, 1] });
  const phases = k.run('Conv2D', { x: dy, filter: phaseFilter }, {
    strides: [1, 1],
    dilations: [1, 1],
    pad: [[0, 0], [rows.top, rows.bottom], [cols.top, cols.bottom], [0, 0]],
    dataFormat: 'NHWC',
  });
  const exact = k.sliceTo(phases, [0, 0, 0, 0], [n, rows.phases, cols.phases, s * s * ci]);
  // Interleave the phases (a depth-to-space; the wasm DepthToSpace kernel is far slower than this transpose).
  const split = k.reshape(exact, [n, rows.phases, cols.phases, s, s, ci]);
  const interleaved = k.reshape(k.transpose(split, [0, 1, 3, 2, 4, 5]), [n, rows.phases * s, cols.phases * s, ci]);
  return k.sliceTo(interleaved, [0, 0, 0, 0], [n, h, w, ci]);
}

const conv2DBackpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as ConvGradAttrs & { filterShape: number[] };
  assertChannelsLast('Conv2DBackpropFilter', a.dataFormat);
  return withKernelCalls(backend as KernelBackend, (k) => convFilterGrad(k, x, dy, a.filterShape, a));
};

const conv2DBackpropInput: KernelFunc = ({ inputs, attrs, backend }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as ConvGradAttrs & { inputShape: number[] };
  assertChannelsLast('Conv2DBackpropInput', a.dataFormat);
  return withKernelCalls(backend as KernelBackend, (k) => convInputGrad(k, dy, filter, a.inputShape, a));
};

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter,
};

export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput,
};
