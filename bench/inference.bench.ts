// How fast the graph model answers the editor. Run: npx tsx bench/inference.bench.ts
// Prints JSON: medians in milliseconds over many runs, after a warm-up. Figures, not a
// pass/fail test; the target for an edit on a 1,000-node graph is well under 10 ms.
import { performance } from 'node:perf_hooks';
import { applyEdits, createInference, inferGraph, parseDocument, serializeDocument, type GraphDocument } from '../shared/graph';
import { flatResNet } from '../shared/graph/fixtures/build';
import { buildTemplate } from '../shared/templates';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.floor(s.length / 2)].toFixed(3));
}

/** Median time of fn(i) over `runs` runs, after `runs / 5` warm-up runs. */
function time(runs: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.max(3, runs / 5); i++) fn(i);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

/** The smallest CIFAR-style flat ResNet with at least `nodes` nodes. */
function resnetWithAtLeast(nodes: number): GraphDocument {
  for (let n = 1; ; n++) {
    const doc = flatResNet(n);
    if (doc.nodes.length >= nodes) return doc;
  }
}

/** Alternates between the document and one edit of it, so every call sees one changed node. */
function reinfer(doc: GraphDocument, edited: GraphDocument, runs: number): number {
  const session = createInference();
  session.infer(doc);
  return time(runs, (i) => session.infer(i % 2 === 0 ? edited : doc));
}

const big = resnetWithAtLeast(1000);
const convs = big.nodes.filter((n) => n.type === 'Conv2D' && n.params.kernelSize === 3);
const middleConv = convs[Math.floor(convs.length / 2)];
const middleBn = big.nodes.filter((n) => n.type === 'BatchNorm')[Math.floor(convs.length / 2)];
const check = inferGraph(big);
if (!check.valid) throw new Error(`benchmark graph is invalid: ${check.errors[0].message}`);

const validate = (doc: GraphDocument, runs: number) => {
  const text = serializeDocument(doc);
  return {
    nodes: doc.nodes.length,
    blocks: Object.keys(doc.blocks).length,
    jsonKiB: Math.round(text.length / 1024),
    ms: time(runs, () => {
      const r = parseDocument(text);
      if (!r.ok) throw new Error(r.errors[0]);
      return inferGraph(r.doc);
    }),
  };
};

const resnet500 = resnetWithAtLeast(500);
const figures = {
  graph: { nodes: big.nodes.length, edges: big.edges.length, name: big.name },
  fullInferenceMs: time(40, () => inferGraph(big)),
  reinferAfterParamEditMs: {
    // A param that leaves the shape alone (the usual tweak): only that node is redone.
    shapeKept: reinfer(big, applyEdits(big, [{ op: 'setParams', nodeId: middleBn.id, params: { momentum: 0.9 } }]), 400),
    // Filters of a conv halfway: its block's Add now mismatches; nothing after it is redone as valid.
    shapeChanged: reinfer(big, applyEdits(big, [{ op: 'setParams', nodeId: middleConv.id, params: { filters: 7 } }]), 400),
    // Dragging a node: a new node object with the same params.
    nodeMoved: reinfer(big, applyEdits(big, [{ op: 'moveNode', nodeId: middleConv.id, position: { x: 1, y: 2 } }]), 400),
  },
  validateMs: {
    flatResNet500: validate(resnet500, 40),
    flatResNet1000: validate(big, 40),
    resnet152Flat: validate(buildTemplate('resnet152', { flat: true }), 40),
    resnet152Blocks: validate(buildTemplate('resnet152'), 40),
  },
};
console.log(JSON.stringify(figures, null, 2));
