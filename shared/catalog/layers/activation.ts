// The standalone Activation layer.
import { defineLayer } from '../rules';
import { ACTIVATIONS } from '../types';
import type { ActivationName, LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export interface ActivationParams {
  activation: ActivationName;
  alpha: number;
}

export const Activation: LayerSpec<ActivationParams> = defineLayer<ActivationParams>({
  type: 'Activation',
  family: 'Activation',
  label: 'Activation',
  description: 'Applies a non-linearity such as ReLU to every value; the shape is unchanged.',
  params: {
    activation: { kind: 'enum', default: 'relu', options: ACTIVATIONS, label: 'Function', help: 'softmax normalises over the last axis.' },
    alpha: {
      kind: 'float',
      default: 0.2,
      min: 0,
      label: 'Alpha',
      help: 'Slope for negative inputs (leakyRelu) or saturation level (elu).',
      shownWhen: { param: 'activation', oneOf: ['leakyRelu', 'elu'] },
    },
  },
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => ctx.inputs[0].slice(),
  countParams: noParams,
  countMacs: noMacs,
});
