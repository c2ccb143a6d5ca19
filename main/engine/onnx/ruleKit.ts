// What every ONNX layer rule shares: the values it reads and writes, the context it
// registers weights and statistics with, and TF.js's window geometry.
import type * as tf from '@tensorflow/tfjs';
import { backend_util } from '@tensorflow/tfjs-core';
import type { OnnxGraph } from './builder';

/** A value in the graph: its name and its TF.js shape without the batch (HWC or features). */
export interface Value {
  name: string;
  shape: number[];
  /** The same image in NHWC, where the graph has it anyway (the model input). */
  nhwc?: string;
}

export interface RuleContext {
  g: OnnxGraph;
  /** The graph input that feeds a variable's current value (TF.js layout). */
  weight(v: tf.LayerVariable): string;
  /** Registers a variable's gradient (TF.js layout). */
  weightGrad(v: tf.LayerVariable, grad: string): void;
  /** A graph input fed each step with a dropout layer's mask ([N, ...shape], TF.js layout). */
  dropoutMask(layer: tf.layers.Layer, rate: number, shape: number[]): string;
  /** Registers a batch-norm layer's batch mean and variance ([C] each) as graph outputs. */
  batchStats(layer: tf.layers.Layer, mean: string, variance: string): void;
}

export interface Forward {
  out: Value;
  backward(dy: string): (string | null)[];
}

export type Rule = (layer: tf.layers.Layer, inputs: Value[], ctx: RuleContext) => Forward;

/** Why a model cannot train on onnxruntime: names the layer so the fallback can say so. */
export class UnsupportedLayerError extends Error {
  constructor(readonly layer: string, readonly reason: string) {
    super(`${reason} (${layer})`);
    this.name = 'UnsupportedLayerError';
  }
}

export type Config = Record<string, unknown>;
export const cfg = (layer: tf.layers.Layer) => layer.getConfig() as Config;
export const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [v[0], v[1] ?? v[0]] : [v as number, v as number]);
export const variable = (layer: tf.layers.Layer, field: string) => (layer as unknown as Record<string, tf.LayerVariable | null | undefined>)[field] ?? null;

/** A window's geometry exactly as TF.js computes it for its own kernels: [top, bottom, out] per axis. */
export function windowGeometry(h: number, w: number, kernel: [number, number], strides: [number, number], padding: string) {
  const info = backend_util.computePool2DInfo([1, h, w, 1], kernel, strides, 1, padding as 'same' | 'valid');
  return { info, pads: [info.padInfo.top, info.padInfo.left, info.padInfo.bottom, info.padInfo.right], oh: info.outHeight, ow: info.outWidth };
}

/** Applies a supported activation after `z`; returns the output and its local backward. */
export function activation(g: OnnxGraph, layer: tf.layers.Layer, name: string, z: string): { y: string; back: (dy: string) => string } {
  if (name === 'linear') return { y: z, back: (dy) => dy };
  if (name === 'relu') {
    const y = g.op('Relu', [z]);
    return { y, back: (dy) => reluGrad(g, y, dy) };
  }
  if (name === 'sigmoid') {
    const y = g.op('Sigmoid', [z]);
    return { y, back: (dy) => g.op('Mul', [dy, g.op('Mul', [y, g.op('Sub', [g.scalar(1), y])])]) };
  }
  if (name === 'tanh') {
    const y = g.op('Tanh', [z]);
    return { y, back: (dy) => g.op('Mul', [dy, g.op('Sub', [g.scalar(1), g.op('Mul', [y, y])])]) };
  }
  if (name === 'swish') {
    // TF.js: x * sigmoid(x); d/dx = s + x * s * (1 - s).
    const s = g.op('Sigmoid', [z]);
    const y = g.op('Mul', [z, s]);
    return { y, back: (dy) => g.op('Mul', [dy, g.op('Add', [s, g.op('Mul', [y, g.op('Sub', [g.scalar(1), s])])])]) };
  }
  if (name === 'gelu') {
    // TF.js's exact GELU: x * Phi(x) with Phi(x) = (1 + erf(x / sqrt 2)) / 2; d/dx = Phi(x) + x * phi(x).
    const cdf = g.op('Mul', [g.scalar(0.5), g.op('Add', [g.scalar(1), g.op('Erf', [g.op('Mul', [z, g.scalar(Math.SQRT1_2)])])])]);
    const y = g.op('Mul', [z, cdf]);
    const pdf = g.op('Mul', [g.op('Exp', [g.op('Mul', [g.op('Mul', [z, z]), g.scalar(-0.5)])]), g.scalar(1 / Math.sqrt(2 * Math.PI))]);
    return { y, back: (dy) => g.op('Mul', [dy, g.op('Add', [cdf, g.op('Mul', [z, pdf])])]) };
  }
  throw new UnsupportedLayerError(layer.name, `the ${name} activation has no onnxruntime training rule yet`);
}

/** dy where the ReLU's output is positive, 0 elsewhere (TF.js's step(x) > 0 rule). */
export function reluGrad(g: OnnxGraph, y: string, dy: string): string {
  return g.op('Where', [g.op('Greater', [y, g.scalar(0)]), dy, g.scalar(0)]);
}
