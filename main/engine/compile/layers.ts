// One mapping per catalog layer type: how a node becomes TF.js layers applied to its inputs.
// Keyed by LayerType, so a layer type added to the catalog without a mapping here fails the
// type check (and the completeness test).
import * as tf from '@tensorflow/tfjs';
import type { LayerParams, LayerType } from '../../../shared/catalog';
import { outputActivation } from '../../../shared/catalog';
import { trainingBatchNorm } from './batchnorm';
import { seededDropout } from './dropout';
import { eluLayer } from './elu';
import { dilatedConv2d, dilatedDepthwiseConv2d, dilatedSeparableConv2d } from './dilated';

type Sym = tf.SymbolicTensor;
/** Layer types that exist only inside block definitions; expansion removes them. */
export const STRUCTURAL_TYPES = ['BlockInput', 'BlockOutput'] as const;
export type MappedType = Exclude<LayerType, (typeof STRUCTURAL_TYPES)[number]>;

/** What building one node made: its output and the name of its main (weighted) TF.js layer. */
export interface Built {
  output: Sym;
  layer: string;
}

type Builder<T extends MappedType> = (p: LayerParams<T>, name: string, inputs: Sym[]) => Built;

/** Slope for negative inputs when a layer's own activation is leakyRelu (it has no alpha param). */
export const LAYER_LEAKY_RELU_ALPHA = 0.2;

const apply = (layer: tf.layers.Layer, inputs: Sym[]): Built => ({
  output: layer.apply(inputs.length === 1 ? inputs[0] : inputs) as Sym,
  layer: layer.name,
});

/** A weighted layer plus its activation; leakyRelu is not a TF.js activation name, so it gets its own layer. */
function withActivation(make: (activation: string) => tf.layers.Layer, activation: string, name: string, inputs: Sym[]): Built {
  if (activation !== 'leakyRelu') return apply(make(activation), inputs);
  const main = apply(make('linear'), inputs);
  return { output: tf.layers.leakyReLU({ alpha: LAYER_LEAKY_RELU_ALPHA, name: `${name}_act` }).apply(main.output) as Sym, layer: main.layer };
}

const dilated = (d: [number, number]) => d[0] > 1 || d[1] > 1;

/** Measurement switch: false builds TF.js's own BatchNormalization (it cannot train with center or scale off). */
export const batchNormChoice = { closedFormGradient: true };

export const LAYER_BUILDERS: { [T in MappedType]: Builder<T> } = {
  Input: (p, name) => ({ output: tf.input({ shape: p.shape, name }), layer: name }),
  Output: (p, name, inputs) => apply(tf.layers.activation({ activation: outputActivation(p.loss), name }), inputs),
  Conv2D: (p, name, inputs) =>
    withActivation(
      (activation) => {
        const args = { filters: p.filters, kernelSize: p.kernelSize, strides: p.strides, padding: p.padding, dilationRate: p.dilation, useBias: p.useBias, activation, name };
        return dilated(p.dilation) ? dilatedConv2d(args) : tf.layers.conv2d(args as Parameters<typeof tf.layers.conv2d>[0]);
      },
      p.activation,
      name,
      inputs,
    ),
  DepthwiseConv2D: (p, name, inputs) =>
    withActivation(
      (activation) => {
        const args = { kernelSize: p.kernelSize, strides: p.strides, padding: p.padding, dilationRate: p.dilation, depthMultiplier: p.depthMultiplier, useBias: p.useBias, activation, name };
        return dilated(p.dilation) ? dilatedDepthwiseConv2d(args) : tf.layers.depthwiseConv2d(args as Parameters<typeof tf.layers.depthwiseConv2d>[0]);
      },
      p.activation,
      name,
      inputs,
    ),
  SeparableConv2D: (p, name, inputs) =>
    withActivation(
      (activation) => {
        const args = { filters: p.filters, kernelSize: p.kernelSize, strides: p.strides, padding: p.padding, dilationRate: p.dilation, depthMultiplier: p.depthMultiplier, useBias: p.useBias, activation, name };
        return dilated(p.dilation) ? dilatedSeparableConv2d(args) : tf.layers.separableConv2d(args as Parameters<typeof tf.layers.separableConv2d>[0]);
      },
      p.activation,
      name,
      inputs,
    ),
  Dense: (p, name, inputs) =>
    withActivation((activation) => tf.layers.dense({ units: p.units, useBias: p.useBias, activation: activation as never, name }), p.activation, name, inputs),
  BatchNorm: (p, name, inputs) => {
    const args = { axis: -1, momentum: p.momentum, epsilon: p.epsilon, center: p.center, scale: p.scale, name };
    return apply(batchNormChoice.closedFormGradient ? trainingBatchNorm(args) : tf.layers.batchNormalization(args), inputs);
  },
  LayerNorm: (p, name, inputs) => apply(tf.layers.layerNormalization({ axis: -1, epsilon: p.epsilon, center: p.center, scale: p.scale, name }), inputs),
  Activation: (p, name, inputs) => {
    if (p.activation === 'leakyRelu') return apply(tf.layers.leakyReLU({ alpha: p.alpha, name }), inputs);
    if (p.activation === 'elu') return apply(eluLayer(p.alpha, name), inputs);
    return apply(tf.layers.activation({ activation: p.activation, name }), inputs);
  },
  Dropout: (p, name, inputs) => apply(seededDropout({ rate: p.rate, name }), inputs),
  MaxPool2D: (p, name, inputs) => apply(tf.layers.maxPooling2d({ poolSize: p.poolSize, strides: p.strides, padding: p.padding, name }), inputs),
  AvgPool2D: (p, name, inputs) => apply(tf.layers.averagePooling2d({ poolSize: p.poolSize, strides: p.strides, padding: p.padding, name }), inputs),
  GlobalAvgPool2D: (_p, name, inputs) => apply(tf.layers.globalAveragePooling2d({ name }), inputs),
  GlobalMaxPool2D: (_p, name, inputs) => apply(tf.layers.globalMaxPooling2d({ name }), inputs),
  Flatten: (_p, name, inputs) => apply(tf.layers.flatten({ name }), inputs),
  Reshape: (p, name, inputs) => apply(tf.layers.reshape({ targetShape: p.targetShape, name }), inputs),
  ZeroPadding2D: (p, name, inputs) => apply(tf.layers.zeroPadding2d({ padding: p.padding, name }), inputs),
  UpSampling2D: (p, name, inputs) => apply(tf.layers.upSampling2d({ size: p.size, interpolation: p.interpolation, name }), inputs),
  Add: (_p, name, inputs) => apply(tf.layers.add({ name }), inputs),
  Multiply: (_p, name, inputs) => apply(tf.layers.multiply({ name }), inputs),
  // The catalog counts axes without the batch; TF.js counts the batch as axis 0.
  Concatenate: (p, name, inputs) => apply(tf.layers.concatenate({ axis: p.axis < 0 ? p.axis : p.axis + 1, name }), inputs),
};

export function isMappedType(type: string): type is MappedType {
  return Object.prototype.hasOwnProperty.call(LAYER_BUILDERS, type);
}
