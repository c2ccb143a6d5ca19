// The editor shows either the main graph or one block definition ("scope"). Edits made
// while a block is open apply to its definition, so every instance follows.
import { applyEdits, type GraphEdit } from '../../../shared/graph/edits';
import {
  BLOCK_INPUT_TYPE,
  BLOCK_NODE_TYPE,
  BLOCK_OUTPUT_TYPE,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
} from '../../../shared/graph/types';
import { getLayer } from '../../../shared/catalog';

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** null is the main graph; otherwise the id of the block definition being edited. */
export type ScopeId = string | null;

export function scopeGraph(doc: GraphDocument, scope: ScopeId): GraphView {
  if (scope === null) return doc;
  const def = doc.blocks[scope];
  return def ?? { nodes: [], edges: [] };
}

export function applyScopedEdits(doc: GraphDocument, scope: ScopeId, edits: readonly GraphEdit[]): GraphDocument {
  if (scope === null) return applyEdits(doc, edits);
  const def = doc.blocks[scope];
  if (!def) return doc;
  const next = applyEdits({ ...doc, nodes: def.nodes, edges: def.edges }, edits);
  return { ...doc, blocks: { ...doc.blocks, [scope]: { ...def, nodes: next.nodes, edges: next.edges } } };
}

/** Replaces the nodes and edges of the scope wholesale (group, ungroup, layout). */
export function replaceScopeGraph(doc: GraphDocument, scope: ScopeId, view: GraphView): GraphDocument {
  if (scope === null) return { ...doc, nodes: view.nodes, edges: view.edges };
  const def = doc.blocks[scope];
  if (!def) return doc;
  return { ...doc, blocks: { ...doc.blocks, [scope]: { ...def, nodes: view.nodes, edges: view.edges } } };
}

export interface Arity {
  min: number;
  max: number;
}

/** The input ports of a block instance are its definition's BlockInput nodes. */
export function blockInputCount(doc: GraphDocument, blockId: unknown): number {
  const def = typeof blockId === 'string' ? doc.blocks[blockId] : undefined;
  if (!def) return 1;
  return Math.max(1, def.nodes.filter((n) => n.type === BLOCK_INPUT_TYPE).length);
}

export function inputArity(doc: GraphDocument, node: Pick<GraphNode, 'type' | 'params'>): Arity {
  if (node.type === BLOCK_NODE_TYPE) {
    const count = blockInputCount(doc, node.params.block);
    return { min: count, max: count };
  }
  if (node.type === BLOCK_INPUT_TYPE) return { min: 0, max: 0 };
  if (node.type === BLOCK_OUTPUT_TYPE) return { min: 1, max: 1 };
  return getLayer(node.type)?.arity ?? { min: 1, max: 1 };
}

/** Layers whose output feeds nothing further (the graph's end) have no output handle. */
export function hasOutputPort(node: Pick<GraphNode, 'type'>): boolean {
  return node.type !== BLOCK_OUTPUT_TYPE && node.type !== 'Output';
}

export function isMultiInput(arity: Arity): boolean {
  return arity.max > 1;
}

/** How many input handles to draw: every used port plus one free one, within the arity. */
export function visiblePortCount(arity: Arity, usedPorts: readonly number[]): number {
  if (arity.max <= 1) return arity.max;
  const highest = usedPorts.length ? Math.max(...usedPorts) : -1;
  const wanted = Math.max(arity.min, 2, highest + 2);
  return Math.min(wanted, arity.max);
}
