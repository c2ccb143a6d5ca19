import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/infer';
import type { GraphDocument } from '../graph/types';
import { buildTemplate, flattenTemplate } from './index';

function totals(doc: GraphDocument) {
  const a = inferGraph(doc);
  expect(a.errors.map((e) => `${e.nodeId}: ${e.message}`)).toEqual([]);
  return a.totals;
}

const nodesOfType = (doc: GraphDocument, type: string) => doc.nodes.filter((n) => n.type === type);

describe('CIFAR ResNet (6n+2)', () => {
  // Published figures for option-B shortcuts (1x1 conv + BN where the shape changes).
  // MACs count convolutions and dense layers only.
  it('ResNet-20 has 272,474 trainable / 274,042 total params and 40.8M MACs', () => {
    const t = totals(buildTemplate('resnet', { depth: 20 }));
    expect(t.trainableParams).toBe(272_474);
    expect(t.params).toBe(274_042);
    expect(t.macs).toBe(40_813_184);
  });

  it('plain-20 has 269,722 trainable / 271,098 total params and no Add', () => {
    const doc = buildTemplate('resnet', { depth: 20, plain: true });
    const t = totals(doc);
    expect(t.trainableParams).toBe(269_722);
    expect(t.params).toBe(271_098);
    expect(nodesOfType(flattenTemplate(doc), 'Add')).toEqual([]);
    expect(doc.name).toBe('Plain-20');
  });

  it('uses a projection only where the shape changes (first block of stages 2 and 3)', () => {
    const doc = buildTemplate('resnet', { depth: 20 });
    const projected = nodesOfType(doc, 'Block').filter((n) => n.params.shortcut === 'projection').map((n) => n.id);
    expect(projected).toEqual(['stage2_block1', 'stage3_block1']);
    expect(nodesOfType(doc, 'Block')).toHaveLength(9);
  });

  it('halves the feature map at each stage: 32 -> 16 -> 8, then GAP to 64', () => {
    const a = inferGraph(buildTemplate('resnet', { depth: 20 }));
    expect(a.nodes.get('stage1_block3')?.outputShape).toEqual([32, 32, 16]);
    expect(a.nodes.get('stage2_block1')?.outputShape).toEqual([16, 16, 32]);
    expect(a.nodes.get('stage3_block3')?.outputShape).toEqual([8, 8, 64]);
    expect(a.nodes.get('gap')?.outputShape).toEqual([64]);
  });

  it('takes input size and classes', () => {
    const doc = buildTemplate('resnet', { depth: 20, input: [28, 28, 1], classes: 7 });
    const a = inferGraph(doc);
    expect(a.valid).toBe(true);
    expect(a.nodes.get('stage3_block3')?.outputShape).toEqual([7, 7, 64]);
    expect(a.nodes.get('output')?.outputShape).toEqual([7]);
  });

  it('rejects a depth that is not 6n+2 with the sentence a user can act on', () => {
    expect(() => buildTemplate('resnet', { depth: 21 })).toThrow('ResNet depth must be 6n+2 (8, 14, 20, 32, 44, 56, 110...), got 21.');
    expect(() => buildTemplate('resnet', { depth: 2 })).toThrow('got 2');
  });

  it.each([20, 32, 44, 56, 110])('depth %i is valid as residual, plain, preact and preact plain, flat or not', (depth) => {
    const n = (depth - 2) / 6;
    for (const variant of [{}, { plain: true }, { preact: true }, { preact: true, plain: true }]) {
      const blocks = buildTemplate('resnet', { depth, ...variant });
      const flat = buildTemplate('resnet', { depth, ...variant, flat: true });
      expect(nodesOfType(blocks, 'Block')).toHaveLength(3 * n);
      expect(nodesOfType(flat, 'Block')).toHaveLength(0);
      // Layers with weights: stem conv + 2 per block + dense = depth (projections aside).
      const convs = nodesOfType(flat, 'Conv2D').filter((c) => c.params.kernelSize === 3).length;
      expect(convs + 1).toBe(depth);
      expect(totals(flat)).toEqual(totals(blocks));
    }
  });

  it('lays the flat form out without two layers on the same spot', () => {
    for (const variant of [{}, { preact: true }, { plain: true }]) {
      const flat = buildTemplate('resnet', { depth: 20, ...variant, flat: true });
      const spots = new Set(flat.nodes.map((n) => `${n.position.x},${n.position.y}`));
      expect(spots.size).toBe(flat.nodes.length);
    }
  });

  it('preact puts BN+ReLU before each conv and once before the pooling, with no ReLU after the add', () => {
    const flat = buildTemplate('resnet', { depth: 20, preact: true, flat: true });
    const byId = new Map(flat.nodes.map((n) => [n.id, n]));
    const consumers = (id: string) => flat.edges.filter((e) => e.source === id).map((e) => byId.get(e.target)!.type).sort();
    for (const add of nodesOfType(flat, 'Add')) expect(consumers(add.id)).not.toContain('Activation');
    // The identity shortcut carries the raw input; the residual branch starts with BN.
    expect(consumers('stem_conv')).toEqual(['Add', 'BatchNorm']);
    expect(byId.get('final_bn')?.type).toBe('BatchNorm');
    expect(consumers('final_relu')).toEqual(['GlobalAvgPool2D']);
    expect(totals(flat).trainableParams).toBe(272_282);
  });
});

