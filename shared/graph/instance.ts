// Inference of a block instance: its definition is made concrete with the instance's params
// and inferred with the instance's input shapes. Inner errors are reported on the instance,
// naming the inner node; identical instances (same definition, params and input shapes)
// share one inner analysis.
import type { GraphAnalysis, GraphError } from './analysis';
import { blockContainmentCycle, instantiateBlock, resolveInstanceParams } from './block-defs';
import { emptyResult, type LocalResult } from './evaluate';
import { projectionShortcutFix } from './fixes';
import { formatShape } from './format';
import { BLOCK_OUTPUT_TYPE, type BlockDefinition, type GraphEdge, type GraphNode, type Shape } from './types';

/** Analyses a block body; supplied by infer.ts (which in turn calls analyzeInstance). */
export type AnalyzeBody = (nodes: GraphNode[], edges: GraphEdge[], inner: { stack: string[]; blockInputs: Shape[] }) => GraphAnalysis;

export interface InstanceScope {
  blocks: Record<string, BlockDefinition>;
  stack: string[];
  /** Inner analyses by definition, then by params + input shapes. */
  instances: WeakMap<BlockDefinition, Map<string, GraphAnalysis>>;
}

export function definitionOf(node: GraphNode, blocks: Record<string, BlockDefinition>): BlockDefinition | undefined {
  const ref = node.params?.block;
  return typeof ref === 'string' && Object.hasOwn(blocks, ref) ? blocks[ref] : undefined;
}

export function missingDefinition(node: GraphNode): GraphError {
  return {
    nodeId: node.id,
    message: `Block ${node.id} refers to block definition ${JSON.stringify(node.params?.block ?? null)}, which does not exist in this document; pick a block from the palette or delete this one.`,
  };
}

function isMismatchedMerge(inner: GraphAnalysis, nodeId: string | null): boolean {
  const info = nodeId === null ? undefined : inner.nodes.get(nodeId);
  if (!info || (info.type !== 'Add' && info.type !== 'Multiply')) return false;
  const shapes = info.inputShapes;
  return shapes.every((s) => s !== null) && shapes.some((s) => formatShape(s!) !== formatShape(shapes[0]!));
}

/** `inputs` is null when the instance's inputs are unknown or miswired: only its params are checked. */
export function analyzeInstance(node: GraphNode, def: BlockDefinition, inputs: Shape[] | null, scope: InstanceScope, analyze: AnalyzeBody): LocalResult {
  const title = `block ${node.id} (${def.name})`;
  const cycle = scope.stack.includes(def.id) ? [...scope.stack.slice(scope.stack.indexOf(def.id)), def.id] : blockContainmentCycle(scope.blocks, def.id);
  if (cycle) {
    return emptyResult([{ nodeId: node.id, message: `Block ${node.id} uses "${def.id}", which contains itself (${cycle.join(' → ')}); a block cannot contain an instance of itself.` }]);
  }
  const { values, errors } = resolveInstanceParams(def, node.params);
  if (errors.length > 0) {
    return emptyResult(errors.map((e) => ({ nodeId: node.id, message: `Block ${node.id} (${def.name}): ${e.message}`, field: e.field })));
  }
  if (!inputs) return emptyResult([]);

  let byParams = scope.instances.get(def);
  if (!byParams) scope.instances.set(def, (byParams = new Map()));
  const key = `${JSON.stringify(values)}|${inputs.map((s) => s.join('x')).join(',')}`;
  let inner = byParams.get(key);
  let concreteErrors: string[] = [];
  if (!inner) {
    const concrete = instantiateBlock(def, values);
    concreteErrors = concrete.errors;
    inner = analyze(concrete.nodes, concrete.edges, { stack: [...scope.stack, def.id], blockInputs: inputs });
    if (concreteErrors.length === 0) byParams.set(key, inner);
  }

  const wrapped: GraphError[] = concreteErrors.map((m) => ({ nodeId: node.id, message: `Inside ${title}: ${m}` }));
  for (const e of inner.errors) {
    const fix = isMismatchedMerge(inner, e.nodeId) ? projectionShortcutFix(node, def, values.shortcut) : undefined;
    const message = `Inside ${title}: ${e.message}${fix ? ` Set its shortcut to "projection" to fix this.` : ''}`;
    wrapped.push(fix ? { nodeId: node.id, message, fix } : { nodeId: node.id, message });
  }
  if (wrapped.length > 0) return { ...emptyResult(wrapped), inner: inner.nodes };

  let outputShape: Shape | null = null;
  for (const info of inner.nodes.values()) if (info.type === BLOCK_OUTPUT_TYPE) outputShape = info.outputShape;
  if (!outputShape) return { ...emptyResult([{ nodeId: node.id, message: `Block ${node.id} (${def.name}) has no BlockOutput, so it produces nothing.` }]), inner: inner.nodes };
  return {
    outputShape,
    trainableParams: inner.totals.trainableParams,
    nonTrainableParams: inner.totals.nonTrainableParams,
    macs: inner.totals.macs,
    activationElements: inner.totals.activationElements,
    errors: [],
    inner: inner.nodes,
  };
}
