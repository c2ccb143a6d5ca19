// Inference of a block instance: its definition is made concrete with the instance's params
// and inferred with the instance's input shapes. Inner errors are reported on the instance,
// naming the inner node; identical instances (same definition, params and input shapes)
// share one inner analysis.
import { blockNameArg, list, msg, type Message } from '../i18n/messages';
import { graphError, type GraphAnalysis, type GraphError } from './analysis';
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
  return graphError(node.id, msg('block.missingDefinition', { id: node.id, ref: JSON.stringify(node.params?.block ?? null) }));
}

function isMismatchedMerge(inner: GraphAnalysis, nodeId: string | null): boolean {
  const info = nodeId === null ? undefined : inner.nodes.get(nodeId);
  if (!info || (info.type !== 'Add' && info.type !== 'Multiply')) return false;
  const shapes = info.inputShapes;
  return shapes.every((s) => s !== null) && shapes.some((s) => formatShape(s!) !== formatShape(shapes[0]!));
}

/** `inputs` is null when the instance's inputs are unknown or miswired: only its params are checked. */
export function analyzeInstance(node: GraphNode, def: BlockDefinition, inputs: Shape[] | null, scope: InstanceScope, analyze: AnalyzeBody): LocalResult {
  const block = { id: node.id, name: blockNameArg(def.id, def.name) };
  const cycle = scope.stack.includes(def.id) ? [...scope.stack.slice(scope.stack.indexOf(def.id)), def.id] : blockContainmentCycle(scope.blocks, def.id);
  if (cycle) {
    return emptyResult([graphError(node.id, msg('block.usesItself', { id: node.id, def: def.id, cycle: list(cycle, 'arrow') }))]);
  }
  const { values, errors } = resolveInstanceParams(def, node.params);
  if (errors.length > 0) {
    return emptyResult(errors.map((e) => graphError(node.id, msg('block.problem', { ...block, problem: e.text ?? e.message }), { field: e.field })));
  }
  if (!inputs) return emptyResult([]);

  let byParams = scope.instances.get(def);
  if (!byParams) scope.instances.set(def, (byParams = new Map()));
  const key = `${JSON.stringify(values)}|${inputs.map((s) => s.join('x')).join(',')}`;
  let inner = byParams.get(key);
  let concreteErrors: Message[] = [];
  if (!inner) {
    const concrete = instantiateBlock(def, values);
    concreteErrors = concrete.texts;
    inner = analyze(concrete.nodes, concrete.edges, { stack: [...scope.stack, def.id], blockInputs: inputs });
    if (concreteErrors.length === 0) byParams.set(key, inner);
  }

  const wrapped: GraphError[] = concreteErrors.map((inner) => graphError(node.id, msg('block.inside', { ...block, inner })));
  for (const e of inner.errors) {
    const fix = isMismatchedMerge(inner, e.nodeId) ? projectionShortcutFix(node, def, values.shortcut) : undefined;
    const text = msg(fix ? 'block.insideUseProjection' : 'block.inside', { ...block, inner: e.text ?? e.message });
    wrapped.push(graphError(node.id, text, { fix }));
  }
  if (wrapped.length > 0) return { ...emptyResult(wrapped), inner: inner.nodes };

  let outputShape: Shape | null = null;
  for (const info of inner.nodes.values()) if (info.type === BLOCK_OUTPUT_TYPE) outputShape = info.outputShape;
  if (!outputShape) return { ...emptyResult([graphError(node.id, msg('block.noOutput', block))]), inner: inner.nodes };
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
