import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../../shared/graph/infer';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { groupIntoBlock, ungroupInstance } from './blocks';
import { doc, e, n, residualChain } from './testGraphs';

const branch = new Set(['conv1', 'bn', 'relu', 'conv2']);

describe('group into block', () => {
  it('replaces the selection by one instance with the same shapes and weights', () => {
    const before = residualChain();
    const r = groupIntoBlock(before, null, branch, 'Branch');
    if (!r.ok) throw new Error(r.reason);
    const a0 = inferGraph(before);
    const a1 = inferGraph(r.doc);
    expect(r.doc.nodes.map((x) => x.id).sort()).toEqual(['add', 'gap', 'input', r.instanceId].sort());
    expect(a1.totals.params).toBe(a0.totals.params);
    expect(a1.nodes.get(r.instanceId)?.outputShape).toEqual([32, 32, 32]);
    expect(a1.errors.filter((x) => x.nodeId === 'add')).toEqual([]);
    const def = r.doc.blocks[r.blockId];
    expect(def.nodes.filter((x) => x.type === 'BlockInput')).toHaveLength(1);
    expect(def.nodes.filter((x) => x.type === 'BlockOutput')).toHaveLength(1);
    // The instance feeds the Add on the port the branch used.
    expect(r.doc.edges.find((x) => x.source === r.instanceId)).toMatchObject({ target: 'add', targetPort: 0 });
  });
  it('refuses a selection with two exits, or without any input', () => {
    const d = residualChain();
    expect(groupIntoBlock(d, null, new Set(['input', 'conv1']), 'x')).toMatchObject({ ok: false, reason: 'hasInputLayer' });
    const twoExits = doc(d.nodes, [...d.edges, e('bn', 'gap', 0)]);
    expect(groupIntoBlock(twoExits, null, new Set(['bn', 'relu', 'conv2']), 'x')).toMatchObject({ ok: false, reason: 'manyOutputs' });
    const island = doc([n('a', 'Dense'), n('b', 'Dense')], [e('a', 'b')]);
    expect(groupIntoBlock(island, null, new Set(['a', 'b']), 'x')).toMatchObject({ ok: false, reason: 'noInputs' });
  });
  it('gives a block one input port per distinct outside source, in order', () => {
    const d = residualChain();
    const r = groupIntoBlock(d, null, new Set(['conv2', 'add']), 'Join');
    if (!r.ok) throw new Error(r.reason);
    const ports = r.doc.edges.filter((x) => x.target === r.instanceId).sort((a, b) => a.targetPort - b.targetPort);
    expect(ports.map((x) => x.source)).toEqual(['input', 'relu']);
    expect(inferGraph(r.doc).nodes.get(r.instanceId)?.outputShape).toEqual([32, 32, 32]);
  });
});

describe('ungroup', () => {
  it('undoes a grouping: same layers, same shapes', () => {
    const before = residualChain();
    const r = groupIntoBlock(before, null, branch, 'Branch');
    if (!r.ok) throw new Error(r.reason);
    const u = ungroupInstance(r.doc, null, r.instanceId);
    if (!u.ok) throw new Error('ungroup failed');
    const a = inferGraph(u.doc);
    expect(a.valid || a.errors.every((x) => x.nodeId === null)).toBe(true);
    expect(a.totals).toEqual(inferGraph(before).totals);
    expect(u.doc.nodes).toHaveLength(before.nodes.length);
  });
  it('expands a residual block with its params applied (projection shortcut, stride 2)', () => {
    const basic = structuredClone(RESIDUAL_BLOCKS.basic.definition);
    const d = doc(
      [n('input', 'Input', { shape: [32, 32, 16] }), n('b1', 'Block', { block: 'basic', filters: 32, stride: 2, shortcut: 'projection' }, 100), n('gap', 'GlobalAvgPool2D', {}, 200)],
      [e('input', 'b1'), e('b1', 'gap')],
      { basic },
    );
    const u = ungroupInstance(d, null, 'b1');
    if (!u.ok) throw new Error('ungroup failed');
    const a = inferGraph(u.doc);
    expect(a.nodes.get('gap')?.outputShape).toEqual([32]);
    expect(a.totals.params).toBe(inferGraph(d).totals.params);
    expect(u.doc.nodes.some((x) => x.id === 'b1_proj')).toBe(true);
    expect(u.doc.nodes.find((x) => x.id === 'b1_conv1')?.params.strides).toBe(2);
  });
});
