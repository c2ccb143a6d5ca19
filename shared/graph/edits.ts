// Edits are data: a fix, a paste or a template insertion is a list of GraphEdit applied by
// one pure function, so the editor, the CLI and the tests all apply them the same way.
import type { Message } from '../i18n/messages';
import type { GraphDocument, GraphEdge, GraphNode, Params, Position } from './types';

export type GraphEdit =
  | { op: 'addNode'; node: GraphNode }
  | { op: 'removeNode'; nodeId: string }
  | { op: 'addEdge'; edge: GraphEdge }
  | { op: 'removeEdge'; edgeId: string }
  | { op: 'setParams'; nodeId: string; params: Params }
  | { op: 'moveNode'; nodeId: string; position: Position };

/** A suggested repair for a graph error, applied as one undoable step. */
export interface Fix {
  /** A sentence for a button or the CLI, e.g. "Insert a 1x1 projection (stride 2, 64 filters) on the shortcut into Add n7". */
  title: string;
  /** The title as a message code and args, so a UI can show it in its own language. */
  text?: Message;
  edits: GraphEdit[];
}

export class EditError extends Error {}

/** Applies edits in order and returns a new document; the input is never mutated. */
export function applyEdits(doc: GraphDocument, edits: readonly GraphEdit[]): GraphDocument {
  let nodes = doc.nodes.slice();
  let edges = doc.edges.slice();
  for (const e of edits) {
    switch (e.op) {
      case 'addNode':
        if (nodes.some((n) => n.id === e.node.id)) throw new EditError(`A node with id "${e.node.id}" already exists.`);
        nodes.push(e.node);
        break;
      case 'removeNode':
        nodes = nodes.filter((n) => n.id !== e.nodeId);
        edges = edges.filter((x) => x.source !== e.nodeId && x.target !== e.nodeId);
        break;
      case 'addEdge':
        if (edges.some((x) => x.id === e.edge.id)) throw new EditError(`An edge with id "${e.edge.id}" already exists.`);
        edges.push(e.edge);
        break;
      case 'removeEdge':
        edges = edges.filter((x) => x.id !== e.edgeId);
        break;
      case 'setParams':
        nodes = nodes.map((n) => (n.id === e.nodeId ? { ...n, params: { ...n.params, ...e.params } } : n));
        break;
      case 'moveNode':
        nodes = nodes.map((n) => (n.id === e.nodeId ? { ...n, position: { ...e.position } } : n));
        break;
    }
  }
  return { ...doc, nodes, edges };
}

/** An id not yet used by any node or edge of the document, built from a readable stem. */
export function freshId(doc: Pick<GraphDocument, 'nodes' | 'edges'>, stem: string, taken: Set<string> = new Set()): string {
  const used = new Set<string>(taken);
  for (const n of doc.nodes) used.add(n.id);
  for (const e of doc.edges) used.add(e.id);
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i++) {
    const id = `${stem}_${i}`;
    if (!used.has(id)) return id;
  }
}
