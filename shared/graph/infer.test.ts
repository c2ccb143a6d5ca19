import { describe, expect, it } from 'vitest';
import { applyEdits } from './edits';
import { GraphBuilder } from './fixtures/build';
import { inferGraph } from './infer';
import type { GraphDocument } from './types';

/** Input -> layers... -> GlobalAvgPool2D (for feature maps) -> Dense(10) -> Output. */
function head(g: GraphBuilder, from: string, featureMap = true): string {
  const x = featureMap ? g.add('GlobalAvgPool2D', {}, from) : from;
  const fc = g.add('Dense', { units: 10 }, x);
  return g.add('Output', { classes: 10 }, fc);
}

function messages(doc: GraphDocument): string[] {
  return inferGraph(doc).errors.map((e) => e.message);
}

/** Applies the fix of the only error and returns the repaired document. */
function applyOnlyFix(doc: GraphDocument): GraphDocument {
  const { errors } = inferGraph(doc);
  expect(errors).toHaveLength(1);
  expect(errors[0].fix).toBeDefined();
  return applyEdits(doc, errors[0].fix!.edits);
}

describe('inferGraph on valid graphs', () => {
  it('infers shapes, weights and MACs node by node, in topological order', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [28, 28, 1] });
    const conv = g.add('Conv2D', { filters: 8, kernelSize: 3, padding: 'same' }, input);
    const bn = g.add('BatchNorm', {}, conv);
    const out = head(g, bn);
    const a = inferGraph(g.doc());
    expect(a.errors).toEqual([]);
    expect(a.valid).toBe(true);
    expect(a.order).toEqual(['input1', 'conv2d1', 'batchnorm1', 'globalavgpool2d1', 'dense1', 'output1']);
    expect(a.nodes.get(conv)).toMatchObject({ inputShapes: [[28, 28, 1]], outputShape: [28, 28, 8], trainableParams: 80, macs: 28 * 28 * 8 * 9 });
    expect(a.nodes.get(bn)).toMatchObject({ trainableParams: 16, nonTrainableParams: 16 });
    expect(a.nodes.get(out)!.outputShape).toEqual([10]);
    expect(a.totals).toEqual({
      params: 80 + 32 + 90,
      trainableParams: 80 + 16 + 90,
      nonTrainableParams: 16,
      macs: 28 * 28 * 8 * 9 + 80,
      activationElements: 784 + 2 * 28 * 28 * 8 + 8 + 10 + 10,
    });
  });
});

describe('graph-level errors', () => {
  it('reports a graph with no Input and no Output', () => {
    const g = new GraphBuilder();
    g.node('Dense', { units: 4 });
    const a = inferGraph(g.doc());
    expect(a.errors.slice(0, 2)).toMatchObject([
      { nodeId: null, message: 'The graph has no Input layer; add an Input and set the shape of one sample.' },
      { nodeId: null, message: 'The graph has no Output layer; add one after the last layer to set the classes and loss.' },
    ]);
    expect(a.valid).toBe(false);
  });

  it('names the nodes of a cycle and offers to break it', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [8] });
    const add = g.add('Add', {}, input, input);
    const relu = g.add('Activation', { activation: 'relu' }, add);
    g.edge(relu, add, 2);
    head(g, add, false);
    const a = inferGraph(g.doc());
    expect(a.errors).toMatchObject([
      {
        nodeId: 'add1',
        message: 'Layers add1 → activation1 → add1 form a cycle; data must flow one way, so remove one of these connections.',
        fix: { title: 'Remove the connection activation1 → add1', edits: [{ op: 'removeEdge', edgeId: 'e4' }] },
      },
    ]);
    // Nothing downstream of the cycle gets a shape, or an error of its own.
    expect(a.nodes.get('output1')).toMatchObject({ outputShape: null, errors: [] });
    const fixed = inferGraph(applyEdits(g.doc(), a.errors[0].fix!.edits));
    expect(fixed.errors.map((e) => e.message)).toEqual(['Activation activation1 is not connected to the Output; connect it or delete it.']);
  });

  it('reports a node that does not lead to the Output, offering to delete it when it is unconnected', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [8] });
    g.add('Dropout', { rate: 0.1 }, input);
    head(g, input, false);
    g.node('Conv2D', { filters: 4 }, 'n5');
    const a = inferGraph(g.doc());
    expect(a.errors.map((e) => e.message)).toEqual([
      'Conv2D n5 has no input; connect a layer to it.',
      'Conv2D n5 is not connected to the Output; connect it or delete it.',
      'Dropout dropout1 is not connected to the Output; connect it or delete it.',
    ]);
    expect(a.errors[1].fix).toMatchObject({ title: 'Delete the unconnected Conv2D n5', edits: [{ op: 'removeNode', nodeId: 'n5' }] });
  });
});

