// Depthwise convolution gradients for the wasm backend (stock 4.22 has none), written as
// depthwise convolutions on the backend's XNNPACK path:
//   dx: the zero-dilated output gradient convolved depthwise with the flipped filter
//       (one filter per (channel, multiplier) pair), then summed over the multiplier;
//   dW: batch folded into channels, the input convolved depthwise with the output
//       gradient as the filter (dilation = forward stride), then summed over the batch.
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { filterGradPadding, forwardGeometry, inputGradPadding, type Pad, type Pair } from './conv-geometry';
import { type KernelCalls, withKernelCalls } from './wasm-calls';

interface DepthwiseGradAttrs {
  strides: Pair;
  dilations: Pair;
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** dx of a depthwise convolution: [N,H,W,C] from dy [N,OH,OW,C*M] and filter [KH,KW,C,M]. */
export function depthwiseInputGrad(
  k: KernelCalls,
  dy: TensorInfo,
  filter: TensorInfo,
  inputShape: number[],
  attrs: DepthwiseGradAttrs,
): TensorInfo {
  const g = forwardGeometry(inputShape, filter.shape, attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, true);
  const p = inputGradPadding(g);
  const [kh, kw, c, m] = filter.shape;
  const flipped = k.run('Reverse', { x: filter }, { dims: [0, 1] });
  const perPair = k.reshape(flipped, [kh, kw, c * m, 1]);
  let spread = k.zeroDilate(dy, g.strideHeight, g.strideWidth);
  spread = k.sliceTo(spread, [0, 0, 0, 0], [
    spread.shape[0],
    spread.shape[1] + Math.min(p.bottom, 0),
    spread.shape[2] + Math.min(p.right, 0),
    spread.shape[3],
  ]);
  const dxPairs = k.run('DepthwiseConv2dNative', { x: spread, filter: perPair }, {
    strides: [1, 1],
    dilations: [g.dilationHeight, g.dilationWidth],
    pad: [[0, 0], [p.top, Math.max(p.bottom, 0)], [p.left, Math.max(p.right, 0)], [0, 0]],
  }); // [N, H, W, C*M]
  if (m === 1) return dxPairs;
  const [n, h, w] = dxPairs.shape;
  const split = k.reshape(dxPairs, [n, h, w, c, m]);
  return k.run('Sum', { x: split }, { axis: [4], keepDims: false });
}

/** dW of a depthwise convolution: [KH,KW,C,M] from x [N,H,W,C] and dy [N,OH,OW,C*M]. */
export function depthwiseFilterGrad(
  k: KernelCalls,
  x: TensorInfo,
  dy: TensorInfo,
  filterShape: number[],
  attrs: DepthwiseGradAttrs,
): TensorInfo {
  const g = forwardGeometry(x.shape, filterShape, attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, true);
  const { bottom, right } = filterGradPadding(g);
  const [kh, kw, c, m] = filterShape;
  const [n, h, w] = x.shape;
  // x as one image with N*C channels; dy as a depthwise filter [OH, OW, N*C, M].
  const xFolded = k.reshape(k.transpose(x, [1, 2, 0, 3]), [1, h, w, n * c]);
  const dyFolded = k.reshape(k.transpose(dy, [1, 2, 0, 3]), [g.outHeight, g.outWidth, n * c, m]);
  const r = k.run('DepthwiseConv2dNative', { x: xFolded, filter: dyFolded }, {
    strides: [g.dilationHeight, g.dilationWidth],
    dilations: [g.strideHeight, g.strideWidth],
    pad: [[0, 0], [g.padTop, Math.max(bottom, 0)], [g.padLeft, Math.max(right, 0)], [0, 0]],
  }); // [1, >=KH, >=KW, N*C*M]
  const cropped = k.sliceTo(r, [0, 0, 0, 0], [1, kh, kw, n * c * m]);
  const perSample = k.reshape(cropped, [kh * kw, n, c * m]);
  const summed = k.run('Sum', { x: perSample }, { axis: [1], keepDims: false });
  return k.reshape(summed, [kh, kw, c, m]);
}

const depthwiseBackpropInput: KernelFunc = ({ inputs, attrs, backend }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as DepthwiseGradAttrs & { inputShape: number[] };
  return withKernelCalls(backend as KernelBackend, (k) => depthwiseInputGrad(k, dy, filter, a.inputShape, a));
};

const depthwiseBackpropFilter: KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as DepthwiseGradAttrs & { filterShape: number[] };
  return withKernelCalls(backend as KernelBackend, (k) => depthwiseFilterGrad(k, x, dy, a.filterShape, a));
};

export const depthwiseBackpropInputConfig: KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropInput,
};

export const depthwiseBackpropFilterConfig: KernelConfig = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropFilter,
};
