// Pooling and padding rules of the onnxruntime training step (NCHW inside the graph).
import type * as tf from '@tensorflow/tfjs';
import { coveredCells } from '../kernels/pool-grads';
import { cfg, pair, type Rule, UnsupportedLayerError, type Value, windowGeometry } from './ruleKit';

export const globalAvgPool: Rule = (layer, [x], { g }) => {
  if (x.shape.length !== 3) throw new UnsupportedLayerError(layer.name, 'the input is not an image');
  const [h, w, ch] = x.shape;
  return {
    out: { name: g.op('ReduceMean', [x.name], { axes: [2, 3], keepdims: 0 }, layer.name), shape: [ch] },
    backward(dy) {
      const spread = g.op('Mul', [g.op('Unsqueeze', [dy, g.ints([2, 3])]), g.scalar(1 / (h * w))]);
      return [g.op('Expand', [spread, g.op('Shape', [x.name])])];
    },
  };
};

export const zeroPadding: Rule = (layer, [x], { g }) => {
  const [[t, b], [l, r]] = cfg(layer).padding as [[number, number], [number, number]];
  const [h, w, ch] = x.shape;
  return {
    out: { name: g.op('Pad', [x.name, g.ints([0, 0, t, l, 0, 0, b, r])], undefined, layer.name), shape: [h + t + b, w + l + r, ch] },
    backward: (dy) => [g.op('Slice', [dy, g.ints([t, l]), g.ints([t + h, l + w]), g.ints([2, 3])])],
  };
};

/** Pooling geometry as TF.js computes it (padded cells never count). */
function poolGeometry(layer: tf.layers.Layer, x: Value) {
  const c = cfg(layer);
  const [kh, kw] = pair(c.poolSize);
  const [sh, sw] = pair(c.strides ?? c.poolSize);
  const [h, w, ch] = x.shape;
  const { info, pads, oh, ow } = windowGeometry(h, w, [kh, kw], [sh, sw], c.padding as string);
  return { info, kh, kw, sh, sw, h, w, ch, oh, ow, pads, attrs: { kernel_shape: [kh, kw], strides: [sh, sw], pads } };
}

/** Max pooling: the gradient goes back to the cell each output took its value from. */
export const maxPool: Rule = (layer, [x], { g }) => {
  const p = poolGeometry(layer, x);
  const [y, indices] = g.opN('MaxPool', [x.name], 2, p.attrs, layer.name);
  return {
    out: { name: y, shape: [p.oh, p.ow, p.ch] },
    backward(dy) {
      const shape = g.op('Shape', [x.name]);
      const zeros = g.op('Reshape', [g.op('ConstantOfShape', [shape]), g.ints([-1])]);
      const flat = (v: string) => g.op('Reshape', [v, g.ints([-1])]);
      const spread = g.op('ScatterElements', [zeros, flat(indices), flat(dy)], { axis: 0, reduction: 'add' });
      return [g.op('Reshape', [spread, shape])];
    },
  };
};

/** Average pooling over the cells inside the image: dy / count, spread back by a ones filter. */
export const avgPool: Rule = (layer, [x], { g }) => {
  const p = poolGeometry(layer, x);
  const y = g.op('AveragePool', [x.name], { ...p.attrs, count_include_pad: 0 }, layer.name);
  const counts = coveredCells(p.info).map((cells) => 1 / cells);
  const oph = p.h - ((p.oh - 1) * p.sh + p.kh - p.pads[0] - p.pads[2]);
  const opw = p.w - ((p.ow - 1) * p.sw + p.kw - p.pads[1] - p.pads[3]);
  return {
    out: { name: y, shape: [p.oh, p.ow, p.ch] },
    backward(dy) {
      const scaled = g.op('Mul', [dy, g.floats([1, 1, p.oh, p.ow], counts)]);
      const ones = g.floats([p.ch, 1, p.kh, p.kw], new Float32Array(p.ch * p.kh * p.kw).fill(1));
      return [g.op('ConvTranspose', [scaled, ones], { group: p.ch, kernel_shape: [p.kh, p.kw], strides: [p.sh, p.sw], pads: p.pads, output_padding: [oph, opw] })];
    },
  };
};

/** Global max pooling: every cell equal to its channel's maximum gets the gradient (TF.js's Max rule). */
export const globalMaxPool: Rule = (layer, [x], { g }) => {
  if (x.shape.length !== 3) throw new UnsupportedLayerError(layer.name, 'the input is not an image');
  const y = g.op('ReduceMax', [x.name], { axes: [2, 3], keepdims: 0 }, layer.name);
  return {
    out: { name: y, shape: [x.shape[2]] },
    backward(dy) {
      const axes = g.ints([2, 3]);
      const hit = g.op('Cast', [g.op('Equal', [x.name, g.op('Unsqueeze', [y, axes])])], { to: 1 });
      return [g.op('Mul', [hit, g.op('Unsqueeze', [dy, axes])])];
    },
  };
};
