// The connectivity of one graph (a document or a block body): lookups, a topological
// order, the cycles that prevent one, and which nodes lead to the output.
import { makeFix } from '../catalog/fixes';
import { msg } from '../i18n/messages';
import { graphError, type GraphError } from './analysis';
import type { GraphEdge, GraphNode } from './types';

export interface GraphIndex {
  nodes: readonly GraphNode[];
  /** First node with each id; later duplicates are reported and ignored. */
  byId: Map<string, GraphNode>;
  /** Edges into each node, sorted by targetPort (document order among equal ports). */
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
  /** Duplicate ids and edges that point at missing nodes. */
  errors: GraphError[];
}

const EMPTY: GraphEdge[] = [];

export function incomingOf(index: GraphIndex, id: string): GraphEdge[] {
  return index.incoming.get(id) ?? EMPTY;
}

export function outgoingOf(index: GraphIndex, id: string): GraphEdge[] {
  return index.outgoing.get(id) ?? EMPTY;
}

export function indexGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphIndex {
  const byId = new Map<string, GraphNode>();
  const errors: GraphError[] = [];
  for (const n of nodes) {
    if (byId.has(n.id)) errors.push(graphError(n.id, msg('graph.duplicateNodeId', { id: n.id })));
    else byId.set(n.id, n);
  }
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  const edgeIds = new Set<string>();
  for (const e of edges) {
    if (edgeIds.has(e.id)) errors.push(graphError(null, msg('graph.duplicateEdgeId', { id: e.id })));
    edgeIds.add(e.id);
    const hasSource = byId.has(e.source);
    const hasTarget = byId.has(e.target);
    if (!hasSource || !hasTarget) {
      const text = hasSource ? msg('edge.missingTarget', { edge: e.id, node: e.target }) : msg('edge.missingSource', { edge: e.id, node: e.source });
      const fix = makeFix(msg('fix.deleteEdge', { edge: e.id }), [{ op: 'removeEdge', edgeId: e.id }]);
      errors.push(graphError(hasSource ? e.source : hasTarget ? e.target : null, text, { fix }));
      continue;
    }
    let into = incoming.get(e.target);
    if (!into) incoming.set(e.target, (into = []));
    into.push(e);
    let out = outgoing.get(e.source);
    if (!out) outgoing.set(e.source, (out = []));
    out.push(e);
  }
  for (const list of incoming.values()) if (list.length > 1) list.sort((a, b) => a.targetPort - b.targetPort);
  return { nodes, byId, incoming, outgoing, errors };
}

/**
 * Kahn's order, ties in document order. Nodes on a cycle, or fed (directly or not) by one,
 * never become ready; they are returned apart, in document order.
 */
export function topologicalOrder(index: GraphIndex): { order: string[]; blocked: string[] } {
  const pending = new Map<string, number>();
  const queue: string[] = [];
  for (const id of index.byId.keys()) {
    const n = incomingOf(index, id).length;
    pending.set(id, n);
    if (n === 0) queue.push(id);
  }
  const order: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    order.push(id);
    for (const e of outgoingOf(index, id)) {
      const left = pending.get(e.target)! - 1;
      pending.set(e.target, left);
      if (left === 0) queue.push(e.target);
    }
  }
  const blocked = order.length === index.byId.size ? [] : [...index.byId.keys()].filter((id) => pending.get(id)! > 0);
  return { order, blocked };
}

/** Strongly connected components among `among` that contain a cycle (Tarjan). */
function cyclicComponents(index: GraphIndex, among: readonly string[]): string[][] {
  const inSet = new Set(among);
  const low = new Map<string, number>();
  const num = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    num.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const e of outgoingOf(index, v)) {
      const w = e.target;
      if (!inSet.has(w)) continue;
      if (!num.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, num.get(w)!));
    }
    if (low.get(v) === num.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && outgoingOf(index, v).some((e) => e.target === v);
      if (component.length > 1 || selfLoop) found.push(component);
    }
  };
  for (const id of among) if (!num.has(id)) visit(id);
  return found;
}

/** The shortest cycle through `start` inside its component, as [start, ..., start]. */
function shortestCycle(index: GraphIndex, start: string, component: Set<string>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const e of outgoingOf(index, v)) {
      if (e.target === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = parent.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (component.has(e.target) && !parent.has(e.target)) {
        parent.set(e.target, v);
        queue.push(e.target);
      }
    }
  }
  return [start, start];
}

/** One cycle per cyclic component among the blocked nodes, each as [a, b, ..., a]. */
export function findCycles(index: GraphIndex, blocked: readonly string[]): string[][] {
  if (blocked.length === 0) return [];
  const docOrder = new Map(index.nodes.map((n, i) => [n.id, i]));
  return cyclicComponents(index, blocked).map((component) => {
    const first = component.reduce((a, b) => (docOrder.get(a)! <= docOrder.get(b)! ? a : b));
    return shortestCycle(index, first, new Set(component));
  });
}

/** Every node with a path to one of `targets` (the targets included). */
export function nodesLeadingTo(index: GraphIndex, targets: readonly string[]): Set<string> {
  const seen = new Set(targets);
  const queue = [...targets];
  for (let head = 0; head < queue.length; head++) {
    for (const e of incomingOf(index, queue[head])) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        queue.push(e.source);
      }
    }
  }
  return seen;
}
