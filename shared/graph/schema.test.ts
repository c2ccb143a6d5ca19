import { describe, expect, it } from 'vitest';
import { blockChain, flatResNet, GraphBuilder } from './fixtures/build';
import { parseDocument } from './schema';
import { serializeDocument } from './serialize';
import type { BlockDefinition, GraphDocument } from './types';

function small(): GraphDocument {
  const g = new GraphBuilder('small');
  const input = g.node('Input', { shape: [28, 28, 1] });
  const flat = g.add('Flatten', {}, input);
  const dense = g.add('Dense', { units: 10 }, flat);
  g.add('Output', { classes: 10 }, dense);
  return g.doc();
}

function errorsOf(json: unknown): string[] {
  const r = parseDocument(json);
  if (r.ok) throw new Error('expected the document to be rejected');
  return r.errors;
}

const residualBlock: BlockDefinition = {
  id: 'basic',
  name: 'Residual basic',
  params: { filters: { kind: 'int', default: 16, min: 1 } },
  nodes: [
    { id: 'in', type: 'BlockInput', params: { index: 0 }, position: { x: 0, y: 0 } },
    { id: 'conv', type: 'Conv2D', params: { filters: { $param: 'filters' } }, position: { x: 100, y: 0 } },
    { id: 'add', type: 'Add', params: {}, position: { x: 200, y: 0 } },
    { id: 'out', type: 'BlockOutput', params: {}, position: { x: 300, y: 0 } },
  ],
  edges: [
    { id: 'a', source: 'in', target: 'conv', targetPort: 0 },
    { id: 'b', source: 'conv', target: 'add', targetPort: 0 },
    { id: 'c', source: 'in', target: 'add', targetPort: 1 },
    { id: 'd', source: 'add', target: 'out', targetPort: 0 },
  ],
};