describe('input count and ports', () => {
  it('reports missing and extra inputs', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [8] });
    const other = g.node('Input', { shape: [8] });
    const add = g.add('Add', {}, input);
    const dense = g.add('Dense', { units: 8 }, add, other);
    g.edge(input, other);
    head(g, dense, false);
    expect(messages(g.doc())).toEqual([
      'Add add1 needs at least 2 inputs but has 1; connect another layer to it.',
      'Input input2 takes no inputs, but input1 feeds it; remove that connection.',
      'Dense dense1 takes 1 input but has 2 (from add1 and input2); remove the extra connection.',
    ]);
  });

  it('reports two inputs on one port and renumbers them', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [8] });
    const a = g.add('Dense', { units: 8 }, input);
    const add = g.node('Add', {}, 'n7');
    g.edge(input, add, 1);
    g.edge(a, add, 1);
    head(g, add, false);
    expect(messages(g.doc())).toEqual(['Add n7 has 2 inputs on port 1 (from input1 and dense1); give each input its own port.']);
    expect(inferGraph(applyOnlyFix(g.doc())).valid).toBe(true);
  });

  it('reports a gap in the ports and renumbers them', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [8] });
    const cat = g.node('Concatenate', {}, 'cat');
    g.edge(input, cat, 0);
    g.edge(input, cat, 2);
    head(g, cat, false);
    expect(messages(g.doc())).toEqual(['Concatenate cat has inputs on ports 0 and 2 but nothing on port 1; number its inputs 0, 1, 2, ... without gaps.']);
    const fixed = inferGraph(applyOnlyFix(g.doc()));
    expect(fixed.valid).toBe(true);
    expect(fixed.nodes.get('cat')!.outputShape).toEqual([16]);
  });
});

