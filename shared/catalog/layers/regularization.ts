// Regularisation layers: active during training only.
import { defineLayer } from '../rules';
import type { LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export interface DropoutParams {
  rate: number;
}

export const Dropout: LayerSpec<DropoutParams> = defineLayer<DropoutParams>({
  type: 'Dropout',
  family: 'Regularization',
  label: 'Dropout',
  description: 'During training, zeroes a random fraction of values so the net cannot rely on any one of them.',
  params: {
    rate: { kind: 'float', default: 0.5, min: 0, max: 1, exclusiveMax: true, label: 'Rate', help: 'Fraction of values dropped, from 0 up to (not including) 1.' },
  },
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => ctx.inputs[0].slice(),
  countParams: noParams,
  countMacs: noMacs,
});
