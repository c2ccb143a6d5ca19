// Fixes that layer rules offer: insert a short chain of layers on an incoming edge.
// A fix is plain data (GraphEdit[]), applied by applyEdits as one undoable step.
import { freshId as freshGraphId } from '../graph/edits';
import type { Fix, GraphEdit } from '../graph/edits';
import type { GraphEdge, GraphNode, Params, Position } from '../graph/types';
import { english, type Message } from '../i18n/messages';
import type { InputEdge, LayerContext } from './types';

/** A layer a fix inserts. idStem makes ids readable ("flatten", "proj"); defaults to the type. */
export interface InsertedLayer {
  type: string;
  params: Params;
  idStem?: string;
}

/** Layers to insert, in order, on the edge feeding input `port` of the node. */
export interface EdgeInsertion {
  port: number;
  layers: InsertedLayer[];
}

type FixContext = Pick<LayerContext<unknown>, 'nodeId' | 'inputEdges' | 'freshId' | 'positionOf'>;

/** A fix with its title in English and, given a message, in the form a UI translates. */
export function makeFix(title: string | Message, edits: GraphEdit[]): Fix {
  return typeof title === 'string' ? { title, edits } : { title: english(title), text: title, edits };
}

/**
 * Builds a fix that splices layers into incoming edges: the edge source -> node is replaced
 * by source -> l1 -> ... -> lk -> node (same target port), with the new nodes spaced evenly
 * between the two. Returns undefined when the context has no graph (inputEdges/freshId).
 */
export function insertOnEdges(ctx: FixContext, insertions: EdgeInsertion[], title: string | Message): Fix | undefined {
  const { inputEdges, freshId } = ctx;
  if (!inputEdges || !freshId) return undefined;
  const edits: GraphEdit[] = [];
  for (const { port, layers } of insertions) {
    const edge = inputEdges[port];
    if (!edge || layers.length === 0) return undefined;
    const to = ctx.positionOf?.(ctx.nodeId);
    const from = ctx.positionOf?.(edge.sourceId) ?? to ?? { x: 0, y: 0 };
    const end = to ?? from;
    edits.push({ op: 'removeEdge', edgeId: edge.edgeId });
    let prev = edge.sourceId;
    layers.forEach((layer, i) => {
      const t = (i + 1) / (layers.length + 1);
      const position: Position = { x: Math.round(from.x + (end.x - from.x) * t), y: Math.round(from.y + (end.y - from.y) * t) };
      const id = freshId(layer.idStem ?? layer.type.toLowerCase());
      edits.push({ op: 'addNode', node: { id, type: layer.type, params: { ...layer.params }, position } });
      edits.push({ op: 'addEdge', edge: { id: freshId(`e_${prev}_${id}`), source: prev, target: id, targetPort: 0 } });
      prev = id;
    });
    edits.push({ op: 'addEdge', edge: { id: freshId(`e_${prev}_${ctx.nodeId}`), source: prev, target: ctx.nodeId, targetPort: edge.targetPort } });
  }
  return makeFix(title, edits);
}

/** Shorthand: insert layers on the edge feeding input 0. */
export function insertBefore(ctx: FixContext, layers: InsertedLayer[], title: string | Message): Fix | undefined {
  return insertOnEdges(ctx, [{ port: 0, layers }], title);
}

/** A fix that only changes the node's own params. Needs no graph. */
export function setParamsFix(nodeId: string, params: Params, title: string | Message): Fix {
  return makeFix(title, [{ op: 'setParams', nodeId, params }]);
}

/**
 * The graph-dependent part of a LayerContext for one node of a document or block
 * definition: its incoming edges in port order, an id source that never repeats an id
 * (neither the graph's nor one it handed out before), and node positions.
 * Pass the graph as inference sees it (conditional nodes/edges of a block already resolved).
 */
export function fixContextFor(
  graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
  nodeId: string,
): Required<Pick<LayerContext<unknown>, 'inputEdges' | 'freshId' | 'positionOf'>> {
  const inputEdges: InputEdge[] = graph.edges
    .filter((e) => e.target === nodeId)
    .sort((a, b) => a.targetPort - b.targetPort)
    .map((e) => ({ edgeId: e.id, sourceId: e.source, targetPort: e.targetPort }));
  const handedOut = new Set<string>();
  const doc = { nodes: graph.nodes as GraphNode[], edges: graph.edges as GraphEdge[] };
  const freshId = (stem: string): string => {
    const id = freshGraphId(doc, stem, handedOut);
    handedOut.add(id);
    return id;
  };
  const positions = new Map(graph.nodes.map((n) => [n.id, n.position]));
  return { inputEdges, freshId, positionOf: (id) => positions.get(id) };
}
