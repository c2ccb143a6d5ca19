// Forward and backward ONNX ops for each TF.js layer class the onnxruntime training step
// supports. Values are NCHW inside the graph (the layout onnxruntime's kernels are fastest
// in); weights and their gradients keep TF.js's layouts so they map onto the model's
// variables one to one. A rule returns its output and a backward function from the output
// gradient to one gradient per input.
import { convolution, depthwiseConvolution, separableConvolution } from './convRules';
import { avgPool, globalAvgPool, globalMaxPool, maxPool, zeroPadding } from './poolingRules';
import { activation, cfg, pair, type Rule, UnsupportedLayerError, variable } from './ruleKit';

export { type Forward, type RuleContext, UnsupportedLayerError, type Value } from './ruleKit';

const dense: Rule = (layer, [x], ctx) => {
  const c = cfg(layer);
  const { g } = ctx;
  if (x.shape.length !== 1) throw new UnsupportedLayerError(layer.name, 'a Dense layer on a non-flat input has no onnxruntime training rule yet');
  const kernelVar = variable(layer, 'kernel')!;
  const biasVar = c.useBias ? variable(layer, 'bias') : null;
  const kernel = ctx.weight(kernelVar);
  const z = g.op('Gemm', [x.name, kernel, ...(biasVar ? [ctx.weight(biasVar)] : [])], {}, layer.name);
  const act = activation(g, layer, c.activation as string, z);
  return {
    out: { name: act.y, shape: [kernelVar.shape[1] as number] },
    backward(dy) {
      const dz = act.back(dy);
      if (biasVar) ctx.weightGrad(biasVar, g.op('ReduceSum', [dz, g.ints([0])], { keepdims: 0 }));
      ctx.weightGrad(kernelVar, g.op('Gemm', [x.name, dz], { transA: 1 }));
      return [g.op('Gemm', [dz, kernel], { transB: 1 })];
    },
  };
};

/** Batch norm over every axis but channels, with the closed-form gradient of compile/batchnorm.ts. */
const batchNorm: Rule = (layer, [x], ctx) => {
  const c = cfg(layer);
  const { g } = ctx;
  const rank = x.shape.length + 1;
  if (c.axis !== -1 && c.axis !== rank - 1) throw new UnsupportedLayerError(layer.name, 'batch norm over a non-channel axis has no onnxruntime training rule yet');
  const axes = rank === 4 ? [0, 2, 3] : [0];
  const perChannel = rank === 4 ? [1, -1, 1, 1] : [1, -1];
  const gammaVar = c.scale ? variable(layer, 'gamma') : null;
  const betaVar = c.center ? variable(layer, 'beta') : null;
  const channels = x.shape[x.shape.length - 1];
  const mean = g.op('ReduceMean', [x.name], { axes, keepdims: 1 });
  const centered = g.op('Sub', [x.name, mean]);
  const variance = g.op('ReduceMean', [g.op('Mul', [centered, centered])], { axes, keepdims: 1 });
  const invStd = g.op('Reciprocal', [g.op('Sqrt', [g.op('Add', [variance, g.scalar(c.epsilon as number)])])]);
  // y = (x - mean) * (gamma / sigma) + beta: the normalised x itself is never stored.
  const gamma = gammaVar ? g.op('Reshape', [ctx.weight(gammaVar), g.ints(perChannel)]) : null;
  const scale = gamma ? g.op('Mul', [invStd, gamma]) : invStd;
  let y = g.op('Mul', [centered, scale]);
  if (betaVar) y = g.op('Add', [y, g.op('Reshape', [ctx.weight(betaVar), g.ints(perChannel)])], undefined, layer.name);
  ctx.batchStats(layer, g.op('Reshape', [mean, g.ints([channels])]), g.op('Reshape', [variance, g.ints([channels])]));
  return {
    out: { name: y, shape: x.shape },
    backward(dy) {
      const sumDy = g.op('ReduceSum', [dy, g.ints(axes)], { keepdims: 1 });
      // sum(dy * xhat) = sum(dy * (x - mean)) / sigma, per channel.
      const sumDyXhat = g.op('Mul', [g.op('ReduceSum', [g.op('Mul', [dy, centered]), g.ints(axes)], { keepdims: 1 }), invStd]);
      if (gammaVar) ctx.weightGrad(gammaVar, g.op('Reshape', [sumDyXhat, g.ints([channels])]));
      if (betaVar) ctx.weightGrad(betaVar, g.op('Reshape', [sumDy, g.ints([channels])]));
      const count = g.op('Cast', [g.op('Div', [g.op('Size', [x.name]), g.ints([channels])])], { to: 1 });
      // dx = a * (dy - sum(dy)/m - xhat * sum(dy*xhat)/m), a = gamma / sigma, as
      // dy * a + (x - mean) * k + c with per-channel k = -a/sigma * sum(dy*xhat)/m, c = -a * sum(dy)/m.
      const k = g.op('Neg', [g.op('Div', [g.op('Mul', [g.op('Mul', [scale, invStd]), sumDyXhat]), count])]);
      const shift = g.op('Neg', [g.op('Div', [g.op('Mul', [scale, sumDy]), count])]);
      return [g.op('Add', [g.op('Add', [g.op('Mul', [dy, scale]), g.op('Mul', [centered, k])]), shift])];
    },
  };
};

