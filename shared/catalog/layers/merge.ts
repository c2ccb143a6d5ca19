// Merging branches: Add (the residual sum), Multiply (gating), Concatenate.
import type { Shape } from '../../graph/types';
import { english, list, msg, type Message, type MessageList } from '../../i18n/messages';
import { formatShape } from '../format';
import { insertOnEdges } from '../fixes';
import type { EdgeInsertion } from '../fixes';
import { defineLayer, layerError, who } from '../rules';
import type { LayerContext, LayerError, LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export interface ConcatenateParams {
  axis: number;
}

type NoParams = Record<string, never>;

const sameShape = (a: Shape, b: Shape): boolean => a.length === b.length && a.every((d, i) => d === b[i]);
const listShapes = (shapes: Shape[]): MessageList => list(shapes.map((s, i) => msg('shape.onInput', { shape: formatShape(s), port: i })), 'comma');

/** The stride that takes `from` to `to` under 'same' padding (ceil), if one exists. */
function strideBetween(from: number, to: number): number | undefined {
  for (let s = 1; s <= from; s++) if (Math.ceil(from / s) === to) return s;
  return undefined;
}

/**
 * For mismatched inputs of an elementwise merge: project every odd one out onto the branch
 * that went furthest (smallest map, then most channels; port 0 for vectors) with a 1x1
 * Conv2D (no bias) + BatchNorm, or a Dense without bias for vectors. `hint` is the sentence
 * to append to the error (`text` the same as a message); `fix` is absent without a graph.
 * Undefined when no projection fits (ranks differ, rank 2, or no stride maps one size onto the other).
 */
export function mergeProjection(type: string, ctx: LayerContext<unknown>): { hint: string; text: Message; fix?: LayerError['fix'] } | undefined {
  const shapes = ctx.inputs;
  const rank = shapes[0].length;
  if ((rank !== 1 && rank !== 3) || shapes.some((s) => s.length !== rank)) return undefined;
  let ref = 0;
  if (rank === 3) {
    shapes.forEach((s, i) => {
      const r = shapes[ref];
      if (s[0] * s[1] < r[0] * r[1] || (s[0] * s[1] === r[0] * r[1] && s[2] > r[2])) ref = i;
    });
  }
  const target = shapes[ref];
  const insertions: EdgeInsertion[] = [];
  const what: Message[] = [];
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (sameShape(s, target)) continue;
    if (rank === 1) {
      insertions.push({ port: i, layers: [{ type: 'Dense', params: { units: target[0], useBias: false }, idStem: 'proj' }] });
      what.push(msg('merge.denseProjection', { units: target[0] }));
      continue;
    }
    const sh = strideBetween(s[0], target[0]);
    const sw = strideBetween(s[1], target[1]);
    if (sh === undefined || sw === undefined) return undefined;
    const strides = sh === sw ? sh : [sh, sw];
    insertions.push({
      port: i,
      layers: [
        { type: 'Conv2D', params: { filters: target[2], kernelSize: 1, strides, padding: 'same', useBias: false }, idStem: 'proj' },
        { type: 'BatchNorm', params: {}, idStem: 'proj_bn' },
      ],
    });
    what.push(msg('merge.convProjection', { stride: sh === sw ? sh : `${sh}x${sw}`, filters: target[2] }));
  }
  const where =
    insertions.length === 1
      ? msg('merge.onShortcut', { what: what[0], port: insertions[0].port })
      : list(
          insertions.map((x, i) => msg('merge.onInput', { what: what[i], port: x.port })),
          'andEach',
        );
  const title = msg('fix.insertProjection', { where, node: who(type, ctx.nodeId) });
  const text = msg('merge.projectionHint', { where, count: insertions.length, target: formatShape(target) });
  return { hint: english(text), text, fix: insertOnEdges(ctx, insertions, title) };
}

function elementwise(type: 'Add' | 'Multiply', label: string, description: string): LayerSpec<NoParams> {
  return defineLayer<NoParams>({
    type,
    family: 'Merge',
    label,
    description,
    params: {},
    arity: { min: 2, max: Infinity },
    inferShape(ctx) {
      const shapes = ctx.inputs;
      if (shapes.every((s) => sameShape(s, shapes[0]))) return shapes[0].slice();
      const args = { node: who(type, ctx.nodeId), shapes: listShapes(shapes) };
      // Only Add: a Multiply usually gates, and projecting its inputs rarely is what was meant.
      if (type === 'Add') {
        const p = mergeProjection(type, ctx);
        if (p) return layerError(msg('merge.mismatch', { ...args, hint: p.text }), p.fix);
      }
      return layerError(msg('merge.mismatch', { ...args, hint: msg('merge.matchBranches', {}) }));
    },
    countParams: noParams,
    countMacs: noMacs,
  });
}

export const Add = elementwise('Add', 'Add', 'Sums its inputs element by element: the join of a residual (skip) connection.');
export const Multiply = elementwise('Multiply', 'Multiply', 'Multiplies its inputs element by element, for instance to gate a branch with a learned mask.');

export const Concatenate: LayerSpec<ConcatenateParams> = defineLayer<ConcatenateParams>({
  type: 'Concatenate',
  family: 'Merge',
  label: 'Concatenate',
  description: 'Joins its inputs along one axis (channels by default), as in DenseNet and Inception.',
  params: {
    axis: { kind: 'int', default: -1, label: 'Axis', help: 'The axis to join along; -1 is the last (channels), counting without the batch.' },
  },
  arity: { min: 2, max: Infinity },
  inferShape(ctx) {
    const shapes = ctx.inputs;
    const node = who('Concatenate', ctx.nodeId);
    const rank = shapes[0].length;
    if (!shapes.every((s) => s.length === rank)) return layerError(msg('concat.rankMismatch', { node, shapes: listShapes(shapes) }));
    const { axis } = ctx.params;
    const ax = axis < 0 ? rank + axis : axis;
    if (ax < 0 || ax >= rank) return layerError(msg('concat.axisRange', { node, axis, rank, lowest: -rank, highest: rank - 1 }));
    for (let d = 0; d < rank; d++) {
      if (d === ax) continue;
      if (shapes.some((s) => s[d] !== shapes[0][d])) {
        return layerError(msg('concat.dimMismatch', { node, axis: ax, dim: d, shapes: listShapes(shapes) }));
      }
    }
    const out = shapes[0].slice();
    out[ax] = shapes.reduce((sum, s) => sum + s[ax], 0);
    return out;
  },
  countParams: noParams,
  countMacs: noMacs,
});
