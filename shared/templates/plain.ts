// The "plain twin" of a residual graph: the same layers with every shortcut removed, so a
// user can train both and watch the plain one degrade with depth.
//
// A shortcut is recognised structurally: an Add with two inputs whose branches, traced back
// through single-input single-output layers, meet at the same fork node, one branch
// strictly shorter than the other. The shorter branch is the shortcut (an identity edge,
// or a projection such as 1x1 conv + BN); it is removed with the Add, and the longer
// (residual) branch feeds whatever the Add fed. Adds that do not fit this pattern (e.g.
// merging two unrelated inputs) are left alone.
import type { BlockDefinition, Condition, GraphDocument, GraphEdge, GraphNode, Params } from '../graph/types';
import { BLOCK_NODE_TYPE } from '../graph/types';

export interface NodesAndEdges {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface Branch {
  /** The node where the branch leaves the main path. */
  root: string;
  /** Nodes strictly between the root and the Add, nearest the Add first. */
  chain: string[];
  edge: GraphEdge;
}

/** Removes every recognisable shortcut from a flat list of nodes and edges (no conditions). */
export function removeShortcuts(net: NodesAndEdges): NodesAndEdges & { removedAdds: string[] } {
  let { nodes, edges } = net;
  const removedAdds: string[] = [];
  // One Add at a time: removing a shortcut changes fan-outs that later traces rely on.
  for (;;) {
    const incoming = new Map<string, GraphEdge[]>();
    const outgoing = new Map<string, GraphEdge[]>();
    for (const e of edges) {
      (incoming.get(e.target) ?? incoming.set(e.target, []).get(e.target)!).push(e);
      (outgoing.get(e.source) ?? outgoing.set(e.source, []).get(e.source)!).push(e);
    }
    const trace = (e: GraphEdge): Branch => {
      const chain: string[] = [];
      let cur = e.source;
      const seen = new Set<string>();
      while ((incoming.get(cur)?.length ?? 0) === 1 && (outgoing.get(cur)?.length ?? 0) === 1 && !seen.has(cur)) {
        seen.add(cur);
        chain.push(cur);
        cur = incoming.get(cur)![0].source;
      }
      return { root: cur, chain, edge: e };
    };
    let found: { add: string; residual: Branch; shortcut: Branch } | undefined;
    for (const n of nodes) {
      if (n.type !== 'Add') continue;
      const ins = incoming.get(n.id) ?? [];
      if (ins.length !== 2) continue;
      const [a, b] = ins.map(trace);
      if (a.root !== b.root || a.chain.length === b.chain.length) continue;
      found = a.chain.length > b.chain.length ? { add: n.id, residual: a, shortcut: b } : { add: n.id, residual: b, shortcut: a };
      break;
    }
    if (!found) return { nodes, edges, removedAdds };
    const gone = new Set([found.add, ...found.shortcut.chain]);
    const rewired = (outgoing.get(found.add) ?? []).map((o) => ({ ...o, source: found.residual.edge.source }));
    edges = [...edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)), ...rewired];
    nodes = nodes.filter((n) => !gone.has(n.id));
    removedAdds.push(found.add);
  }
}

const holds = (when: Condition | undefined, values: Params) => !when || values[when.param] === when.equals;

/** The params a definition's `when` conditions read. */
function conditionParams(def: BlockDefinition): string[] {
  const names = new Set<string>();
  for (const item of [...def.nodes, ...def.edges]) if (item.when) names.add(item.when.param);
  return [...names].sort();
}

/** Params referenced by `$param` anywhere in the nodes (these stay instance params). */
function referencedParams(nodes: GraphNode[]): Set<string> {
  const names = new Set<string>();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const p = (v as { $param?: unknown }).$param;
      if (typeof p === 'string') names.add(p);
      else Object.values(v).forEach(visit);
    }
  };
  for (const n of nodes) visit(n.params);
  return names;
}

interface TwinContext {
  source: Record<string, BlockDefinition>;
  out: Record<string, BlockDefinition>;
  /** defId + resolved-graph key -> plain definition id */
  made: Map<string, string>;
  visiting: Set<string>;
}