const activationLayer: Rule = (layer, [x], ctx) => {
  const act = activation(ctx.g, layer, cfg(layer).activation as string, x.name);
  return { out: { name: act.y, shape: x.shape }, backward: (dy) => [act.back(dy)] };
};

const add: Rule = (_layer, inputs, { g }) => ({
  out: { name: g.op('Sum', inputs.map((v) => v.name)), shape: inputs[0].shape },
  backward: (dy) => inputs.map(() => dy),
});

/** Flattens in TF.js's (HWC) order, so a following Dense kernel means the same thing. */
const flatten: Rule = (layer, [x], { g }) => {
  if (x.shape.length === 1) return { out: x, backward: (dy) => [dy] };
  if (x.shape.length !== 3) throw new UnsupportedLayerError(layer.name, 'only images and flat inputs can be flattened on onnxruntime');
  const [h, w, ch] = x.shape;
  const nhwc = g.op('Transpose', [x.name], { perm: [0, 2, 3, 1] });
  return {
    out: { name: g.op('Flatten', [nhwc], { axis: 1 }, layer.name), shape: [h * w * ch] },
    backward: (dy) => [g.op('Transpose', [g.op('Reshape', [dy, g.ints([-1, h, w, ch])])], { perm: [0, 3, 1, 2] })],
  };
};

const leakyRelu: Rule = (layer, [x], { g }) => {
  const alpha = cfg(layer).alpha as number;
  return {
    out: { name: g.op('LeakyRelu', [x.name], { alpha: { float: alpha } }, layer.name), shape: x.shape },
    backward: (dy) => [g.op('Where', [g.op('Greater', [x.name, g.scalar(0)]), dy, g.op('Mul', [dy, g.scalar(alpha)])])],
  };
};

/** compile/elu.ts's ELU with any alpha: x above zero, alpha * (e^x - 1) below. */
const elu: Rule = (layer, [x], { g }) => {
  const alpha = (layer as unknown as { alpha: number }).alpha;
  return {
    out: { name: g.op('Elu', [x.name], { alpha: { float: alpha } }, layer.name), shape: x.shape },
    backward: (dy) => [g.op('Where', [g.op('Greater', [x.name, g.scalar(0)]), dy, g.op('Mul', [dy, g.op('Mul', [g.op('Exp', [x.name]), g.scalar(alpha)])])])],
  };
};

