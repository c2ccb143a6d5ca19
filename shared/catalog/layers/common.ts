// Param specs shared by several layer families, so the same field reads the same everywhere.
import { LAYER_ACTIVATIONS, PADDINGS } from '../types';
import type { ParamCount, ParamSpec } from '../types';

export const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };
export const noParams = (): ParamCount => NO_PARAMS;
export const noMacs = (): number => 0;

export const kernelSizeParam: ParamSpec = { kind: 'intPair', default: 3, label: 'Kernel size', help: 'Height and width of the window, e.g. 3 or [3, 1].' };
export const stridesParam: ParamSpec = { kind: 'intPair', default: 1, label: 'Strides', help: 'Step between windows; 2 halves the height and width.' };
export const convPaddingParam: ParamSpec = {
  kind: 'enum',
  default: 'same',
  options: PADDINGS,
  label: 'Padding',
  help: '"same" keeps size ceil(in / stride); "valid" uses only full windows.',
};
export const dilationParam: ParamSpec = { kind: 'intPair', default: 1, label: 'Dilation', help: 'Spacing between kernel taps; widens the view without more weights.' };
export const useBiasParam: ParamSpec = { kind: 'bool', default: true, label: 'Use bias', help: 'Turn off when batch norm follows: its beta does the same job.' };
export const activationParam: ParamSpec = {
  kind: 'enum',
  default: 'linear',
  options: LAYER_ACTIVATIONS,
  label: 'Activation',
  help: 'Applied to the output; "linear" applies nothing.',
};
export const depthMultiplierParam: ParamSpec = { kind: 'int', default: 1, min: 1, label: 'Depth multiplier', help: 'Output channels per input channel of the depthwise step.' };
export const filtersParam: ParamSpec = { kind: 'int', default: 32, min: 1, label: 'Filters', help: 'Number of output channels.' };
