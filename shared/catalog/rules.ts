// Checks and geometry shared by the layer rules, so every layer words its errors alike.
import type { Shape } from '../graph/types';
import { describeShape, formatPair, formatShape, plural } from './format';
import { insertBefore, setParamsFix } from './fixes';
import type { IntPair, LayerContext, LayerError, LayerSpec, Padding } from './types';

export function layerError(message: string, fix?: LayerError['fix']): LayerError {
  return fix ? { message, fix } : { message };
}

/** "Conv2D c1", or just "Conv2D" when the rule runs outside a graph. */
export function who(type: string, nodeId: string): string {
  return nodeId ? `${type} ${nodeId}` : type;
}

function arityProblem(spec: LayerSpec<any>, ctx: LayerContext<unknown>): string | undefined {
  const n = ctx.inputs.length;
  const { min, max } = spec.arity;
  const name = who(spec.type, ctx.nodeId);
  if (max === 0 && n > 0) return `${name} takes no inputs, got ${n}; remove the ${n === 1 ? 'edge' : 'edges'} into it.`;
  if (min === max && n !== min) {
    return n < min
      ? `${name} needs exactly ${plural(min, 'input')}, got ${n}; connect a layer to it.`
      : `${name} takes exactly ${plural(min, 'input')}, got ${n}; remove the extra edges.`;
  }
  if (n < min) return `${name} needs at least ${plural(min, 'input')}, got ${n}; connect ${min - n === 1 ? 'another layer' : 'more layers'} to it.`;
  if (n > max) return `${name} takes at most ${plural(max, 'input')}, got ${n}; remove the extra edges.`;
  return undefined;
}

function isValidShape(s: unknown): s is Shape {
  return Array.isArray(s) && s.length > 0 && s.every((d) => Number.isInteger(d) && d > 0);
}

/**
 * Wraps a layer's rule with the checks every layer needs (input count, well-formed input
 * shapes), so each rule can assume them. Registered specs all go through here.
 */
export function defineLayer<P>(spec: LayerSpec<P>): LayerSpec<P> {
  const rule = spec.inferShape;
  return {
    ...spec,
    inferShape(ctx) {
      const arity = arityProblem(spec, ctx);
      if (arity) return layerError(arity);
      const bad = ctx.inputs.findIndex((s) => !isValidShape(s));
      if (bad >= 0) {
        const port = ctx.inputs.length > 1 ? ` on input ${bad}` : '';
        return layerError(
          `${who(spec.type, ctx.nodeId)} got an invalid shape ${formatValueShape(ctx.inputs[bad])}${port}; every dimension must be a positive integer. Fix the layer that feeds it.`,
        );
      }
      return rule(ctx);
    },
  };
}

function formatValueShape(s: unknown): string {
  return Array.isArray(s) ? formatShape(s as number[]) : String(s);
}

/**
 * The input as a feature map [H, W, C], or an error. A rank-2 input [H, W] gets a fix
 * (Reshape to [H, W, 1]); a vector's intended layout cannot be guessed, so it gets none.
 */
export function requireFeatureMap(type: string, ctx: LayerContext<unknown>): [number, number, number] | LayerError {
  const s = ctx.inputs[0];
  if (s.length === 3) return [s[0], s[1], s[2]];
  const name = who(type, ctx.nodeId);
  const base = `${name} needs a feature map [H, W, C] input, but its input is a ${describeShape(s)}.`;
  if (s.length === 2) {
    const target = [s[0], s[1], 1];
    const fix = insertBefore(ctx, [{ type: 'Reshape', params: { targetShape: target }, idStem: 'reshape' }], `Insert Reshape to ${formatShape(target)} before ${name}`);
    return layerError(`${base} Insert a Reshape to ${formatShape(target)} (one channel) before it.`, fix);
  }
  if (s.length === 1) return layerError(`${base} Reshape it to [H, W, C] first (e.g. [28, 28, 1] for 784 values), or use Dense for vectors.`);
  return layerError(`${base} Reshape it to [H, W, C] first.`);
}

/** Output length of a sliding window along one axis; < 1 means the window does not fit. */
export function windowOutput(size: number, kernel: number, stride: number, dilation: number, padding: Padding): number {
  if (padding === 'same') return Math.ceil(size / stride);
  const span = (kernel - 1) * dilation + 1;
  return Math.floor((size - span) / stride) + 1;
}

export interface WindowSpec {
  kernel: IntPair;
  strides: IntPair;
  dilation: IntPair;
  padding: Padding;
  /** "kernel" for convolutions, "pool" for pooling: used in the message. */
  what: 'kernel' | 'pool';
}

/** Spatial output [H_out, W_out] of a convolution or pooling window, or an error with a padding fix. */
export function slideWindow(type: string, ctx: LayerContext<unknown>, hw: [number, number], w: WindowSpec): IntPair | LayerError {
  const out: IntPair = [0, 1].map((i) => windowOutput(hw[i], w.kernel[i], w.strides[i], w.dilation[i], w.padding)) as IntPair;
  if (out[0] >= 1 && out[1] >= 1) return out;
  const span: IntPair = [0, 1].map((i) => (w.kernel[i] - 1) * w.dilation[i] + 1) as IntPair;
  const dilated = w.dilation[0] > 1 || w.dilation[1] > 1 ? ` with dilation ${formatPair(w.dilation)} (spanning ${formatPair(span)})` : '';
  const name = who(type, ctx.nodeId);
  const fix = ctx.nodeId ? setParamsFix(ctx.nodeId, { padding: 'same' }, `Switch ${name} to padding "same"`) : undefined;
  return layerError(
    `${name}: ${w.what} ${formatPair(w.kernel)}${dilated} is larger than its ${formatPair(hw)} input with valid padding; use padding "same", a smaller ${w.what}, or a larger input.`,
    fix,
  );
}
