// Dense (fully connected): every input value feeds every output unit.
import { msg } from '../../i18n/messages';
import { shapeText } from '../format';
import { insertBefore } from '../fixes';
import { defineLayer, layerError, who } from '../rules';
import type { LayerActivation, LayerSpec } from '../types';
import { activationParam, useBiasParam } from './common';

export interface DenseParams {
  units: number;
  useBias: boolean;
  activation: LayerActivation;
}

export const Dense: LayerSpec<DenseParams> = defineLayer<DenseParams>({
  type: 'Dense',
  family: 'Dense',
  label: 'Dense',
  description: 'Connects every value of a vector to every output unit (a fully connected layer).',
  params: {
    units: { kind: 'int', default: 64, min: 1, label: 'Units', help: 'Length of the output vector.' },
    useBias: useBiasParam,
    activation: activationParam,
  },
  arity: { min: 1, max: 1 },
  inferShape(ctx) {
    const s = ctx.inputs[0];
    if (s.length === 1) return [ctx.params.units];
    const node = who('Dense', ctx.nodeId);
    return layerError(
      msg(s.length === 3 ? 'dense.needsVectorFromMap' : 'dense.needsVector', { node, input: shapeText(s) }),
      insertBefore(ctx, [{ type: 'Flatten', params: {}, idStem: 'flatten' }], msg('fix.insertFlatten', { node })),
    );
  },
  countParams(ctx) {
    const { units, useBias } = ctx.params;
    return { trainable: ctx.inputs[0][0] * units + (useBias ? units : 0), nonTrainable: 0 };
  },
  countMacs(ctx) {
    return ctx.inputs[0][0] * ctx.params.units;
  },
});
