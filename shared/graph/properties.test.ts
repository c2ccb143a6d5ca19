// Property-based tests: random valid networks (chains and DAGs with residual adds, gates,
// concatenations and long skips) infer without errors; random corruptions of them give
// errors, never exceptions; incremental inference always agrees with a full one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, freshId } from './edits';
import { GraphBuilder } from './fixtures/build';
import { createInference } from './incremental';
import { inferGraph } from './infer';
import type { GraphDocument, Shape } from './types';

type Op =
  | { kind: 'conv'; filters: number; kernel: 1 | 3; strides: 1 | 2 }
  | { kind: 'bn' | 'relu' | 'dropout' | 'pool' | 'gate' }
  | { kind: 'residual'; filters: number; strides: 1 | 2 }
  | { kind: 'concat'; filters: number }
  | { kind: 'skip'; back: number };

const filters = fc.integer({ min: 1, max: 24 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('conv' as const), filters, kernel: fc.constantFrom(1 as const, 3 as const), strides: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({ kind: fc.constantFrom('bn' as const, 'relu' as const, 'dropout' as const, 'pool' as const, 'gate' as const) }),
  fc.record({ kind: fc.constant('residual' as const), filters, strides: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({ kind: fc.constant('concat' as const), filters }),
  fc.record({ kind: fc.constant('skip' as const), back: fc.nat(20) }),
);

const programArb = fc.record({
  size: fc.constantFrom(4, 8, 16, 32),
  channels: fc.integer({ min: 1, max: 8 }),
  ops: fc.array(opArb, { maxLength: 25 }),
  classes: fc.integer({ min: 2, max: 12 }),
  flatten: fc.boolean(),
});
type Program = typeof programArb extends fc.Arbitrary<infer P> ? P : never;

const same = (a: Shape, b: Shape) => a.join() === b.join();

/** Builds the network a program describes, tracking shapes so every merge is well-formed. */
function build(p: Program): GraphDocument {
  const g = new GraphBuilder('random');
  let x = g.node('Input', { shape: [p.size, p.size, p.channels] });
  let shape: Shape = [p.size, p.size, p.channels];
  const history: { id: string; shape: Shape }[] = [{ id: x, shape }];
  const conv = (from: string, f: number, k: number, s: number) => g.add('Conv2D', { filters: f, kernelSize: k, strides: s, padding: 'same' }, from);
  for (const op of p.ops) {
    switch (op.kind) {
      case 'conv':
        x = conv(x, op.filters, op.kernel, op.strides);
        shape = [Math.ceil(shape[0] / op.strides), Math.ceil(shape[1] / op.strides), op.filters];
        break;
      case 'bn':
        x = g.add('BatchNorm', {}, x);
        break;
      case 'relu':
        x = g.add('Activation', { activation: 'relu' }, x);
        break;
      case 'dropout':
        x = g.add('Dropout', { rate: 0.25 }, x);
        break;
      case 'pool':
        if (shape[0] < 2) continue;
        x = g.add('MaxPool2D', { poolSize: 2 }, x);
        shape = [Math.floor(shape[0] / 2), Math.floor(shape[1] / 2), shape[2]];
        break;
      case 'gate':
        x = g.add('Multiply', {}, x, conv(x, shape[2], 1, 1));
        break;
      case 'residual': {
        const branch = g.add('BatchNorm', {}, conv(x, op.filters, 3, op.strides));
        const out: Shape = [Math.ceil(shape[0] / op.strides), Math.ceil(shape[1] / op.strides), op.filters];
        const shortcut = same(out, shape) ? x : g.add('BatchNorm', {}, conv(x, op.filters, 1, op.strides));
        x = g.add('Add', {}, branch, shortcut);
        shape = out;
        break;
      }
      case 'concat':
        x = g.add('Concatenate', {}, x, conv(x, op.filters, 3, 1));
        shape = [shape[0], shape[1], shape[2] + op.filters];
        break;
      case 'skip': {
        const earlier = history.filter((h) => h.id !== x && same(h.shape, shape));
        if (earlier.length === 0) continue;
        x = g.add('Add', {}, x, earlier[op.back % earlier.length].id);
        break;
      }
    }
    history.push({ id: x, shape });
  }
  const pooled = p.flatten ? g.add('Flatten', {}, x) : g.add('GlobalAvgPool2D', {}, x);
  g.add('Output', { classes: p.classes }, g.add('Dense', { units: p.classes }, pooled));
  return g.doc();
}

type Corruption =
  | { kind: 'deleteEdge'; at: number }
  | { kind: 'garbageParam'; at: number; value: unknown }
  | { kind: 'cycle'; at: number }
  | { kind: 'danglingEdge'; at: number };

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('deleteEdge' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('garbageParam' as const), at: fc.nat(), value: fc.constantFrom('garbage!', -3.5, [0, 'x'], { nested: true }, Number.NaN) }),
  fc.record({ kind: fc.constant('cycle' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('danglingEdge' as const), at: fc.nat() }),
);

function corrupt(doc: GraphDocument, c: Corruption): GraphDocument {
  if (doc.edges.length === 0) return doc;
  const edge = doc.edges[c.at % doc.edges.length];
  switch (c.kind) {
    case 'deleteEdge':
      return applyEdits(doc, [{ op: 'removeEdge', edgeId: edge.id }]);
    case 'garbageParam': {
      const node = doc.nodes[c.at % doc.nodes.length];
      // Every layer here has at least one param, or none at all: then add an unknown one.
      const key = Object.keys(node.params)[0] ?? 'bogus';
      return applyEdits(doc, [{ op: 'setParams', nodeId: node.id, params: { [key]: c.value as never } }]);
    }
    case 'cycle':
      return applyEdits(doc, [{ op: 'addEdge', edge: { id: freshId(doc, 'back'), source: edge.target, target: edge.source, targetPort: 5 } }]);
    case 'danglingEdge':
      return { ...doc, edges: doc.edges.map((e) => (e === edge ? { ...e, target: 'missing-node' } : e)) };
  }
}

describe('inference on random graphs', () => {
  it('finds random valid networks valid, with the Output shaped by the class count', () => {
    fc.assert(
      fc.property(programArb, (p) => {
        const a = inferGraph(build(p));
        expect(a.errors).toEqual([]);
        expect(a.nodes.get('output1')!.outputShape).toEqual([p.classes]);
        expect(a.order).toHaveLength(a.nodes.size);
      }),
      { numRuns: 150 },
    );
  });

  it('reports corrupted networks with sentences and applicable fixes, never an exception', () => {
    fc.assert(
      fc.property(programArb, corruptionArb, (p, c) => {
        const doc = corrupt(build(p), c);
        const a = inferGraph(doc);
        expect(a.valid).toBe(false);
        expect(a.errors.length).toBeGreaterThan(0);
        const ids = new Set(doc.nodes.map((n) => n.id));
        for (const e of a.errors) {
          expect(e.message).toMatch(/^\S.*[.!]$/s);
          if (e.nodeId !== null) expect(ids.has(e.nodeId)).toBe(true);
          if (e.fix) expect(() => inferGraph(applyEdits(doc, e.fix!.edits))).not.toThrow();
        }
      }),
      { numRuns: 250 },
    );
  });

  it('agrees with full inference through a session of edits', () => {
    fc.assert(
      fc.property(programArb, fc.array(corruptionArb, { minLength: 1, maxLength: 4 }), (p, cs) => {
        const session = createInference();
        let doc = build(p);
        expect(session.infer(doc)).toEqual(inferGraph(doc));
        for (const c of cs) {
          doc = corrupt(doc, c);
          expect(session.infer(doc)).toEqual(inferGraph(doc));
        }
        const fresh = build(p);
        expect(session.infer(fresh)).toEqual(inferGraph(fresh));
      }),
      { numRuns: 60 },
    );
  });
});
