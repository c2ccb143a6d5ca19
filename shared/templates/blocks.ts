// The residual blocks of He et al.: basic and bottleneck, post-activation (v1, 2015) and
// pre-activation (v2, 2016). Each is plain BlockDefinition data; the shortcut is either an
// identity edge or a projection (1x1 convolution), chosen by the instance's `shortcut` param.
//
// Choices worth knowing:
// - v1 projection: 1x1 conv (stride, filters*expansion, no bias) + BatchNorm ("option B").
// - Bottleneck stride sits on the 3x3 convolution, as in torchvision (ResNet v1.5), which
//   changes no parameter or output shape but keeps the 1x1 from skipping 3/4 of the pixels.
// - v2 identity shortcut carries the raw block input; a v2 projection takes the
//   pre-activated input (after the block's first BN+ReLU), as in He et al. 2016 and its
//   reference code, and is a bare 1x1 conv without BatchNorm: the sum is normalised by the
//   next block's BN anyway. v2 convs have no bias for the same reason.
import type { BlockDefinition, BlockParamSpec, Condition, GraphEdge, GraphNode } from '../graph/types';
import { BLOCK_INPUT_TYPE, BLOCK_OUTPUT_TYPE } from '../graph/types';
import { BATCH_NORM_PARAMS, activationParams, cloneData, convParams, edge, node, ref } from './nodes';

export const PROJECTION: Condition = { param: 'shortcut', equals: 'projection' };
export const IDENTITY: Condition = { param: 'shortcut', equals: 'identity' };

export const BLOCK_PARAMS: Record<string, BlockParamSpec> = {
  filters: { kind: 'int', default: 64, min: 1, label: 'Filters', help: 'Channels of the block\'s convolutions (a bottleneck outputs 4x this).' },
  stride: { kind: 'int', default: 1, options: [1, 2], min: 1, max: 2, label: 'Stride', help: '2 halves height and width (first block of a stage).' },
  shortcut: {
    kind: 'enum',
    default: 'identity',
    options: ['identity', 'projection'],
    label: 'Shortcut',
    help: 'identity when input and output shapes match, else projection (1x1 convolution).',
  },
};

const STEP = 80;
const SIDE = 260;
const at = (row: number, col = 0) => ({ x: col * SIDE, y: row * STEP });

/** Rows of the main branch, top to bottom, each [id, type, params]. */
type Row = [string, string, GraphNode['params']];

/** Builds a block: input, main branch rows, Add, optional tail rows, output. */
function residualBlock(
  def: Omit<BlockDefinition, 'nodes' | 'edges' | 'params'>,
  main: Row[],
  /** Node whose output feeds a projection shortcut (the block input, or the pre-activation in v2). */
  shortcutFrom: string,
  /** Rows of the projection, in order (shown in a side column). */
  projection: Row[],
  tail: Row[],
): BlockDefinition {
  const nodes: GraphNode[] = [node('in', BLOCK_INPUT_TYPE, { index: 0 }, at(0))];
  const edges: GraphEdge[] = [];
  let prev = 'in';
  main.forEach(([id, type, params], i) => {
    nodes.push(node(id, type, params, at(i + 1)));
    edges.push(edge(prev, id));
    prev = id;
  });
  const addRow = main.length + 1;
  nodes.push(node('add', 'Add', {}, at(addRow)));
  edges.push(edge(prev, 'add', 0));
  // An identity shortcut always carries the block input unchanged (in v2 too).
  edges.push(edge('in', 'add', 1, IDENTITY));
  // The projection sits in a side column, ending just above the Add.
  let from = shortcutFrom;
  projection.forEach(([id, type, params], i) => {
    nodes.push(node(id, type, params, at(addRow - projection.length + i, 1), PROJECTION));
    edges.push(edge(from, id, 0, PROJECTION));
    from = id;
  });
  edges.push(edge(from, 'add', 1, PROJECTION));
  prev = 'add';
  tail.forEach(([id, type, params], i) => {
    nodes.push(node(id, type, params, at(addRow + 1 + i)));
    edges.push(edge(prev, id));
    prev = id;
  });
  nodes.push(node('out', BLOCK_OUTPUT_TYPE, {}, at(addRow + tail.length + 1)));
  edges.push(edge(prev, 'out'));
  return { ...def, params: cloneData(BLOCK_PARAMS), nodes, edges };
}

