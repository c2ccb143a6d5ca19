// Whole-graph shape inference: walks the graph in topological order, evaluates each node
// from its inputs' shapes, and reports every problem once, where it starts: a node whose
// input is unknown gets no shape and no error of its own, so mistakes do not cascade.
import { list, msg } from '../i18n/messages';
import { graphError, type GraphAnalysis, type GraphError, type NodeInfo } from './analysis';
import { blockInstanceArity } from './block-defs';
import { emptyResult, evaluateLayerNode, layerSpecOf, type FixSupport, type LocalResult } from './evaluate';
import { breakCycleFix, deleteNodeFix } from './fixes';
import { nodeName, shapesEqual } from './format';
import { analyzeInstance, definitionOf, missingDefinition } from './instance';
import { inputProblems, type Arity } from './ports';
import { findCycles, incomingOf, indexGraph, nodesLeadingTo, outgoingOf, topologicalOrder } from './topology';
import {
  BLOCK_INPUT_TYPE,
  BLOCK_NODE_TYPE,
  BLOCK_OUTPUT_TYPE,
  type BlockDefinition,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type Shape,
} from './types';

/** An error-free node result, reusable while the node object and its input shapes stay the same. */
interface CachedNode {
  node: GraphNode;
  info: NodeInfo;
}

/** Results kept between inferences of successive versions of one document. */
export interface InferenceCache {
  /** The block definitions the cached results were computed with (documents are immutable). */
  blocks: Record<string, BlockDefinition> | null;
  nodes: Map<string, CachedNode>;
  instances: WeakMap<BlockDefinition, Map<string, GraphAnalysis>>;
}

export function createCache(): InferenceCache {
  return { blocks: null, nodes: new Map(), instances: new WeakMap() };
}

interface Scope {
  blocks: Record<string, BlockDefinition>;
  cache: InferenceCache;
  /** Definition ids being expanded, outermost first. */
  stack: string[];
  /** Inside a block body: the shapes fed to the instance. Undefined at the top level. */
  blockInputs?: Shape[];
  /** Top level only: the node cache for the next inference, filled as nodes are evaluated. */
  nextNodes: Map<string, CachedNode> | null;
}

function arityOf(node: GraphNode, scope: Scope): Arity | null {
  if (node.type === BLOCK_NODE_TYPE) {
    const def = definitionOf(node, scope.blocks);
    return def ? blockInstanceArity(def) : null;
  }
  return layerSpecOf(node)?.arity ?? null;
}

/** Errors about the node itself that no input could change: unknown type, misplaced port, bad params object. */
function placementProblem(node: GraphNode, scope: Scope): GraphError | null {
  if (node.params === null || typeof node.params !== 'object' || Array.isArray(node.params)) {
    return graphError(node.id, msg('node.badParams', { node: nodeName(node), params: String(JSON.stringify(node.params)) }));
  }
  if (node.type === BLOCK_NODE_TYPE) return definitionOf(node, scope.blocks) ? null : missingDefinition(node);
  if (!layerSpecOf(node)) {
    return graphError(node.id, msg('node.unknownType', { id: node.id, type: String(JSON.stringify(node.type)) }));
  }
  if (scope.blockInputs === undefined && (node.type === BLOCK_INPUT_TYPE || node.type === BLOCK_OUTPUT_TYPE)) {
    return graphError(node.id, msg('node.portOutsideBlock', { node: nodeName(node) }), { fix: deleteNodeFix(node, 'misplaced') });
  }
  return null;
}

function evaluate(node: GraphNode, inputs: Shape[] | null, incoming: readonly GraphEdge[], scope: Scope, support: FixSupport): LocalResult {
  if (node.type !== BLOCK_NODE_TYPE) return evaluateLayerNode(node, layerSpecOf(node)!, inputs, incoming, support);
  const def = definitionOf(node, scope.blocks)!;
  return analyzeInstance(node, def, inputs, { blocks: scope.blocks, stack: scope.stack, instances: scope.cache.instances }, (nodes, edges, inner) =>
    analyzeGraph(nodes, edges, { ...scope, stack: inner.stack, blockInputs: inner.blockInputs, nextNodes: null }),
  );
}

function totalsOf(infos: Iterable<NodeInfo>): GraphAnalysis['totals'] {
  const t = { params: 0, trainableParams: 0, nonTrainableParams: 0, macs: 0, activationElements: 0 };
  for (const i of infos) {
    t.trainableParams += i.trainableParams;
    t.nonTrainableParams += i.nonTrainableParams;
    t.macs += i.macs;
    t.activationElements += i.activationElements;
  }
  t.params = t.trainableParams + t.nonTrainableParams;
  return t;
}

