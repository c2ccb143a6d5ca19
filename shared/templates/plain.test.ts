import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/infer';
import type { GraphDocument } from '../graph/types';
import { buildTemplate, flattenTemplate, makePlainTwin } from './index';
import { ColumnBuilder } from './builder';

const types = (doc: GraphDocument) => doc.nodes.map((n) => n.type);
const count = (doc: GraphDocument, type: string) => types(doc).filter((t) => t === type).length;

describe('makePlainTwin', () => {
  it('switches block instances to plain block definitions and drops the unused residual ones', () => {
    const twin = makePlainTwin(buildTemplate('resnet', { depth: 20 }));
    expect(Object.keys(twin.blocks)).toEqual(['basic-plain']);
    const plainBlock = twin.blocks['basic-plain'];
    expect(plainBlock.nodes.map((n) => n.type)).not.toContain('Add');
    expect(Object.keys(plainBlock.params).sort()).toEqual(['filters', 'stride']);
    for (const n of twin.nodes.filter((x) => x.type === 'Block')) expect(n.params).not.toHaveProperty('shortcut');
    expect(twin.name).toBe('ResNet-20 (plain)');
    expect(inferGraph(twin).totals.trainableParams).toBe(269_722);
  });

  it('removes shortcuts, Adds and projections from a flat graph, wiring the residual branch through', () => {
    const flat = flattenTemplate(buildTemplate('resnet', { depth: 20 }));
    const twin = makePlainTwin(flat);
    expect(count(twin, 'Add')).toBe(0);
    expect(twin.nodes.some((n) => n.id.endsWith('/proj') || n.id.endsWith('/proj_bn'))).toBe(false);
    // 9 Adds and 2 projections (conv + BN each) are gone; nothing else is.
    expect(twin.nodes.length).toBe(flat.nodes.length - 9 - 4);
    // The ReLU that followed the Add now follows the second BN.
    const into = twin.edges.find((e) => e.target === 'stage1_block1/relu');
    expect(into?.source).toBe('stage1_block1/bn2');
    const a = inferGraph(twin);
    expect(a.valid).toBe(true);
    expect(a.totals).toEqual(inferGraph(buildTemplate('resnet', { depth: 20, plain: true })).totals);
  });

  it('gives the same network from the block form and the flat form (pre-activation, bottleneck)', () => {
    for (const [id, options] of [
      ['resnet', { depth: 32, preact: true }],
      ['resnet50', {}],
    ] as const) {
      const doc = buildTemplate(id, options);
      const viaBlocks = inferGraph(makePlainTwin(doc)).totals;
      const viaFlat = inferGraph(makePlainTwin(flattenTemplate(doc))).totals;
      expect(viaFlat).toEqual(viaBlocks);
      expect(count(flattenTemplate(makePlainTwin(doc)), 'Add')).toBe(0);
    }
  });

  it('leaves an Add that merges two unrelated inputs alone', () => {
    const b = new ColumnBuilder('two inputs');
    b.layer('a', 'Input', { shape: [8] });
    b.layer('b', 'Input', { shape: [8] }, null);
    b.layer('sum', 'Add', {}, ['a', 'b']);
    b.layer('fc', 'Dense', { units: 2 });
    const doc = b.build({});
    const twin = makePlainTwin(doc);
    expect(twin.nodes).toEqual(doc.nodes);
    expect(twin.edges).toEqual(doc.edges);
  });

  it('removes a hand-wired identity shortcut: x -> dense -> dense -> add(x)', () => {
    const b = new ColumnBuilder('tiny residual');
    b.layer('x', 'Input', { shape: [16] });
    b.layer('d1', 'Dense', { units: 16, activation: 'relu' });
    b.layer('d2', 'Dense', { units: 16 });
    b.layer('sum', 'Add', {}, ['d2', 'x']);
    b.layer('out', 'Dense', { units: 3 });
    const doc = b.build({});
    const twin = makePlainTwin(doc);
    expect(types(twin)).toEqual(['Input', 'Dense', 'Dense', 'Dense']);
    expect(twin.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(['d1->d2', 'd2->out', 'x->d1']);
    expect(twin.meta?.plainTwinOf).toBe('tiny residual');
  });

  it('keeps block definitions nobody used', () => {
    const doc = buildTemplate('resnet', { depth: 8 });
    const library = { ...doc, blocks: { ...doc.blocks, spare: { ...doc.blocks.basic, id: 'spare' } } };
    expect(Object.keys(makePlainTwin(library).blocks).sort()).toEqual(['basic-plain', 'spare']);
  });
});
