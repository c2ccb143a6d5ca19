// The ports of a block definition. An instance supplies the shapes, so these only make
// sense inside a block; whole-graph inference passes the instance's input shapes.
import { msg } from '../../i18n/messages';
import { defineLayer, layerError, who } from '../rules';
import type { LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export interface BlockInputParams {
  index: number;
}

export const BlockInput: LayerSpec<BlockInputParams> = defineLayer<BlockInputParams>({
  type: 'BlockInput',
  family: 'Blocks',
  label: 'Block Input',
  description: 'An input port of a block definition; its shape comes from whatever feeds the block instance.',
  internal: true,
  params: {
    index: { kind: 'int', default: 0, min: 0, label: 'Port', help: 'Which input of the block instance this is, from 0.' },
  },
  arity: { min: 0, max: 0 },
  inferShape(ctx) {
    const node = who('BlockInput', ctx.nodeId);
    const { index } = ctx.params;
    if (!ctx.blockInputs) return layerError(msg('blockInput.noInstance', { node }));
    const shape = ctx.blockInputs[index];
    if (!shape) return layerError(msg('blockInput.noPort', { node, index, count: ctx.blockInputs.length }));
    return shape.slice();
  },
  countParams: noParams,
  countMacs: noMacs,
});

export const BlockOutput: LayerSpec<Record<string, never>> = defineLayer<Record<string, never>>({
  type: 'BlockOutput',
  family: 'Blocks',
  label: 'Block Output',
  description: 'The output port of a block definition: what the block instance produces.',
  internal: true,
  params: {},
  arity: { min: 1, max: 1 },
  inferShape: (ctx) => ctx.inputs[0].slice(),
  countParams: noParams,
  countMacs: noMacs,
});
