// The network's head marker: names the task (classes, loss) and applies the matching
// final activation. It has no weights; a Dense before it produces the class scores.
import { describeShape } from '../format';
import { insertBefore } from '../fixes';
import type { InsertedLayer } from '../fixes';
import { defineLayer, layerError, who } from '../rules';
import type { LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export const LOSSES = ['crossentropy', 'binaryCrossentropy', 'mse'] as const;
export type Loss = (typeof LOSSES)[number];

export interface OutputParams {
  classes: number;
  loss: Loss;
}

/** The activation the Output layer applies for a loss. */
export function outputActivation(loss: Loss): 'softmax' | 'sigmoid' | 'linear' {
  return loss === 'crossentropy' ? 'softmax' : loss === 'binaryCrossentropy' ? 'sigmoid' : 'linear';
}

export const Output: LayerSpec<OutputParams> = defineLayer<OutputParams>({
  type: 'Output',
  family: 'Input/Output',
  label: 'Output',
  description: 'The head of the network: sets the number of classes and the loss, and applies softmax or sigmoid to match.',
  params: {
    classes: { kind: 'int', default: 10, min: 1, label: 'Classes', help: 'Entries of the output vector (one per class, or per target value for mse).' },
    loss: {
      kind: 'enum',
      default: 'crossentropy',
      options: LOSSES,
      label: 'Loss',
      help: 'crossentropy: one class per sample (softmax); binaryCrossentropy: independent yes/no per entry (sigmoid); mse: regression (no activation).',
    },
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const s = ctx.inputs[0];
    const { classes } = ctx.params;
    if (s.length === 1 && s[0] === classes) return [classes];
    const name = who('Output', ctx.nodeId);
    const base = `${name} needs a vector of exactly ${classes} entries (one per class), but its input is a ${describeShape(s)}.`;
    const dense: InsertedLayer = { type: 'Dense', params: { units: classes }, idStem: 'dense' };
    if (s.length === 1) {
      return layerError(
        `${base} Insert Dense(${classes}) before it, or set classes to ${s[0]}.`,
        insertBefore(ctx, [dense], `Insert Dense(${classes}) before ${name}`),
      );
    }
    if (s.length === 3) {
      return layerError(
        `${base} Insert GlobalAvgPool2D and Dense(${classes}) before it.`,
        insertBefore(ctx, [{ type: 'GlobalAvgPool2D', params: {}, idStem: 'gap' }, dense], `Insert GlobalAvgPool2D and Dense(${classes}) before ${name}`),
      );
    }
    return layerError(
      `${base} Insert Flatten and Dense(${classes}) before it.`,
      insertBefore(ctx, [{ type: 'Flatten', params: {}, idStem: 'flatten' }, dense], `Insert Flatten and Dense(${classes}) before ${name}`),
    );
  },
  countParams: noParams,
  countMacs: noMacs,
});
