// The three losses of the catalog's Output layer as ONNX ops on the output layer's input
// (its pre-activation values), with TF.js's clipping (metrics.ts lossOf): where the
// prediction a sample's loss reads is clipped, that sample adds no gradient, exactly as
// through clipByValue. Each returns the mean loss, the correct count and d(loss)/d(input).
import { outputActivation } from '../../../shared/catalog';
import type { LossKind } from '../train/metrics';
import type { OnnxGraph } from './builder';

const EPS = 1e-7;

export interface LossOps {
  loss: string;
  hits: string;
  dInput: string;
}

/** The activation TF.js applies in the Output layer for each loss (softmax, sigmoid, linear). */
export const LOSS_ACTIVATION: Record<LossKind, string> = {
  crossentropy: outputActivation('crossentropy'),
  binaryCrossentropy: outputActivation('binaryCrossentropy'),
  mse: outputActivation('mse'),
};

/** `z` [N, C] is the Output layer's input, `t` the targets as TF.js's targetsFor makes them. */
export function lossOps(g: OnnxGraph, kind: LossKind, z: string, t: string): LossOps {
  const inRange = (p: string) => g.op('And', [g.op('GreaterOrEqual', [p, g.scalar(EPS)]), g.op('LessOrEqual', [p, g.scalar(1 - EPS)])]);
  const clipped = (p: string) => g.op('Clip', [p, g.scalar(EPS), g.scalar(1 - EPS)]);
  const count = (v: string) => g.op('Cast', [g.op('Size', [v])], { to: 1 });
  const sameClass = (a: string, b: string) => g.op('Equal', [g.op('ArgMax', [a], { axis: 1, keepdims: 0 }), g.op('ArgMax', [b], { axis: 1, keepdims: 0 })]);
  const total = (hit: string) => g.op('ReduceSum', [g.op('Cast', [hit], { to: 1 })], { keepdims: 0 });

  if (kind === 'crossentropy') {
    const p = g.op('Softmax', [z], { axis: -1 });
    const perSample = g.op('ReduceSum', [g.op('Mul', [t, g.op('Log', [clipped(p)])]), g.ints([1])], { keepdims: 0 });
    const pTrue = g.op('ReduceSum', [g.op('Mul', [p, t]), g.ints([1])], { keepdims: 1 });
    const batch = g.op('Cast', [g.op('Gather', [g.op('Shape', [z]), g.ints([0])])], { to: 1 });
    return {
      loss: g.op('Neg', [g.op('ReduceMean', [perSample], { keepdims: 0 })]),
      hits: total(sameClass(p, t)),
      dInput: g.op('Div', [g.op('Where', [inRange(pTrue), g.op('Sub', [p, t]), g.scalar(0)]), batch]),
    };
  }
  if (kind === 'binaryCrossentropy') {
    const p = g.op('Sigmoid', [z]);
    const q = clipped(p);
    const ll = g.op('Add', [g.op('Mul', [t, g.op('Log', [q])]), g.op('Mul', [g.op('Sub', [g.scalar(1), t]), g.op('Log', [g.op('Sub', [g.scalar(1), q])])])]);
    return {
      loss: g.op('Neg', [g.op('ReduceMean', [ll], { keepdims: 0 })]),
      hits: total(g.op('Equal', [g.op('Cast', [g.op('Greater', [p, g.scalar(0.5)])], { to: 1 }), t])),
      // d/dz of -[t log p + (1-t) log(1-p)] with p = sigmoid(z) is p - t, per element.
      dInput: g.op('Div', [g.op('Where', [inRange(p), g.op('Sub', [p, t]), g.scalar(0)]), count(z)]),
    };
  }
  const diff = g.op('Sub', [z, t]);
  return {
    loss: g.op('ReduceMean', [g.op('Mul', [diff, diff])], { keepdims: 0 }),
    hits: total(sameClass(z, t)),
    dInput: g.op('Div', [g.op('Mul', [diff, g.scalar(2)]), count(z)]),
  };
}
