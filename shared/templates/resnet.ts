// ResNet templates: the CIFAR layout of He et al. 2015 (depth 6n+2) and the ImageNet layout
// of torchvision (ResNet-18 to 152), each also as a plain twin and as pre-activation (v2).
import type { BlockDefinition, GraphDocument } from '../graph/types';
import { RESIDUAL_BLOCKS } from './blocks';
import { ColumnBuilder } from './builder';
import { BATCH_NORM_PARAMS, activationParams, convParams, denseParams } from './nodes';
import { makePlainTwin } from './plain';
import { TemplateError } from './errors';
import { msg } from '../i18n/messages';

export interface ResNetOptions {
  /** [H, W, C] */
  input?: number[];
  classes?: number;
  /** Remove every shortcut (the "plain" network of the same depth). */
  plain?: boolean;
  /** Pre-activation (v2) blocks. */
  preact?: boolean;
}

/** Block counts per stage of the ImageNet ResNets. */
export const IMAGENET_STAGES: Record<number, { blocks: number[]; bottleneck: boolean }> = {
  18: { blocks: [2, 2, 2, 2], bottleneck: false },
  34: { blocks: [3, 4, 6, 3], bottleneck: false },
  50: { blocks: [3, 4, 6, 3], bottleneck: true },
  101: { blocks: [3, 4, 23, 3], bottleneck: true },
  152: { blocks: [3, 8, 36, 3], bottleneck: true },
};

export function checkCifarDepth(depth: number): number {
  if (!Number.isInteger(depth) || depth < 8 || (depth - 2) % 6 !== 0) {
    throw new TemplateError(msg('template.cifarDepth', { depth }));
  }
  return (depth - 2) / 6;
}

interface Stage {
  filters: number;
  blocks: number;
  stride: number;
}

/** Stacks residual blocks, choosing a projection wherever the shape changes. */
function addStages(b: ColumnBuilder, definition: BlockDefinition, expansion: number, stages: Stage[], inChannels: number): void {
  let channels = inChannels;
  stages.forEach((stage, s) => {
    for (let i = 0; i < stage.blocks; i++) {
      const stride = i === 0 ? stage.stride : 1;
      const out = stage.filters * expansion;
      const shortcut = stride !== 1 || channels !== out ? 'projection' : 'identity';
      b.block(`stage${s + 1}_block${i + 1}`, definition, { filters: stage.filters, stride, shortcut });
      channels = out;
    }
  });
}

function addHead(b: ColumnBuilder, preact: boolean, classes: number): void {
  if (preact) {
    // v2 blocks end on a convolution: normalise and activate once before pooling.
    b.layer('final_bn', 'BatchNorm', { ...BATCH_NORM_PARAMS });
    b.layer('final_relu', 'Activation', activationParams('relu'));
  }
  b.layer('gap', 'GlobalAvgPool2D', {});
  b.layer('fc', 'Dense', denseParams(classes));
  b.layer('output', 'Output', { classes, loss: 'crossentropy' });
}

function finish(doc: GraphDocument, o: ResNetOptions, name: (kind: string) => string): GraphDocument {
  if (!o.plain) return { ...doc, name: name(o.preact ? 'PreAct ResNet' : 'ResNet') };
  return { ...makePlainTwin(doc), name: name(o.preact ? 'PreAct plain' : 'Plain'), meta: doc.meta };
}

/** The CIFAR ResNet of He et al. 2015: 3 stages of n basic blocks at 16/32/64 filters. */
export function cifarResNet(depth: number, o: ResNetOptions = {}): GraphDocument {
  const n = checkCifarDepth(depth);
  const input = o.input ?? [32, 32, 3];
  const classes = o.classes ?? 10;
  const block = RESIDUAL_BLOCKS[o.preact ? 'preact-basic' : 'basic'];
  const b = new ColumnBuilder('');
  b.layer('input', 'Input', { shape: input });
  b.layer('stem_conv', 'Conv2D', convParams({ filters: 16, kernelSize: 3, useBias: false }));
  if (!o.preact) {
    // v2 blocks start with BN+ReLU themselves.
    b.layer('stem_bn', 'BatchNorm', { ...BATCH_NORM_PARAMS });
    b.layer('stem_relu', 'Activation', activationParams('relu'));
  }
  const stages = [16, 32, 64].map((filters, s) => ({ filters, blocks: n, stride: s === 0 ? 1 : 2 }));
  addStages(b, block.definition, block.expansion, stages, 16);
  addHead(b, !!o.preact, classes);
  const meta = { template: 'resnet', options: { depth, input, classes, plain: !!o.plain, preact: !!o.preact } };
  return finish(b.build(meta), o, (kind) => `${kind}-${depth}`);
}

/** ResNet-18/34/50/101/152 in the torchvision layout. */
export function imagenetResNet(depth: number, o: ResNetOptions = {}): GraphDocument {
  const layout = IMAGENET_STAGES[depth];
  if (!layout) throw new TemplateError(msg('template.imagenetDepth', { depth }));
  const input = o.input ?? [224, 224, 3];
  const classes = o.classes ?? 1000;
  const kind = `${o.preact ? 'preact-' : ''}${layout.bottleneck ? 'bottleneck' : 'basic'}`;
  const block = RESIDUAL_BLOCKS[kind];
  const b = new ColumnBuilder('');
  b.layer('input', 'Input', { shape: input });
  // Explicit padding reproduces torchvision exactly (3 on each side, then 1 before the pool);
  // 'same' would pad stride-2 layers unevenly. Zero padding before the max pool is safe
  // because it follows a ReLU (values >= 0).
  b.layer('stem_pad', 'ZeroPadding2D', { padding: 3 });
  b.layer('stem_conv', 'Conv2D', convParams({ filters: 64, kernelSize: 7, strides: 2, padding: 'valid', useBias: false }));
  b.layer('stem_bn', 'BatchNorm', { ...BATCH_NORM_PARAMS });
  b.layer('stem_relu', 'Activation', activationParams('relu'));
  b.layer('pool_pad', 'ZeroPadding2D', { padding: 1 });
  b.layer('pool', 'MaxPool2D', { poolSize: 3, strides: 2, padding: 'valid' });
  const stages = [64, 128, 256, 512].map((filters, s) => ({ filters, blocks: layout.blocks[s], stride: s === 0 ? 1 : 2 }));
  addStages(b, block.definition, block.expansion, stages, 64);
  addHead(b, !!o.preact, classes);
  const meta = { template: `resnet${depth}`, options: { input, classes, plain: !!o.plain, preact: !!o.preact } };
  return finish(b.build(meta), o, (k) => `${k}-${depth}`);
}
