// Convolution gradients for the wasm backend, written as ordinary convolutions so they run
// on its fast XNNPACK Conv2D path:
//   dW: the input and the output gradient, both transposed so the batch becomes the
//       channel axis, convolved with dilation = forward stride (stride = forward dilation);
//   dx: the output gradient, zero-dilated by the forward stride, convolved with the
//       spatially flipped filter whose in/out channel axes are swapped.
// Both accept an optional `dilations` attr (stock tfjs leaves it out of these kernels).
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import {
  assertChannelsLast,
  filterGradPadding,
  forwardGeometry,
  inputGradPadding,
  type Pad,
  type Pair,
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
  const p = inputGradPadding(g);
  const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = k.transpose(flipped, [0, 1, 3, 2]); // [KH, KW, Co, Ci]
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