const bn = (id: string): Row => [id, 'BatchNorm', { ...BATCH_NORM_PARAMS }];
const relu = (id: string): Row => [id, 'Activation', activationParams('relu')];
const conv = (id: string, kernelSize: number, scale?: number, strided = false): Row => [
  id,
  'Conv2D',
  convParams({ filters: ref('filters', scale), kernelSize, strides: strided ? ref('stride') : 1, useBias: false }),
];
const projectionConv = (scale?: number): Row => [
  'proj',
  'Conv2D',
  convParams({ filters: ref('filters', scale), kernelSize: 1, strides: ref('stride'), padding: 'valid', useBias: false }),
];

export const BASIC_BLOCK: BlockDefinition = residualBlock(
  {
    id: 'basic',
    name: 'Basic residual block',
    description: 'ResNet v1: conv3x3-BN-ReLU-conv3x3-BN, add the shortcut, then ReLU. Output has `filters` channels.',
  },
  [conv('conv1', 3, undefined, true), bn('bn1'), relu('relu1'), conv('conv2', 3), bn('bn2')],
  'in',
  [projectionConv(), bn('proj_bn')],
  [relu('relu')],
);

export const BOTTLENECK_BLOCK: BlockDefinition = residualBlock(
  {
    id: 'bottleneck',
    name: 'Bottleneck residual block',
    description:
      'ResNet v1: conv1x1-BN-ReLU-conv3x3(stride)-BN-ReLU-conv1x1(4x filters)-BN, add the shortcut, then ReLU. Output has 4x `filters` channels.',
  },
  [conv('conv1', 1), bn('bn1'), relu('relu1'), conv('conv2', 3, undefined, true), bn('bn2'), relu('relu2'), conv('conv3', 1, 4), bn('bn3')],
  'in',
  [projectionConv(4), bn('proj_bn')],
  [relu('relu')],
);

export const PREACT_BASIC_BLOCK: BlockDefinition = residualBlock(
  {
    id: 'preact-basic',
    name: 'Pre-activation basic block',
    description:
      'ResNet v2: BN-ReLU-conv3x3-BN-ReLU-conv3x3, add the shortcut, no activation after the add. A projection shortcut starts from the pre-activated input.',
  },
  [bn('bn1'), relu('relu1'), conv('conv1', 3, undefined, true), bn('bn2'), relu('relu2'), conv('conv2', 3)],
  'relu1',
  [projectionConv()],
  [],
);

export const PREACT_BOTTLENECK_BLOCK: BlockDefinition = residualBlock(
  {
    id: 'preact-bottleneck',
    name: 'Pre-activation bottleneck block',
    description:
      'ResNet v2: BN-ReLU-conv1x1-BN-ReLU-conv3x3(stride)-BN-ReLU-conv1x1(4x filters), add the shortcut. A projection shortcut starts from the pre-activated input.',
  },
  [bn('bn1'), relu('relu1'), conv('conv1', 1), bn('bn2'), relu('relu2'), conv('conv2', 3, undefined, true), bn('bn3'), relu('relu3'), conv('conv3', 1, 4)],
  'relu1',
  [projectionConv(4)],
  [],
);

/** The residual blocks by id, with how many channels they output per `filters`. */
export const RESIDUAL_BLOCKS: Record<string, { definition: BlockDefinition; expansion: number }> = {
  basic: { definition: BASIC_BLOCK, expansion: 1 },
  bottleneck: { definition: BOTTLENECK_BLOCK, expansion: 4 },
  'preact-basic': { definition: PREACT_BASIC_BLOCK, expansion: 1 },
  'preact-bottleneck': { definition: PREACT_BOTTLENECK_BLOCK, expansion: 4 },
};