function plainNet(net: NodesAndEdges, ctx: TwinContext): NodesAndEdges & { changed: boolean } {
  let changed = false;
  const nodes = net.nodes.map((n) => {
    if (n.type !== BLOCK_NODE_TYPE) return n;
    const twin = plainInstance(n, ctx);
    if (twin !== n) changed = true;
    return twin;
  });
  const result = removeShortcuts({ nodes, edges: net.edges });
  return { nodes: result.nodes, edges: result.edges, changed: changed || result.removedAdds.length > 0 };
}

/** The instance switched to a plain definition, or the same node when it has no shortcut. */
function plainInstance(instance: GraphNode, ctx: TwinContext): GraphNode {
  const defId = instance.params.block;
  const def = typeof defId === 'string' ? ctx.source[defId] : undefined;
  if (!def || ctx.visiting.has(def.id)) return instance;
  // Resolve the conditions with this instance's values: the twin of an "identity" and of a
  // "projection" instance is usually the same plain block, and then both share one definition.
  const values: Params = {};
  for (const p of conditionParams(def)) values[p] = instance.params[p] ?? (def.params[p]?.default as Params[string]) ?? null;
  const strip = <T extends { when?: Condition }>(item: T): T => {
    const { when: _when, ...rest } = item;
    return rest as T;
  };
  const resolved = {
    nodes: def.nodes.filter((n) => holds(n.when, values)).map(strip),
    edges: def.edges.filter((e) => holds(e.when, values)).map(strip),
  };
  ctx.visiting.add(def.id);
  const twin = plainNet(resolved, ctx);
  ctx.visiting.delete(def.id);
  if (!twin.changed) return instance;

  const key = `${def.id}\n${JSON.stringify([twin.nodes, twin.edges])}`;
  let id = ctx.made.get(key);
  const kept = referencedParams(twin.nodes);
  if (!id) {
    id = `${def.id}-plain`;
    for (let i = 2; ctx.out[id] || ctx.source[id]; i++) id = `${def.id}-plain-${i}`;
    ctx.made.set(key, id);
    ctx.out[id] = {
      id,
      name: `${def.name} (plain)`,
      description: `Plain twin of "${def.name}": the same layers with the shortcut removed.`,
      params: Object.fromEntries(Object.entries(def.params).filter(([p]) => kept.has(p))),
      nodes: twin.nodes,
      edges: twin.edges,
    };
  }
  const params: Params = { block: id };
  for (const [p, v] of Object.entries(instance.params)) if (kept.has(p)) params[p] = v;
  return { ...instance, params };
}

/** Block definition ids used by these nodes, including blocks nested inside them. */
function usedBlocks(nodes: GraphNode[], blocks: Record<string, BlockDefinition>, into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    const id = n.params.block;
    if (n.type !== BLOCK_NODE_TYPE || typeof id !== 'string' || into.has(id) || !blocks[id]) continue;
    into.add(id);
    usedBlocks(blocks[id].nodes, blocks, into);
  }
  return into;
}

/**
 * The same graph with every shortcut removed. Block instances switch to plain twins of
 * their definitions (added to `blocks` as `<id>-plain`); top-level Adds that close a
 * shortcut are removed and their residual branch wired straight through. Definitions that
 * were used before and no longer are are dropped; unused ones in the library are kept.
 */
export function makePlainTwin(doc: GraphDocument): GraphDocument {
  const ctx: TwinContext = { source: doc.blocks, out: {}, made: new Map(), visiting: new Set() };
  const twin = plainNet({ nodes: doc.nodes, edges: doc.edges }, ctx);
  const all = { ...doc.blocks, ...ctx.out };
  const usedBefore = usedBlocks(doc.nodes, doc.blocks);
  const usedAfter = usedBlocks(twin.nodes, all);
  const blocks = Object.fromEntries(Object.entries(all).filter(([id]) => usedAfter.has(id) || !usedBefore.has(id)));
  return {
    ...doc,
    name: `${doc.name} (plain)`,
    nodes: twin.nodes,
    edges: twin.edges,
    blocks,
    meta: { ...doc.meta, plainTwinOf: doc.name },
  };
}