const multiply: Rule = (layer, inputs, { g }) => {
  if (inputs.some((v) => v.shape.join() !== inputs[0].shape.join())) throw new UnsupportedLayerError(layer.name, 'Multiply with broadcasting has no onnxruntime training rule yet');
  const product = (skip: number) => inputs.map((v) => v.name).filter((_, i) => i !== skip).reduce((a, b) => g.op('Mul', [a, b]));
  return {
    out: { name: product(-1), shape: inputs[0].shape },
    backward: (dy) => inputs.map((_, i) => (inputs.length === 1 ? dy : g.op('Mul', [dy, product(i)]))),
  };
};

/** TF.js concatenates NHWC (or flat) values; inside the graph images are NCHW. */
const concatenate: Rule = (layer, inputs, { g }) => {
  const rank = inputs[0].shape.length + 1;
  const tfAxis = (cfg(layer).axis as number) < 0 ? (cfg(layer).axis as number) + rank : (cfg(layer).axis as number);
  const axis = rank === 4 ? [0, 2, 3, 1][tfAxis] : tfAxis;
  const sizes = inputs.map((v) => v.shape[tfAxis - 1]);
  const shape = inputs[0].shape.slice();
  shape[tfAxis - 1] = sizes.reduce((a, b) => a + b, 0);
  return {
    out: { name: g.op('Concat', inputs.map((v) => v.name), { axis }, layer.name), shape },
    backward: (dy) => g.opN('Split', [dy, g.ints(sizes)], inputs.length, { axis }),
  };
};

/** Dropout with the mask fed in: the one compile/dropout.ts draws for the TF.js step too. */
const dropout: Rule = (layer, [x], ctx) => {
  const rate = (layer as unknown as { rate: number }).rate;
  if (!(rate > 0 && rate < 1)) return { out: x, backward: (dy) => [dy] };
  const { g } = ctx;
  const fed = ctx.dropoutMask(layer, rate, x.shape);
  const mask = x.shape.length === 3 ? g.op('Transpose', [fed], { perm: [0, 3, 1, 2] }) : fed;
  return {
    out: { name: g.op('Mul', [x.name, mask], undefined, layer.name), shape: x.shape },
    backward: (dy) => [g.op('Mul', [dy, mask])],
  };
};

/** Layer norm over channels at every position (channels are axis 1 of an NCHW image). */
const layerNorm: Rule = (layer, [x], ctx) => {
  const { g } = ctx;
  const c = cfg(layer);
  const rank = x.shape.length + 1;
  const axis = Array.isArray(c.axis) ? (c.axis as number[]) : [c.axis as number];
  if (axis.length !== 1 || (axis[0] !== -1 && axis[0] !== rank - 1)) throw new UnsupportedLayerError(layer.name, 'layer norm over other axes than channels has no onnxruntime training rule yet');
  const perChannel = rank === 4 ? [1, -1, 1, 1] : [1, -1];
  const sums = rank === 4 ? [0, 2, 3] : [0];
  const channels = x.shape[x.shape.length - 1];
  const gammaVar = c.scale ? variable(layer, 'gamma') : null;
  const betaVar = c.center ? variable(layer, 'beta') : null;
  const mean = g.op('ReduceMean', [x.name], { axes: [1], keepdims: 1 });
  const centered = g.op('Sub', [x.name, mean]);
  const invStd = g.op('Reciprocal', [g.op('Sqrt', [g.op('Add', [g.op('ReduceMean', [g.op('Mul', [centered, centered])], { axes: [1], keepdims: 1 }), g.scalar(c.epsilon as number)])])]);
  const xhat = g.op('Mul', [centered, invStd]);
  const gamma = gammaVar ? g.op('Reshape', [ctx.weight(gammaVar), g.ints(perChannel)]) : null;
  let y = gamma ? g.op('Mul', [xhat, gamma]) : xhat;
  if (betaVar) y = g.op('Add', [y, g.op('Reshape', [ctx.weight(betaVar), g.ints(perChannel)])], undefined, layer.name);
  return {
    out: { name: y, shape: x.shape },
    backward(dy) {
      if (gammaVar) ctx.weightGrad(gammaVar, g.op('Reshape', [g.op('ReduceSum', [g.op('Mul', [dy, xhat]), g.ints(sums)], { keepdims: 0 }), g.ints([channels])]));
      if (betaVar) ctx.weightGrad(betaVar, g.op('Reshape', [g.op('ReduceSum', [dy, g.ints(sums)], { keepdims: 0 }), g.ints([channels])]));
      // dx = (d - mean_c(d) - xhat * mean_c(d * xhat)) / sigma, d = dy * gamma.
      const d = gamma ? g.op('Mul', [dy, gamma]) : dy;
      const meanD = g.op('ReduceMean', [d], { axes: [1], keepdims: 1 });
      const meanDx = g.op('ReduceMean', [g.op('Mul', [d, xhat])], { axes: [1], keepdims: 1 });
      return [g.op('Mul', [g.op('Sub', [g.op('Sub', [d, meanD]), g.op('Mul', [xhat, meanDx])]), invStd])];
    },
  };
};

