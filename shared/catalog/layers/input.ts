// Where data enters the network.
import { defineLayer } from '../rules';
import type { LayerSpec } from '../types';
import { noMacs, noParams } from './common';

export interface InputParams {
  shape: number[];
}

export const Input: LayerSpec<InputParams> = defineLayer<InputParams>({
  type: 'Input',
  family: 'Input/Output',
  label: 'Input',
  description: 'Where samples enter the network: an image [H, W, C] or a vector [N].',
  params: {
    shape: {
      kind: 'ints',
      default: [28, 28, 1],
      minLength: 1,
      maxLength: 3,
      label: 'Shape',
      help: 'One sample without the batch: [height, width, channels] for images, [length] for vectors.',
    },
  },
  arity: { min: 0, max: 0 },
  inferShape: (ctx) => ctx.params.shape.slice(),
  countParams: noParams,
  countMacs: noMacs,
});
