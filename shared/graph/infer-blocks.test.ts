import { describe, expect, it } from 'vitest';
import { applyEdits } from './edits';
import { blockChain, residualBasicBlock, stageBlock } from './fixtures/build';
import { inferGraph } from './infer';

describe('inferGraph with block instances', () => {
  it('infers an instance from its definition and sums its inner layers', () => {
    const doc = blockChain([['b1', 'basic', { filters: 32, strides: 2, shortcut: 'projection' }]]);
    const a = inferGraph(doc);
    expect(a.errors).toEqual([]);
    const b1 = a.nodes.get('b1')!;
    expect(b1).toMatchObject({ type: 'Block', inputShapes: [[32, 32, 16]], outputShape: [16, 16, 32] });
    // conv 3x3 16->32, conv 3x3 32->32, projection 1x1 16->32, three batch norms of 32.
    const weights = 9 * 16 * 32 + 9 * 32 * 32 + 16 * 32;
    expect(b1.trainableParams).toBe(weights + 3 * 64);
    expect(b1.nonTrainableParams).toBe(3 * 64);
    expect(b1.macs).toBe(16 * 16 * weights);
    expect([...b1.inner!.keys()]).toContain('proj');
    expect(b1.inner!.get('add')!.inputShapes).toEqual([[16, 16, 32], [16, 16, 32]]);
  });

  it('reports a mismatched Add inside a block on the instance and fixes it with the projection shortcut', () => {
    const doc = blockChain([
      ['b1', 'basic', { filters: 16 }],
      ['b3', 'basic', { filters: 32, strides: 2 }],
    ]);
    const a = inferGraph(doc);
    expect(a.errors).toHaveLength(1);
    const [error] = a.errors;
    expect(error.nodeId).toBe('b3');
    expect(error.message).toMatch(
      /^Inside block b3 \(Residual basic\): Add add needs inputs of identical shape, got \[16, 16, 32\] \(input 0\), \[32, 32, 16\] \(input 1\)\..* Set its shortcut to "projection" to fix this\.$/,
    );
    expect(error.fix).toMatchObject({
      title: 'Use a projection shortcut in block b3 (Residual basic)',
      edits: [{ op: 'setParams', nodeId: 'b3', params: { shortcut: 'projection' } }],
    });
    expect(a.nodes.get('b3')!.outputShape).toBeNull();
    expect(a.nodes.get('globalavgpool2d1')!.errors).toEqual([]);
    expect(inferGraph(applyEdits(doc, error.fix!.edits)).valid).toBe(true);
  });

  it('reports errors of nested blocks through every level', () => {
    const doc = blockChain([['s1', 'stage', { filters: 32, shortcut: 'identity' }]]);
    const [error] = inferGraph(doc).errors;
    expect(error.nodeId).toBe('s1');
    expect(error.message).toMatch(/^Inside block s1 \(Stage\): Inside block u1 \(Residual basic\): Add add needs inputs of identical shape/);
    const fixed = inferGraph(applyEdits(doc, [{ op: 'setParams', nodeId: 's1', params: { shortcut: 'projection' } }]));
    expect(fixed.errors).toEqual([]);
    expect(fixed.nodes.get('s1')!.outputShape).toEqual([16, 16, 32]);
  });

  it('checks conditional inner layers only when they are present', () => {
    const def = residualBasicBlock();
    def.nodes = def.nodes.map((n) => (n.id === 'proj' ? { ...n, params: { ...n.params, padding: 'full' } } : n));
    const doc = blockChain([['b1', 'basic', { shortcut: 'identity' }]]);
    doc.blocks.basic = def;
    expect(inferGraph(doc).errors).toEqual([]);
    const projected = applyEdits(doc, [{ op: 'setParams', nodeId: 'b1', params: { shortcut: 'projection' } }]);
    const errors = inferGraph(projected).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ nodeId: 'b1' });
    expect(errors[0].message).toMatch(/^Inside block b1 \(Residual basic\): Conv2D proj param "padding" must be .*got "full"\.$/);
  });

  it('reports bad instance params by field', () => {
    const a = inferGraph(blockChain([['b1', 'basic', { strides: 3, width: 2 }]]));
    expect(a.errors).toMatchObject([
      { nodeId: 'b1', field: 'strides', message: 'Block b1 (Residual basic): strides must be at most 2, not 3.' },
      { nodeId: 'b1', field: 'width', message: 'Block b1 (Residual basic): width is not a param of block "Residual basic" (its params are filters, strides, shortcut).' },
    ]);
  });

  it('reports a block that contains itself instead of recursing forever', () => {
    const doc = blockChain([['l1', 'loop', {}]], [stageBlock('loop', 'loop')]);
    expect(inferGraph(doc).errors).toMatchObject([
      { nodeId: 'l1', message: 'Block l1 uses "loop", which contains itself (loop → loop); a block cannot contain an instance of itself.' },
    ]);
  });

  it('checks the inputs of an instance like any layer', () => {
    const doc = blockChain([['b1', 'basic', {}]]);
    doc.edges = doc.edges.filter((e) => e.target !== 'b1');
    expect(inferGraph(doc).errors.map((e) => e.message)).toEqual([
      'Input input is not connected to the Output; connect it or delete it.',
      'Block b1 has no input; connect a layer to it.',
    ]);
  });
});