/** TF.js reshapes in NHWC order: images go to NHWC and back around the reshape. */
const reshape: Rule = (layer, [x], { g }) => {
  const target = (layer.outputShape as number[]).slice(1);
  const toRows = (v: string, shape: number[]) => (shape.length === 3 ? g.op('Transpose', [v], { perm: [0, 2, 3, 1] }) : v);
  const fromRows = (v: string, shape: number[]) => (shape.length === 3 ? g.op('Transpose', [v], { perm: [0, 3, 1, 2] }) : v);
  const y = fromRows(g.op('Reshape', [toRows(x.name, x.shape), g.ints([-1, ...target])], undefined, layer.name), target);
  return {
    out: { name: y, shape: target },
    backward: (dy) => [fromRows(g.op('Reshape', [toRows(dy, target), g.ints([-1, ...x.shape])]), x.shape)],
  };
};

/** Nearest-neighbour upsampling repeats each cell; its gradient sums each block back. */
const upSampling: Rule = (layer, [x], { g }) => {
  const c = cfg(layer);
  if (c.interpolation !== 'nearest') throw new UnsupportedLayerError(layer.name, 'bilinear upsampling has no onnxruntime training rule yet');
  const [sh, sw] = pair(c.size);
  const [h, w, ch] = x.shape;
  const scales = g.floats([4], new Float32Array([1, 1, sh, sw]));
  const y = g.op('Resize', [x.name, '', scales], { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' }, layer.name);
  return {
    out: { name: y, shape: [h * sh, w * sw, ch] },
    backward: (dy) => [g.op('ReduceSum', [g.op('Reshape', [dy, g.ints([0, ch, h, sh, w, sw])]), g.ints([3, 5])], { keepdims: 0 })],
  };
};

/** Rules by TF.js class name (the closed-form batch norm serialises as BatchNormalization). */
export const LAYER_RULES: Record<string, Rule> = {
  Conv2D: convolution,
  DepthwiseConv2D: depthwiseConvolution,
  SeparableConv2D: separableConvolution,
  Dense: dense,
  BatchNormalization: batchNorm,
  Activation: activationLayer,
  Add: add,
  GlobalAveragePooling2D: globalAvgPool,
  GlobalMaxPooling2D: globalMaxPool,
  MaxPooling2D: maxPool,
  AveragePooling2D: avgPool,
  ZeroPadding2D: zeroPadding,
  LeakyReLU: leakyRelu,
  ResWireElu: elu,
  Multiply: multiply,
  Concatenate: concatenate,
  Flatten: flatten,
  Dropout: dropout,
  LayerNormalization: layerNorm,
  Reshape: reshape,
  UpSampling2D: upSampling,
};
