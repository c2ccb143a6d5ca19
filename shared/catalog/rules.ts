// Checks and geometry shared by the layer rules, so every layer words its errors alike.
import type { Shape } from '../graph/types';
import { english, msg, type Message } from '../i18n/messages';
import { formatPair, formatShape, shapeText } from './format';
import { insertBefore, setParamsFix } from './fixes';
import type { IntPair, LayerContext, LayerError, LayerSpec, Padding } from './types';

/** An error with its English sentence and the message it came from (for other languages). */
export function layerError(text: Message, fix?: LayerError['fix']): LayerError {
  const message = english(text);
  return fix ? { message, text, fix } : { message, text };
}

/** "Conv2D c1", or just "Conv2D" when the rule runs outside a graph. */
export function who(type: string, nodeId: string): string {
  return nodeId ? `${type} ${nodeId}` : type;
}

function arityProblem(spec: LayerSpec<any>, ctx: LayerContext<unknown>): Message | undefined {
  const n = ctx.inputs.length;
  const { min, max } = spec.arity;
  const node = who(spec.type, ctx.nodeId);
  if (max === 0 && n > 0) return msg('layer.takesNoInputs', { node, n });
  if (min === max && n !== min) return msg(n < min ? 'layer.needsExactly' : 'layer.takesExactly', { node, min, n });
  if (n < min) return msg('layer.needsAtLeast', { node, min, n, missing: min - n });
  if (n > max) return msg('layer.takesAtMost', { node, max, n });
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
        const port = ctx.inputs.length > 1 ? msg('layer.onInput', { port: bad }) : '';
        return layerError(msg('layer.invalidShape', { node: who(spec.type, ctx.nodeId), shape: formatValueShape(ctx.inputs[bad]), port }));
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
  const node = who(type, ctx.nodeId);
  const input = shapeText(s);
  if (s.length === 2) {
    const target = formatShape([s[0], s[1], 1]);
    const fix = insertBefore(ctx, [{ type: 'Reshape', params: { targetShape: [s[0], s[1], 1] }, idStem: 'reshape' }], msg('fix.insertReshape', { target, node }));
    return layerError(msg('featureMap.fromRank2', { node, input, target }), fix);
  }
  return layerError(msg(s.length === 1 ? 'featureMap.fromVector' : 'featureMap.fromOther', { node, input }));
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
  /** "kernel" for convolutions, "pool" for pooling: picks the message. */
  what: 'kernel' | 'pool';
}

/** Spatial output [H_out, W_out] of a convolution or pooling window, or an error with a padding fix. */
export function slideWindow(type: string, ctx: LayerContext<unknown>, hw: [number, number], w: WindowSpec): IntPair | LayerError {
  const out: IntPair = [0, 1].map((i) => windowOutput(hw[i], w.kernel[i], w.strides[i], w.dilation[i], w.padding)) as IntPair;
  if (out[0] >= 1 && out[1] >= 1) return out;
  const span: IntPair = [0, 1].map((i) => (w.kernel[i] - 1) * w.dilation[i] + 1) as IntPair;
  const dilated = w.dilation[0] > 1 || w.dilation[1] > 1 ? msg('window.dilated', { dilation: formatPair(w.dilation), span: formatPair(span) }) : '';
  const node = who(type, ctx.nodeId);
  const fix = ctx.nodeId ? setParamsFix(ctx.nodeId, { padding: 'same' }, msg('fix.paddingSame', { node })) : undefined;
  const code = w.what === 'kernel' ? 'window.kernelTooLarge' : 'window.poolTooLarge';
  return layerError(msg(code, { node, window: formatPair(w.kernel), dilated, input: formatPair(hw) }), fix);
}
