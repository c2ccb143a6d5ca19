// Convolution rules of the onnxruntime training step: Conv2D, DepthwiseConv2D and
// SeparableConv2D (a depthwise then a pointwise convolution), dilated or not, NCHW inside
// the graph with TF.js's kernel layouts for the weights and their gradients.
import type * as tf from '@tensorflow/tfjs';
import type { OnnxGraph } from './builder';
import { activation, cfg, pair, type Rule, type RuleContext, UnsupportedLayerError, type Value, variable, windowGeometry } from './ruleKit';

/** Where a convolution's windows fall, as TF.js computes it (dilation counted in the extent). */
interface Geometry {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  dh: number;
  dw: number;
  /** [top, left, bottom, right] */
  pads: number[];
  oh: number;
  ow: number;
  /** Rows and columns at the far edge that no window reads (valid padding with a remainder). */
  oph: number;
  opw: number;
}

function geometry(layer: tf.layers.Layer, x: Value, kernel?: [number, number]): Geometry {
  const c = cfg(layer);
  if (x.shape.length !== 3) throw new UnsupportedLayerError(layer.name, 'the input is not an image');
  const [kh, kw] = kernel ?? pair(c.kernelSize);
  const [sh, sw] = kernel ? [1, 1] : pair(c.strides);
  const [dh, dw] = kernel ? [1, 1] : pair(c.dilationRate ?? 1);
  const [h, w] = x.shape;
  const ekh = (kh - 1) * dh + 1;
  const ekw = (kw - 1) * dw + 1;
  const { pads, oh, ow } = windowGeometry(h, w, [ekh, ekw], [sh, sw], kernel ? 'valid' : (c.padding as string));
  return { kh, kw, sh, sw, dh, dw, pads, oh, ow, oph: h - ((oh - 1) * sh + ekh - pads[0] - pads[2]), opw: w - ((ow - 1) * sw + ekw - pads[1] - pads[3]) };
}

function convAttrs(f: Geometry, group = 1) {
  return { strides: [f.sh, f.sw], dilations: [f.dh, f.dw], pads: f.pads, kernel_shape: [f.kh, f.kw], group };
}

/** The padded NHWC input's window at kernel tap (a, b): [N, OH, OW, C] (NCHW: [N, C, OH, OW] with `nchw`). */
function tapSlice(g: OnnxGraph, padded: string, f: Geometry, a: number, b: number, axes: [number, number]): string {
  const [r0, c0] = [a * f.dh, b * f.dw];
  if (f.kh === 1 && f.kw === 1 && f.sh === 1 && f.sw === 1) return padded;
  return g.op('Slice', [padded, g.ints([r0, c0]), g.ints([r0 + (f.oh - 1) * f.sh + 1, c0 + (f.ow - 1) * f.sw + 1]), g.ints(axes), g.ints([f.sh, f.sw])]);
}

/**
 * dx of a convolution whose ONNX kernel is `kernel` ([Co, Ci/group, KH, KW]); at stride 1 as
 * a forward convolution with the flipped kernel (onnxruntime's fast path, about twice
 * ConvTranspose's speed here), else as ConvTranspose. `swap` turns the kernel into the
 * transposed convolution's ([Ci, Co/group, KH, KW]).
 */
function inputGrad(g: OnnxGraph, dz: string, kernel: string, f: Geometry, group: number, swap: (k: string) => string): string {
  if (f.sh === 1 && f.sw === 1) {
    const flipped = g.op('Slice', [kernel, g.ints([-1, -1]), g.ints([-f.kh - 1, -f.kw - 1]), g.ints([2, 3]), g.ints([-1, -1])]);
    const ekh = (f.kh - 1) * f.dh + 1;
    const ekw = (f.kw - 1) * f.dw + 1;
    const [pt, pl, pb, pr] = f.pads;
    return g.op('Conv', [dz, swap(flipped)], { ...convAttrs(f, group), pads: [ekh - 1 - pt, ekw - 1 - pl, ekh - 1 - pb, ekw - 1 - pr] });
  }
  return g.op('ConvTranspose', [dz, kernel], { ...convAttrs(f, group), output_padding: [f.oph, f.opw] });
}

/**
 * dW in TF.js's layout [KH, KW, Ci, Co]: one product per kernel tap of the NHWC input's
 * window ([N*OH*OW, Ci]) with dz as [Co, N*OH*OW] (transposed once, read as stored by every
 * tap), stacked. No patch matrix is ever built.
 */
function filterGrad(g: OnnxGraph, x: Value, dz: string, f: Geometry, co: number): string {
  const ci = x.shape[2];
  const xNhwc = x.nhwc ?? g.op('Transpose', [x.name], { perm: [0, 2, 3, 1] });
  const [pt, pl, pb, pr] = f.pads;
  const padded = pt || pl || pb || pr ? g.op('Pad', [xNhwc, g.ints([0, pt, pl, 0, 0, pb, pr, 0])]) : xNhwc;
  const dzT = g.op('Reshape', [g.op('Transpose', [dz], { perm: [1, 0, 2, 3] }), g.ints([co, -1])]);
  const taps: string[] = [];
  for (let a = 0; a < f.kh; a++) {
    for (let b = 0; b < f.kw; b++) taps.push(g.op('Gemm', [dzT, g.op('Reshape', [tapSlice(g, padded, f, a, b, [1, 2]), g.ints([-1, ci])])]));
  }
  const stacked = taps.length === 1 ? taps[0] : g.op('Concat', taps, { axis: 0 }); // [KH*KW*Co, Ci]
  return g.op('Transpose', [g.op('Reshape', [stacked, g.ints([f.kh, f.kw, co, ci])])], { perm: [0, 1, 3, 2] });
}