describe('ImageNet ResNets (torchvision layout)', () => {
  it('ResNet-50 has 25,557,032 trainable / 25,610,152 total params and 4.09G MACs', () => {
    const t = totals(buildTemplate('resnet50'));
    expect(t.trainableParams).toBe(25_557_032);
    expect(t.params).toBe(25_610_152);
    expect(Math.round(t.macs / 1e7) / 100).toBe(4.09);
  });

  it('matches torchvision parameter counts for 18, 34, 101 and 152', () => {
    expect(totals(buildTemplate('resnet18')).trainableParams).toBe(11_689_512);
    expect(totals(buildTemplate('resnet34')).trainableParams).toBe(21_797_672);
    expect(totals(buildTemplate('resnet101')).trainableParams).toBe(44_549_160);
    expect(totals(buildTemplate('resnet152')).trainableParams).toBe(60_192_808);
  });

  it('reaches 112x112 after the stem and 56x56 after the max pool, 7x7x2048 before GAP', () => {
    const a = inferGraph(buildTemplate('resnet50'));
    expect(a.nodes.get('stem_conv')?.outputShape).toEqual([112, 112, 64]);
    expect(a.nodes.get('pool')?.outputShape).toEqual([56, 56, 64]);
    expect(a.nodes.get('stage1_block1')?.outputShape).toEqual([56, 56, 256]);
    expect(a.nodes.get('stage4_block3')?.outputShape).toEqual([7, 7, 2048]);
    expect(a.nodes.get('output')?.outputShape).toEqual([1000]);
  });

  it.each(['resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'])('%s is valid plain, preact and flat, with equal totals either way', (id) => {
    for (const variant of [{}, { plain: true }, { preact: true }]) {
      const blocks = totals(buildTemplate(id, variant));
      expect(totals(buildTemplate(id, { ...variant, flat: true }))).toEqual(blocks);
    }
  });
});

describe('starters', () => {
  it('mlp flattens an image, or takes a vector as it is', () => {
    const image = buildTemplate('mlp');
    expect(totals(image).trainableParams).toBe(784 * 128 + 128 + 128 * 10 + 10);
    const vector = buildTemplate('mlp', { input: [784] });
    expect(nodesOfType(vector, 'Flatten')).toHaveLength(0);
    expect(totals(vector).params).toBe(totals(image).params);
    expect(totals(vector).macs).toBe(totals(image).macs);
  });

  it('cnn is valid for 28x28x1 and ends in the requested classes', () => {
    const a = inferGraph(buildTemplate('cnn', { classes: 5 }));
    expect(a.valid).toBe(true);
    expect(a.nodes.get('pool2')?.outputShape).toEqual([7, 7, 64]);
    expect(a.nodes.get('output')?.outputShape).toEqual([5]);
  });
});
