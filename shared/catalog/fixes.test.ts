// Fixes are applied to a real document and the result inferred again: a fix that does not
// repair its error, or that breaks ids or edges, fails here.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../graph/edits';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/types';
import type { GraphDocument, GraphEdge, GraphNode, Params, Shape } from '../graph/types';
import { evaluateLayer, fixContextFor } from './index';
import type { LayerError } from './types';

type Spec = [id: string, type: string, params: Params, inputs: string[]];

function doc(specs: Spec[]): GraphDocument {
  const nodes: GraphNode[] = specs.map(([id, type, params], i) => ({ id, type, params, position: { x: 0, y: i * 100 } }));
  const edges: GraphEdge[] = specs.flatMap(([id, , , inputs]) => inputs.map((src, port) => ({ id: `${src}->${id}`, source: src, target: id, targetPort: port })));
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name: 't', nodes, edges, blocks: {} };
}

/** Minimal whole-graph inference for these tests: each node once its sources are known. */
function infer(d: GraphDocument): Map<string, Shape | LayerError> {
  const out = new Map<string, Shape | LayerError>();
  for (let pass = 0; pass < d.nodes.length; pass++) {
    for (const n of d.nodes) {
      if (out.has(n.id)) continue;
      const ins = d.edges.filter((e) => e.target === n.id).sort((a, b) => a.targetPort - b.targetPort);
      if (!ins.every((e) => out.has(e.source))) continue;
      const shapes = ins.map((e) => out.get(e.source));
      if (!shapes.every(Array.isArray)) {
        out.set(n.id, { message: 'upstream error' });
        continue;
      }
      const r = evaluateLayer(n.type, shapes as Shape[], n.params, n.id, fixContextFor(d, n.id));
      out.set(n.id, r.ok ? r.shape : r.error);
    }
  }
  return out;
}

function errorAt(d: GraphDocument, id: string): LayerError {
  const r = infer(d).get(id);
  if (!r || Array.isArray(r)) throw new Error(`expected an error at ${id}, got ${JSON.stringify(r)}`);
  return r;
}

function applyFix(d: GraphDocument, id: string): GraphDocument {
  const fix = errorAt(d, id).fix;
  if (!fix) throw new Error(`no fix at ${id}`);
  return applyEdits(d, fix.edits);
}

function allShapes(d: GraphDocument): Record<string, Shape> {
  const out: Record<string, Shape> = {};
  for (const [id, r] of infer(d)) {
    if (!Array.isArray(r)) throw new Error(`${id}: ${r.message}`);
    out[id] = r;
  }
  expect(Object.keys(out)).toHaveLength(d.nodes.length);
  return out;
}