/** A dense convolution of `x` with a TF.js kernel variable [KH, KW, Ci, Co]; returns z and its backward. */
function denseConv(ctx: RuleContext, name: string, x: Value, kernelVar: tf.LayerVariable, biasVar: tf.LayerVariable | null, f: Geometry) {
  const { g } = ctx;
  const co = kernelVar.shape[3] as number;
  const kernel = g.op('Transpose', [ctx.weight(kernelVar)], { perm: [3, 2, 0, 1] }); // [Co, Ci, KH, KW]
  const z = g.op('Conv', [x.name, kernel, ...(biasVar ? [ctx.weight(biasVar)] : [])], convAttrs(f), name);
  return {
    z,
    shape: [f.oh, f.ow, co],
    backward(dz: string): string {
      if (biasVar) ctx.weightGrad(biasVar, g.op('ReduceSum', [dz, g.ints([0, 2, 3])], { keepdims: 0 }));
      ctx.weightGrad(kernelVar, filterGrad(g, x, dz, f, co));
      return inputGrad(g, dz, kernel, f, 1, (k) => g.op('Transpose', [k], { perm: [1, 0, 2, 3] }));
    },
  };
}

/**
 * A depthwise convolution with a TF.js kernel [KH, KW, C, M]: ONNX groups of one input
 * channel each, output channel c*M + m as TF.js orders them.
 */
function depthwiseConv(ctx: RuleContext, name: string, x: Value, kernelVar: tf.LayerVariable, biasVar: tf.LayerVariable | null, f: Geometry) {
  const { g } = ctx;
  const [, , ch, m] = kernelVar.shape as number[];
  const byChannel = g.op('Transpose', [ctx.weight(kernelVar)], { perm: [2, 3, 0, 1] }); // [C, M, KH, KW]
  const kernel = g.op('Reshape', [byChannel, g.ints([ch * m, 1, f.kh, f.kw])]);
  const z = g.op('Conv', [x.name, kernel, ...(biasVar ? [ctx.weight(biasVar)] : [])], convAttrs(f, ch), name);
  return {
    z,
    shape: [f.oh, f.ow, ch * m],
    backward(dz: string): string {
      if (biasVar) ctx.weightGrad(biasVar, g.op('ReduceSum', [dz, g.ints([0, 2, 3])], { keepdims: 0 }));
      // dW at each tap: the input's window times dz, summed over batch and positions, per (c, m).
      const [pt, pl, pb, pr] = f.pads;
      const padded = pt || pl || pb || pr ? g.op('Pad', [x.name, g.ints([0, 0, pt, pl, 0, 0, pb, pr])]) : x.name;
      const dzByChannel = g.op('Reshape', [dz, g.ints([0, ch, m, f.oh * f.ow])]);
      const taps: string[] = [];
      for (let a = 0; a < f.kh; a++) {
        for (let b = 0; b < f.kw; b++) {
          const window = g.op('Reshape', [tapSlice(g, padded, f, a, b, [2, 3]), g.ints([0, ch, 1, f.oh * f.ow])]);
          taps.push(g.op('ReduceSum', [g.op('Mul', [window, dzByChannel]), g.ints([0, 3])], { keepdims: 0 })); // [C, M]
        }
      }
      const stacked = taps.length === 1 ? taps[0] : g.op('Concat', taps, { axis: 0 }); // [KH*KW*C, M]
      ctx.weightGrad(kernelVar, g.op('Reshape', [stacked, g.ints([f.kh, f.kw, ch, m])]));
      // The transposed convolution's kernel [C, M, KH, KW] is the forward one regrouped.
      return inputGrad(g, dz, kernel, f, ch, (k) => g.op('Reshape', [k, g.ints([ch, m, f.kh, f.kw])]));
    },
  };
}

export const convolution: Rule = (layer, [x], ctx) => {
  const c = cfg(layer);
  const f = geometry(layer, x);
  const conv = denseConv(ctx, layer.name, x, variable(layer, 'kernel')!, c.useBias ? variable(layer, 'bias') : null, f);
  const act = activation(ctx.g, layer, c.activation as string, conv.z);
  return { out: { name: act.y, shape: conv.shape }, backward: (dy) => [conv.backward(act.back(dy))] };
};

export const depthwiseConvolution: Rule = (layer, [x], ctx) => {
  const c = cfg(layer);
  const conv = depthwiseConv(ctx, layer.name, x, variable(layer, 'depthwiseKernel')!, c.useBias ? variable(layer, 'bias') : null, geometry(layer, x));
  const act = activation(ctx.g, layer, c.activation as string, conv.z);
  return { out: { name: act.y, shape: conv.shape }, backward: (dy) => [conv.backward(act.back(dy))] };
};

/** Depthwise (no bias), then a 1x1 convolution with the layer's bias, then the activation. */
export const separableConvolution: Rule = (layer, [x], ctx) => {
  const c = cfg(layer);
  const depthwise = depthwiseConv(ctx, `${layer.name}_depthwise`, x, variable(layer, 'depthwiseKernel')!, null, geometry(layer, x));
  const mid: Value = { name: depthwise.z, shape: depthwise.shape };
  const pointwise = denseConv(ctx, layer.name, mid, variable(layer, 'pointwiseKernel')!, c.useBias ? variable(layer, 'bias') : null, geometry(layer, mid, [1, 1]));
  const act = activation(ctx.g, layer, c.activation as string, pointwise.z);
  return { out: { name: act.y, shape: pointwise.shape }, backward: (dy) => [depthwise.backward(pointwise.backward(act.back(dy)))] };
};