/** Graph-level and connectivity errors: missing Input/Output, nodes that lead nowhere. */
function connectivity(scope: Scope, index: ReturnType<typeof indexGraph>, blocked: Set<string>): { graph: GraphError[]; byNode: Map<string, GraphError[]> } {
  const graph: GraphError[] = [];
  const byNode = new Map<string, GraphError[]>();
  const top = scope.blockInputs === undefined;
  const outputs: string[] = [];
  let hasInput = false;
  for (const n of index.byId.values()) {
    if (n.type === (top ? 'Output' : BLOCK_OUTPUT_TYPE)) outputs.push(n.id);
    if (n.type === 'Input') hasInput = true;
  }
  if (top && !hasInput) graph.push(graphError(null, msg('graph.noInput', {})));
  if (top && outputs.length === 0) graph.push(graphError(null, msg('graph.noOutput', {})));
  if (outputs.length === 0) return { graph, byNode };
  const leading = nodesLeadingTo(index, outputs);
  for (const n of index.byId.values()) {
    if (leading.has(n.id) || blocked.has(n.id) || (!top && n.type === BLOCK_INPUT_TYPE)) continue;
    const isolated = incomingOf(index, n.id).length === 0 && outgoingOf(index, n.id).length === 0;
    const text = msg(top ? 'node.notConnected' : 'node.notLeadingToBlockOutput', { node: nodeName(n) });
    byNode.set(n.id, [graphError(n.id, text, { fix: isolated ? deleteNodeFix(n, 'unconnected') : undefined })]);
  }
  return { graph, byNode };
}

/** Infers one graph: a document's top level, or a block body fed `scope.blockInputs`. */
function analyzeGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], scope: Scope): GraphAnalysis {
  const index = indexGraph(nodes, edges);
  const { order, blocked } = topologicalOrder(index);
  const blockedSet = new Set(blocked);
  const { graph, byNode } = connectivity(scope, index, blockedSet);
  for (const cycle of findCycles(index, blocked)) {
    const minInputs = (n: GraphNode) => arityOf(n, scope)?.min ?? 0;
    const text = msg('graph.cycle', { cycle: list(cycle, 'arrow') });
    const fix = breakCycleFix(index, cycle, minInputs);
    const errors = byNode.get(cycle[0]) ?? [];
    errors.unshift(graphError(cycle[0], text, { fix }));
    byNode.set(cycle[0], errors);
  }

  let ids: Set<string> | null = null;
  const support: FixSupport = {
    idsInUse: () => (ids ??= new Set([...nodes.map((n) => n.id), ...edges.map((e) => e.id)])),
    positionOf: (id) => index.byId.get(id)?.position,
    blockInputs: scope.blockInputs,
  };
  const infos = new Map<string, NodeInfo>();
  const cached = scope.nextNodes ? scope.cache.nodes : null;
  for (const id of [...order, ...blocked]) {
    const node = index.byId.get(id)!;
    const incoming = incomingOf(index, id);
    const inputShapes = incoming.map((e) => infos.get(e.source)?.outputShape ?? null);
    const extra = byNode.get(id) ?? [];
    const placement = placementProblem(node, scope);
    const arity = placement ? null : arityOf(node, scope);
    const structural = placement ? [placement] : arity ? inputProblems(node, incoming, arity) : [];

    const hit = cached?.get(id);
    if (hit && hit.node === node && structural.length === 0 && hit.info.inputShapes.length === inputShapes.length && hit.info.inputShapes.every((s, i) => shapesEqual(s, inputShapes[i]))) {
      const info = extra.length === 0 ? hit.info : { ...hit.info, errors: extra };
      scope.nextNodes!.set(id, hit);
      infos.set(id, info);
      continue;
    }
    const known = structural.length === 0 && !blockedSet.has(id) && inputShapes.every((s) => s !== null);
    const local = placement ? emptyResult([]) : evaluate(node, known ? (inputShapes as Shape[]) : null, incoming, scope, support);
    const errors = [...structural, ...local.errors, ...extra];
    const info: NodeInfo = { id, type: node.type, inputShapes, ...local, errors };
    if (scope.nextNodes && known && local.errors.length === 0) scope.nextNodes.set(id, { node, info: extra.length === 0 ? info : { ...info, errors: [] } });
    infos.set(id, info);
  }

  const errors: GraphError[] = [...graph, ...index.errors];
  for (const info of infos.values()) for (const e of info.errors) errors.push(e);
  return { nodes: infos, errors, order: [...order, ...blocked], totals: totalsOf(infos.values()), valid: errors.length === 0 };
}

/** Runs inference with a cache that may hold results from an earlier version of the document. */
export function inferWithCache(doc: GraphDocument, cache: InferenceCache): GraphAnalysis {
  if (!Array.isArray(doc?.nodes) || !Array.isArray(doc?.edges)) {
    const error = graphError(null, msg('graph.noLists', {}));
    return { nodes: new Map(), errors: [error], order: [], totals: totalsOf([]), valid: false };
  }
  const blocks = doc.blocks ?? {};
  if (cache.blocks !== blocks) {
    cache.blocks = blocks;
    cache.nodes = new Map();
    cache.instances = new WeakMap();
  }
  const nextNodes = new Map<string, CachedNode>();
  const analysis = analyzeGraph(doc.nodes, doc.edges, { blocks, cache, stack: [], nextNodes });
  cache.nodes = nextNodes;
  return analysis;
}

/**
 * Infers every node's shape, weights and MACs and finds every problem in the graph: cycles,
 * wrong input counts or ports, missing Input/Output, nodes that do not reach the Output,
 * invalid params, shape mismatches (with fixes where one is clear). Never throws.
 */
export function inferGraph(doc: GraphDocument): GraphAnalysis {
  return inferWithCache(doc, createCache());
}
