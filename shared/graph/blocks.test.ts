import { describe, expect, it } from 'vitest';
import { blockInstanceArity } from './block-defs';
import { BlockError, expandBlocks } from './blocks';
import { blockChain, GraphBuilder, residualBasicBlock, stageBlock } from './fixtures/build';
import { inferGraph } from './infer';
import type { BlockDefinition, GraphDocument } from './types';

const ids = (doc: GraphDocument) => doc.nodes.map((n) => n.id);
const edge = (doc: GraphDocument, source: string, target: string) => doc.edges.find((e) => e.source === source && e.target === target);

describe('expandBlocks', () => {
  it('replaces an instance by its layers, with ids prefixed by the instance id', () => {
    const flat = expandBlocks(blockChain([['b1', 'basic', { filters: 32, strides: 2, shortcut: 'projection' }]]));
    expect(flat.blocks).toEqual({});
    expect(flat.nodes.some((n) => ['Block', 'BlockInput', 'BlockOutput'].includes(n.type))).toBe(false);
    expect(ids(flat)).toEqual([
      'input',
      'b1/c1',
      'b1/bn1',
      'b1/relu1',
      'b1/c2',
      'b1/bn2',
      'b1/proj',
      'b1/projbn',
      'b1/add',
      'b1/relu',
      'globalavgpool2d1',
      'dense1',
      'output1',
    ]);
  });

  it('resolves {$param} references against the instance, falling back to the defaults', () => {
    const flat = expandBlocks(blockChain([['b1', 'basic', { filters: 32, strides: 2 }]]));
    const c1 = flat.nodes.find((n) => n.id === 'b1/c1')!;
    expect(c1.params).toEqual({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', useBias: false });
    expect(c1.when).toBeUndefined();
    // shortcut was not given: the default 'identity' drops the projection branch.
    expect(ids(flat)).not.toContain('b1/proj');
  });

  it('applies a {$param} scale', () => {
    const def = residualBasicBlock();
    def.nodes = def.nodes.map((n) => (n.id === 'c2' ? { ...n, params: { ...n.params, filters: { $param: 'filters', scale: 4 } } } : n));
    const g = new GraphBuilder().block(def);
    const input = g.node('Input', { shape: [8, 8, 4] });
    g.add('Block', { block: 'basic', filters: 8 }, input);
    const flat = expandBlocks(g.doc());
    expect(flat.nodes.find((n) => n.id === 'block1/c2')!.params.filters).toBe(32);
  });

  it('wires the block ports to what fed and consumed the instance', () => {
    const flat = expandBlocks(blockChain([['b1', 'basic', { filters: 16 }]]));
    // BlockInput 0 was fed by the Input: both of its consumers now read the Input directly.
    expect(edge(flat, 'input', 'b1/c1')).toMatchObject({ id: 'b1/x1', targetPort: 0 });
    expect(edge(flat, 'input', 'b1/add')).toMatchObject({ id: 'b1/skip', targetPort: 1 });
    // The BlockOutput's source now feeds the instance's consumer, keeping the outer edge id.
    expect(edge(flat, 'b1/relu', 'globalavgpool2d1')).toMatchObject({ id: 'e2', targetPort: 0 });
    expect(new Set(flat.edges.map((e) => e.id)).size).toBe(flat.edges.length);
  });

  it('wires one instance straight into the next', () => {
    const flat = expandBlocks(blockChain([['b1', 'basic', {}], ['b2', 'basic', {}]]));
    expect(edge(flat, 'b1/relu', 'b2/c1')).toBeDefined();
    expect(edge(flat, 'b1/relu', 'b2/add')).toMatchObject({ targetPort: 1 });
    expect(inferGraph(flat).errors).toEqual([]);
  });

  it('places the inner layers at the instance position', () => {
    const doc = blockChain([['b1', 'basic', {}]]);
    doc.nodes[1] = { ...doc.nodes[1], position: { x: 500, y: 40 } };
    const flat = expandBlocks(doc);
    const pos = (id: string) => flat.nodes.find((n) => n.id === id)!.position;
    // The definition's top-left corner (x 0 from the BlockInput, y 0) lands on the instance.
    expect(pos('b1/c1')).toEqual({ x: 600, y: 40 });
    expect(pos('b1/add')).toEqual({ x: 1100, y: 140 });
  });

  it('expands nested blocks recursively, passing params down', () => {
    const flat = expandBlocks(blockChain([['s1', 'stage', { filters: 64 }]]));
    expect(ids(flat)).toContain('s1/u1/proj');
    expect(ids(flat)).toContain('s1/u2/c2');
    expect(ids(flat)).not.toContain('s1/u2/proj');
    expect(flat.nodes.find((n) => n.id === 's1/u1/c1')!.params).toMatchObject({ filters: 64, strides: 2 });
    expect(edge(flat, 's1/u1/relu', 's1/u2/c1')).toBeDefined();
  });

  it('gives the same shapes and totals as inferring the blocks in place', () => {
    const doc = blockChain([
      ['s1', 'stage', { filters: 32 }],
      ['b1', 'basic', { filters: 32 }],
      ['b2', 'basic', { filters: 64, strides: 2, shortcut: 'projection' }],
    ]);
    const nested = inferGraph(doc);
    const flat = inferGraph(expandBlocks(doc));
    expect(nested.errors).toEqual([]);
    expect(flat.errors).toEqual([]);
    expect(flat.totals).toEqual(nested.totals);
    expect(flat.nodes.get('output1')!.inputShapes).toEqual([[10]]);
    expect(flat.nodes.get('b2/relu')!.outputShape).toEqual(nested.nodes.get('b2')!.outputShape);
  });

  it('handles a block whose input goes straight to its output', () => {
    const identity: BlockDefinition = {
      id: 'identity',
      name: 'Identity',
      params: {},
      nodes: [
        { id: 'in', type: 'BlockInput', params: { index: 0 }, position: { x: 0, y: 0 } },
        { id: 'out', type: 'BlockOutput', params: {}, position: { x: 100, y: 0 } },
      ],
      edges: [{ id: 'through', source: 'in', target: 'out', targetPort: 0 }],
    };
    const flat = expandBlocks(blockChain([['i1', 'identity', {}]], [identity]));
    expect(edge(flat, 'input', 'globalavgpool2d1')).toMatchObject({ id: 'e2' });
    expect(inferGraph(flat).errors).toEqual([]);
  });

  it('refuses a block that contains itself, naming the chain', () => {
    const loop = stageBlock('loop', 'loop');
    expect(() => expandBlocks(blockChain([['l1', 'loop', {}]], [loop]))).toThrow(
      new BlockError('Block "loop" contains itself (loop → loop); a block cannot contain an instance of itself.'),
    );
  });

  it('refuses a missing definition or a bad instance param', () => {
    expect(() => expandBlocks(blockChain([['b1', 'nope', {}]]))).toThrow('Block b1 refers to block definition "nope", which does not exist in this document.');
    expect(() => expandBlocks(blockChain([['b1', 'basic', { strides: 3 }]]))).toThrow('Block b1 (Residual basic): strides must be at most 2, not 3.');
  });
});

describe('blockInstanceArity', () => {
  it('is the number of BlockInput ports', () => {
    expect(blockInstanceArity(residualBasicBlock())).toEqual({ min: 1, max: 1 });
    const two = residualBasicBlock();
    two.nodes = [...two.nodes, { id: 'in2', type: 'BlockInput', params: { index: 1 }, position: { x: 0, y: 0 } }];
    expect(blockInstanceArity(two)).toEqual({ min: 2, max: 2 });
  });
});
