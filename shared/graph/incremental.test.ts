import { describe, expect, it } from 'vitest';
import { applyEdits } from './edits';
import { blockChain, flatResNet, residualBasicBlock } from './fixtures/build';
import { createInference } from './incremental';
import { inferGraph } from './infer';

describe('createInference', () => {
  it('reuses the results of untouched nodes and redoes what an edit reaches', () => {
    const doc = flatResNet(2);
    const session = createInference();
    const before = session.infer(doc);
    // Widen the last conv of the last block: its output and everything after it change.
    const lastConv = [...doc.nodes].reverse().find((n) => n.type === 'Conv2D' && n.params.kernelSize === 3)!;
    const edited = applyEdits(doc, [{ op: 'setParams', nodeId: lastConv.id, params: { filters: 128 } }]);
    const after = session.infer(edited);
    expect(after).toEqual(inferGraph(edited));
    expect(after.nodes.get('input1')).toBe(before.nodes.get('input1'));
    expect(after.nodes.get('conv2d1')).toBe(before.nodes.get('conv2d1'));
    expect(after.nodes.get(lastConv.id)!.outputShape).toEqual([8, 8, 128]);
    expect(after.nodes.get(lastConv.id)).not.toBe(before.nodes.get(lastConv.id));
    // The mismatch it causes is reported, and undoing the edit restores a valid graph.
    expect(after.valid).toBe(false);
    expect(session.infer(doc)).toEqual(before);
  });

  it('keeps errors fresh: a cached node still gets new connectivity errors', () => {
    const doc = flatResNet(1);
    const session = createInference();
    session.infer(doc);
    const outputId = doc.nodes.find((n) => n.type === 'Output')!.id;
    const cut = applyEdits(doc, [{ op: 'removeNode', nodeId: outputId }]);
    const a = session.infer(cut);
    expect(a).toEqual(inferGraph(cut));
    expect(a.errors.map((e) => e.message)).toEqual(['The graph has no Output layer; add one after the last layer to set the classes and loss.']);
  });

  it('notices a change to a block definition', () => {
    const doc = blockChain([['b1', 'basic', { filters: 16 }]]);
    const session = createInference();
    expect(session.infer(doc).valid).toBe(true);
    const def = residualBasicBlock();
    def.params = { ...def.params, filters: { ...def.params.filters, default: 16 } };
    def.nodes = def.nodes.map((n) => (n.id === 'c2' ? { ...n, params: { ...n.params, filters: 24 } } : n));
    const changed = { ...doc, blocks: { ...doc.blocks, basic: def } };
    const a = session.infer(changed);
    expect(a).toEqual(inferGraph(changed));
    expect(a.errors[0].message).toMatch(/^Inside block b1 \(Residual basic\): Add add needs inputs of identical shape/);
  });
});