describe('fixes repair the graph they were offered for', () => {
  it('Insert Flatten before Dense', () => {
    const d = doc([
      ['in', 'Input', { shape: [28, 28, 1] }, []],
      ['c1', 'Conv2D', { filters: 8 }, ['in']],
      ['d1', 'Dense', { units: 10 }, ['c1']],
    ]);
    const fixed = applyFix(d, 'd1');
    const shapes = allShapes(fixed);
    expect(shapes.flatten).toEqual([28 * 28 * 8]);
    expect(shapes.d1).toEqual([10]);
    // The old edge is gone and the new node sits between its neighbours.
    expect(fixed.edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(['c1->flatten', 'flatten->d1', 'in->c1']);
    expect(fixed.nodes.find((n) => n.id === 'flatten')?.position).toEqual({ x: 0, y: 150 });
  });

  it('Insert GlobalAvgPool2D and Dense(classes) before Output', () => {
    const d = doc([
      ['in', 'Input', { shape: [32, 32, 3] }, []],
      ['c1', 'Conv2D', { filters: 16 }, ['in']],
      ['out', 'Output', { classes: 10 }, ['c1']],
    ]);
    const shapes = allShapes(applyFix(d, 'out'));
    expect(shapes.gap).toEqual([16]);
    expect(shapes.dense).toEqual([10]);
    expect(shapes.out).toEqual([10]);
  });

  it('Insert Dense(classes) before Output fed a vector of the wrong size', () => {
    const d = doc([
      ['in', 'Input', { shape: [784] }, []],
      ['out', 'Output', { classes: 10 }, ['in']],
    ]);
    expect(allShapes(applyFix(d, 'out')).out).toEqual([10]);
  });

  it('Insert Reshape before a convolution fed [H, W]', () => {
    const d = doc([
      ['in', 'Input', { shape: [28, 28] }, []],
      ['c1', 'Conv2D', {}, ['in']],
    ]);
    expect(allShapes(applyFix(d, 'c1')).c1).toEqual([28, 28, 32]);
  });

  it('Switch to same padding', () => {
    const d = doc([
      ['in', 'Input', { shape: [2, 2, 4] }, []],
      ['p1', 'MaxPool2D', { poolSize: 3 }, ['in']],
    ]);
    expect(allShapes(applyFix(d, 'p1')).p1).toEqual([1, 1, 4]);
  });

  it('Insert a 1x1 projection with batch norm on the shortcut into Add, keeping the port', () => {
    const d = doc([
      ['in', 'Input', { shape: [32, 32, 16] }, []],
      ['c1', 'Conv2D', { filters: 32, strides: 2, useBias: false }, ['in']],
      ['bn1', 'BatchNorm', {}, ['c1']],
      ['add', 'Add', {}, ['bn1', 'in']],
    ]);
    const err = errorAt(d, 'add');
    expect(err.fix?.title).toBe('Insert a 1x1 projection (stride 2, 32 filters) with batch norm on the shortcut (input 1) into Add add');
    const fixed = applyEdits(d, err.fix!.edits);
    const shapes = allShapes(fixed);
    expect(shapes.proj).toEqual([16, 16, 32]);
    expect(shapes.proj_bn).toEqual([16, 16, 32]);
    expect(shapes.add).toEqual([16, 16, 32]);
    expect(fixed.edges.find((e) => e.source === 'proj_bn')).toMatchObject({ target: 'add', targetPort: 1 });
    expect(fixed.nodes.find((n) => n.id === 'proj')?.params).toEqual({ filters: 32, kernelSize: 1, strides: 2, padding: 'same', useBias: false });
  });

  it('projects several inputs of one Add in one step', () => {
    const d = doc([
      ['a', 'Input', { shape: [16, 16, 16] }, []],
      ['b', 'Input', { shape: [8, 8, 32] }, []],
      ['c', 'Input', { shape: [8, 8, 16] }, []],
      ['add', 'Add', {}, ['a', 'b', 'c']],
    ]);
    const shapes = allShapes(applyFix(d, 'add'));
    expect(shapes.add).toEqual([8, 8, 32]);
    expect(shapes.proj).toEqual([8, 8, 32]);
    expect(shapes.proj_2).toEqual([8, 8, 32]);
  });

  it('projects vectors into Add with a Dense', () => {
    const d = doc([
      ['a', 'Input', { shape: [64] }, []],
      ['b', 'Input', { shape: [128] }, []],
      ['add', 'Add', {}, ['a', 'b']],
    ]);
    expect(allShapes(applyFix(d, 'add')).proj).toEqual([64]);
  });

  it('never reuses an id the document already has', () => {
    const d = doc([
      ['in', 'Input', { shape: [4, 4, 2] }, []],
      ['flatten', 'Activation', {}, ['in']],
      ['d1', 'Dense', {}, ['flatten']],
    ]);
    const fixed = applyFix(d, 'd1');
    expect(fixed.nodes.map((n) => n.id)).toEqual(['in', 'flatten', 'd1', 'flatten_2']);
    expect(allShapes(fixed).d1).toEqual([64]);
  });
});

describe('fixContextFor', () => {
  it('orders incoming edges by port and hands out distinct ids', () => {
    const d = doc([
      ['a', 'Input', { shape: [4] }, []],
      ['b', 'Input', { shape: [4] }, []],
      ['add', 'Add', {}, ['a', 'b']],
    ]);
    d.edges.reverse();
    const ctx = fixContextFor(d, 'add');
    expect(ctx.inputEdges).toEqual([
      { edgeId: 'a->add', sourceId: 'a', targetPort: 0 },
      { edgeId: 'b->add', sourceId: 'b', targetPort: 1 },
    ]);
    expect([ctx.freshId('a'), ctx.freshId('a'), ctx.freshId('x'), ctx.freshId('x')]).toEqual(['a_2', 'a_3', 'x', 'x_2']);
    expect(ctx.positionOf('b')).toEqual({ x: 0, y: 100 });
    expect(ctx.positionOf('nope')).toBeUndefined();
  });
});