describe('shape errors and their fixes', () => {
  it('projects an identity shortcut that no longer matches a strided branch', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [32, 32, 16] });
    const conv = g.add('Conv2D', { filters: 64, strides: 2 }, input);
    const bn = g.add('BatchNorm', {}, conv);
    const add = g.node('Add', {}, 'n7');
    g.edge(bn, add, 0);
    g.edge(input, add, 1);
    head(g, add);
    const [error] = inferGraph(g.doc()).errors;
    expect(error.nodeId).toBe('n7');
    expect(error.message).toContain('[16, 16, 64] (input 0), [32, 32, 16] (input 1)');
    expect(error.fix!.title).toBe('Insert a 1x1 projection (stride 2, 64 filters) with batch norm on the shortcut (input 1) into Add n7');
    const fixed = inferGraph(applyOnlyFix(g.doc()));
    expect(fixed.errors).toEqual([]);
    const proj = [...fixed.nodes.values()].find((n) => n.type === 'Conv2D' && n.inputShapes[0]?.[0] === 32 && n.outputShape?.[2] === 64 && n.macs === 16 * 16 * 64 * 16);
    expect(proj).toBeDefined();
  });

  it('projects the odd input of a Multiply the same way', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [16, 16, 8] });
    const gate = g.add('Conv2D', { filters: 16, activation: 'sigmoid' }, input);
    const mul = g.add('Multiply', {}, gate, input);
    head(g, mul);
    const fixed = applyOnlyFix(g.doc());
    expect(inferGraph(fixed).errors).toEqual([]);
    expect(fixed.nodes.find((n) => n.type === 'Conv2D' && n.params.kernelSize === 1)!.params).toMatchObject({ filters: 16, strides: 1, useBias: false });
  });

  it('reports a Concatenate whose inputs differ off its axis', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [16, 16, 8] });
    const pool = g.add('MaxPool2D', {}, input);
    const cat = g.add('Concatenate', {}, input, pool);
    head(g, cat);
    const [error] = inferGraph(g.doc()).errors;
    expect(error).toMatchObject({ nodeId: cat });
    expect(error.message).toMatch(/^Concatenate concatenate1 joins along axis 2, so all other dimensions must match, but dimension 0 differs/);
  });

  it('inserts a Flatten before a Dense fed a feature map', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [7, 7, 4] });
    const dense = g.add('Dense', { units: 10 }, input);
    g.add('Output', { classes: 10 }, dense);
    const [error] = inferGraph(g.doc()).errors;
    expect(error.message).toMatch(/^Dense dense1 needs a vector input, but its input is a feature map \[7, 7, 4\]/);
    expect(error.fix!.title).toBe('Insert Flatten before Dense dense1');
    const fixed = inferGraph(applyOnlyFix(g.doc()));
    expect(fixed.valid).toBe(true);
    expect(fixed.nodes.get('dense1')!.trainableParams).toBe(196 * 10 + 10);
  });

  it('reports a kernel larger than its input with valid padding', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [4, 4, 1] });
    const conv = g.add('Conv2D', { filters: 4, kernelSize: 5, padding: 'valid' }, input);
    head(g, conv);
    const [error] = inferGraph(g.doc()).errors;
    expect(error.message).toContain('kernel 5x5 is larger than its 4x4 input with valid padding');
    expect(inferGraph(applyOnlyFix(g.doc())).valid).toBe(true);
  });

  it('stops a shape that shrinks to nothing at the layer that shrinks it', () => {
    const g = new GraphBuilder();
    let x = g.node('Input', { shape: [4, 4, 3] });
    for (let i = 0; i < 3; i++) x = g.add('MaxPool2D', {}, x);
    head(g, x);
    const a = inferGraph(g.doc());
    expect(a.nodes.get('maxpool2d2')!.outputShape).toEqual([1, 1, 3]);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ nodeId: 'maxpool2d3' });
    expect(a.errors[0].message).toContain('pool 2x2 is larger than its 1x1 input');
  });

  it('reports non-positive sizes and invalid params by field', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [0, 28, 1] });
    const conv = g.add('Conv2D', { filters: 0, strides: 'two' }, input);
    head(g, conv);
    const errors = inferGraph(g.doc()).errors;
    expect(errors.map((e) => [e.nodeId, e.field])).toEqual([
      ['input1', 'shape'],
      ['conv2d1', 'filters'],
      ['conv2d1', 'strides'],
    ]);
    expect(errors[0].message).toMatch(/^Input input1 param "shape" must be .*positive integers.*got \[0, 28, 1\]\.$/);
    expect(errors[1].message).toMatch(/^Conv2D conv2d1 param "filters" must be a positive integer, got 0\.$/);
  });

  it('does not cascade: layers after an error have no shape and no error', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [16] });
    const bad = g.add('Conv2D', { filters: 4 }, input);
    const bn = g.add('BatchNorm', {}, bad);
    const add = g.add('Add', {}, bn, input);
    head(g, add, false);
    const a = inferGraph(g.doc());
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0].nodeId).toBe(bad);
    expect(a.nodes.get(add)).toMatchObject({ inputShapes: [null, [16]], outputShape: null, errors: [] });
  });
});

describe('documents that break the rules of the format', () => {
  it('reports unknown types, stray block ports, missing definitions and dangling edges without throwing', () => {
    const g = new GraphBuilder();
    const input = g.node('Input', { shape: [8] });
    const x = g.add('Conv3D', {}, input);
    g.add('BlockInput', { index: 0 });
    g.add('Block', { block: 'gone' }, input);
    g.edge(x, 'n9');
    const { errors } = inferGraph(g.doc());
    const text = errors.map((e) => e.message);
    expect(text).toContain('Node conv3d1 has unknown layer type "Conv3D"; replace it with a layer from the palette.');
    expect(text).toContain('BlockInput blockinput1 only belongs inside a block definition; delete it.');
    expect(text).toContain('Block block1 refers to block definition "gone", which does not exist in this document; pick a block from the palette or delete this one.');
    expect(errors.find((e) => e.message.startsWith('Edge e3'))).toMatchObject({
      nodeId: 'conv3d1',
      message: 'Edge e3 points to node "n9", which does not exist; delete the edge or reconnect it.',
      fix: { title: 'Delete edge e3', edits: [{ op: 'removeEdge', edgeId: 'e3' }] },
    });
  });

  it('explains a document without node and edge lists instead of throwing', () => {
    const a = inferGraph({ format: 'reswire.graph', version: 2, name: 'x' } as unknown as GraphDocument);
    expect(a.valid).toBe(false);
    expect(a.errors[0].message).toBe('This document has no nodes and edges lists; read it with parseDocument to see what is wrong.');
  });
});