describe('parseDocument', () => {
  it('accepts a valid document and returns it unchanged', () => {
    const doc = small();
    const r = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(r).toEqual({ ok: true, doc });
  });

  it('reads JSON text and explains text that is not JSON', () => {
    expect(parseDocument(JSON.stringify(small())).ok).toBe(true);
    expect(errorsOf('{"format": ')[0]).toMatch(/^The file is not valid JSON: /);
  });

  it('names a bad field by its path', () => {
    const doc: any = JSON.parse(JSON.stringify(small()));
    doc.nodes[3].position.x = 'left';
    delete doc.nodes[1].position.y;
    doc.edges[2].targetPort = -1;
    expect(errorsOf(doc)).toEqual([
      'nodes[1].position.y is missing; it must be a number.',
      'nodes[3].position.x must be a number, not "left".',
      'edges[2].targetPort must be at least 0, not -1.',
    ]);
  });

  it('explains a param value of the wrong kind', () => {
    const doc: any = small();
    doc.nodes[2].params.units = { value: 3 };
    expect(errorsOf(doc)).toEqual([
      'nodes[2].params.units must be a number, a string, true or false, a list of numbers, null or a {"$param": ...} reference, not {"value":3}.',
    ]);
  });

  it('reports edges that point at missing nodes', () => {
    const doc = small();
    doc.edges[2] = { ...doc.edges[2], target: 'n9' };
    expect(errorsOf(doc)).toEqual(['edges[2].target refers to node "n9", which does not exist.']);
  });

  it('reports duplicate node and edge ids', () => {
    const doc = small();
    doc.nodes[2] = { ...doc.nodes[2], id: 'input1' };
    doc.edges[1] = { ...doc.edges[1], id: 'e1' };
    const errors = errorsOf(doc);
    expect(errors).toContain('nodes[2].id "input1" is already used by nodes[0]; every node needs its own id.');
    expect(errors).toContain('edges[1].id "e1" is already used by edges[0]; every edge needs its own id.');
  });

  it('reports an unknown layer type on its node', () => {
    const doc = small();
    doc.nodes[1] = { ...doc.nodes[1], id: 'n4', type: 'Conv3D' };
    doc.edges = [];
    expect(errorsOf(doc)).toEqual(['unknown layer type "Conv3D" on node n4 (nodes[1].type).']);
  });

  it('reports a block instance whose definition is missing', () => {
    const g = new GraphBuilder();
    g.node('Block', { block: 'bottleneck' }, 'b1');
    expect(errorsOf(g.doc())).toEqual(['nodes[0] (block instance b1) refers to block definition "bottleneck", which does not exist in blocks.']);
  });

  it('keeps {$param} references and when conditions inside block definitions only', () => {
    const g = new GraphBuilder();
    g.node('Conv2D', { filters: { $param: 'filters' } }, 'c1');
    const doc = g.doc();
    doc.nodes[0].when = { param: 'shortcut', equals: 'projection' };
    expect(errorsOf(doc)).toEqual([
      'nodes[0].params.filters is a {"$param": "filters"} reference, which only works inside a block definition.',
      'nodes[0].when only applies inside a block definition; remove it.',
    ]);
  });

  it('checks block definitions: ports, param references, ids', () => {
    const bad: BlockDefinition = {
      ...residualBlock,
      id: 'other',
      nodes: [
        ...residualBlock.nodes.filter((n) => n.id !== 'out').map((n) => (n.id === 'conv' ? { ...n, params: { filters: { $param: 'width' } } } : n)),
        { id: 'in2', type: 'BlockInput', params: { index: 2 }, position: { x: 0, y: 50 } },
      ],
      edges: residualBlock.edges.filter((e) => e.target !== 'out'),
    };
    const g = new GraphBuilder().block(residualBlock);
    const doc = g.doc();
    doc.blocks.basic = bad;
    expect(errorsOf(doc)).toEqual([
      'blocks.basic.id is "other" but must match its key "basic".',
      'blocks.basic.nodes[1].params.filters refers to block param "width", which blocks.basic does not declare in its params.',
      'blocks.basic has no BlockOutput node; a block needs exactly one.',
      'blocks.basic numbers its BlockInput ports 0, 2; they must be 0, 1, 2, ... without gaps or repeats.',
    ]);
  });

  it('accepts nested block definitions that pass their params down', () => {
    const doc = blockChain([['s1', 'stage', { filters: 32 }], ['b1', 'basic', {}]]);
    expect(parseDocument(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, doc });
  });

  it('refuses a block that contains itself', () => {
    const loop: BlockDefinition = {
      ...residualBlock,
      id: 'loop',
      nodes: residualBlock.nodes.map((n) => (n.id === 'conv' ? { ...n, type: 'Block', params: { block: 'loop' } } : n)),
    };
    expect(errorsOf(new GraphBuilder().block(loop).doc())).toEqual([
      'blocks.loop contains itself (loop → loop); a block cannot contain an instance of itself.',
    ]);
  });

  it('refuses documents that are not graphs', () => {
    expect(errorsOf([1, 2])).toEqual(['This is not a ResWire graph: the file must hold a JSON object.']);
    expect(errorsOf({ format: 'reswire.run', version: 2 })).toEqual([
      'This is not a ResWire graph: it has format "reswire.run", expected "format": "reswire.graph".',
    ]);
  });
});

describe('serializeDocument', () => {
  it('round-trips through parseDocument, blocks included', () => {
    const doc = { ...flatResNet(1), blocks: { basic: residualBlock }, meta: { template: 'resnet8', seed: 3 } };
    const text = serializeDocument(doc);
    const back = parseDocument(text);
    expect(back).toEqual({ ok: true, doc: JSON.parse(JSON.stringify(doc)) });
    expect(serializeDocument((back as { doc: GraphDocument }).doc)).toBe(text);
  });

  it('is stable whatever the key order and puts one node per line', () => {
    const doc = small();
    const shuffled = {
      edges: doc.edges.map((e) => ({ targetPort: e.targetPort, target: e.target, source: e.source, id: e.id })),
      nodes: doc.nodes.map((n) => ({ position: n.position, params: n.params, type: n.type, id: n.id })),
      blocks: {},
      name: doc.name,
      version: doc.version,
      format: doc.format,
    } as GraphDocument;
    const text = serializeDocument(doc);
    expect(serializeDocument(shuffled)).toBe(text);
    expect(text).toContain('\n    { "id": "input1", "type": "Input", "params": { "shape": [28, 28, 1] }, "position": { "x": 0, "y": 0 } },\n');
    expect(text.startsWith('{\n  "format": "reswire.graph",\n  "version": 2,\n')).toBe(true);
  });
});
