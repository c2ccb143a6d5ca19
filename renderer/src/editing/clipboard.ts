// Copy/paste as JSON text, so a selection travels between projects, tabs and windows
// through the system clipboard. Block definitions used by the copied nodes travel along.
import { freshId } from '../../../shared/graph/edits';
import {
  BLOCK_NODE_TYPE,
  type BlockDefinition,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type Position,
} from '../../../shared/graph/types';
import { replaceScopeGraph, scopeGraph, type GraphView, type ScopeId } from './scope';

export const CLIPBOARD_FORMAT = 'reswire.clipboard';

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
  blocks: Record<string, BlockDefinition>;
}

/** Block definitions a set of nodes needs, including blocks used inside those blocks. */
export function usedBlocks(doc: GraphDocument, nodes: readonly GraphNode[]): Record<string, BlockDefinition> {
  const out: Record<string, BlockDefinition> = {};
  const visit = (list: readonly GraphNode[]) => {
    for (const n of list) {
      const id = n.type === BLOCK_NODE_TYPE ? n.params.block : undefined;
      if (typeof id === 'string' && !out[id] && doc.blocks[id]) {
        out[id] = doc.blocks[id];
        visit(doc.blocks[id].nodes);
      }
    }
  };
  visit(nodes);
  return out;
}

export function copySelection(doc: GraphDocument, view: GraphView, ids: ReadonlySet<string>): ClipboardPayload | null {
  const nodes = view.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = view.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { format: CLIPBOARD_FORMAT, version: 1, nodes, edges, blocks: usedBlocks(doc, nodes) };
}

export function parseClipboard(text: string): ClipboardPayload | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const p = data as Partial<ClipboardPayload>;
  if (p.format !== CLIPBOARD_FORMAT || !Array.isArray(p.nodes) || !Array.isArray(p.edges)) return null;
  const nodesOk = p.nodes.every((n) => n && typeof n.id === 'string' && typeof n.type === 'string' && n.position);
  const edgesOk = p.edges.every((e) => e && typeof e.source === 'string' && typeof e.target === 'string');
  if (!nodesOk || !edgesOk) return null;
  return { format: CLIPBOARD_FORMAT, version: 1, nodes: p.nodes, edges: p.edges, blocks: p.blocks ?? {} };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function renameBlockRefs(nodes: GraphNode[], renames: Map<string, string>): GraphNode[] {
  if (renames.size === 0) return nodes;
  return nodes.map((n) => {
    const ref = n.type === BLOCK_NODE_TYPE ? n.params.block : undefined;
    if (typeof ref === 'string' && renames.has(ref)) return { ...n, params: { ...n.params, block: renames.get(ref)! } };
    return n;
  });
}

/** Adds the payload's block definitions, reusing identical ones and renaming clashes. */
function mergeBlocks(doc: GraphDocument, blocks: Record<string, BlockDefinition>): { doc: GraphDocument; renames: Map<string, string> } {
  const renames = new Map<string, string>();
  const merged = { ...doc.blocks };
  const taken = new Set(Object.keys(merged));
  for (const id of Object.keys(blocks)) {
    if (!merged[id]) continue;
    if (sameJson(merged[id], blocks[id])) continue;
    let i = 2;
    while (taken.has(`${id}_${i}`)) i++;
    renames.set(id, `${id}_${i}`);
    taken.add(`${id}_${i}`);
  }
  for (const [id, def] of Object.entries(blocks)) {
    const newId = renames.get(id) ?? id;
    if (merged[newId] && !renames.has(id)) continue;
    merged[newId] = { ...def, id: newId, nodes: renameBlockRefs(def.nodes, renames) };
  }
  return { doc: { ...doc, blocks: merged }, renames };
}

export interface PasteResult {
  doc: GraphDocument;
  /** Ids of the pasted nodes in the scope, for selecting them. */
  nodeIds: string[];
}

/**
 * Pastes into the scope. With `at`, the pasted group's top-left corner lands there;
 * otherwise it lands a little below-right of where it was copied from.
 */
export function pastePayload(doc: GraphDocument, scope: ScopeId, payload: ClipboardPayload, at?: Position): PasteResult {
  const { doc: withBlocks, renames } = mergeBlocks(doc, payload.blocks);
  const view = scopeGraph(withBlocks, scope);
  // A block may not contain an instance of itself.
  const nodesIn = renameBlockRefs(payload.nodes, renames).filter((n) => !(scope !== null && n.params.block === scope));
  const minX = Math.min(...nodesIn.map((n) => n.position.x));
  const minY = Math.min(...nodesIn.map((n) => n.position.y));
  const dx = at ? at.x - minX : 40;
  const dy = at ? at.y - minY : 40;
  const taken = new Set<string>();
  const idMap = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const n of nodesIn) {
    const id = freshId(view, n.id, taken);
    taken.add(id);
    idMap.set(n.id, id);
    nodes.push({ ...n, id, position: { x: n.position.x + dx, y: n.position.y + dy } });
  }
  const edges: GraphEdge[] = [];
  for (const e of payload.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const id = freshId(view, `${source}_${target}`, taken);
    taken.add(id);
    edges.push({ ...e, id, source, target });
  }
  const next = replaceScopeGraph(withBlocks, scope, { nodes: [...view.nodes, ...nodes], edges: [...view.edges, ...edges] });
  return { doc: next, nodeIds: nodes.map((n) => n.id) };
}

/** Removes nodes (and their wires) from the scope. */
export function deleteNodes(doc: GraphDocument, scope: ScopeId, ids: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): GraphDocument {
  const view = scopeGraph(doc, scope);
  return replaceScopeGraph(doc, scope, {
    nodes: view.nodes.filter((n) => !ids.has(n.id)),
    edges: view.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target) && !edgeIds.has(e.id)),
  });
}
