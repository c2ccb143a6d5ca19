// The network's head marker: names the task (classes, loss) and applies the matching
// final activation. It has no weights; a Dense before it produces the class scores.
import { msg } from '../../i18n/messages';
import { shapeText } from '../format';
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
    const node = who('Output', ctx.nodeId);
    const input = shapeText(s);
    const dense: InsertedLayer = { type: 'Dense', params: { units: classes }, idStem: 'dense' };
    if (s.length === 1) {
      return layerError(msg('output.fromVector', { node, classes, input, size: s[0] }), insertBefore(ctx, [dense], msg('fix.insertDense', { classes, node })));
    }
    if (s.length === 3) {
      return layerError(
        msg('output.fromFeatureMap', { node, classes, input }),
        insertBefore(ctx, [{ type: 'GlobalAvgPool2D', params: {}, idStem: 'gap' }, dense], msg('fix.insertPoolDense', { classes, node })),
      );
    }
    return layerError(
      msg('output.fromOther', { node, classes, input }),
      insertBefore(ctx, [{ type: 'Flatten', params: {}, idStem: 'flatten' }, dense], msg('fix.insertFlattenDense', { classes, node })),
    );
  },
  countParams: noParams,
  countMacs: noMacs,
});
