// Group a selection into a block, and expand ("ungroup") one block instance in place.
import { freshId } from '../../../shared/graph/edits';
import {
  BLOCK_INPUT_TYPE,
  BLOCK_NODE_TYPE,
  BLOCK_OUTPUT_TYPE,
  type BlockDefinition,
  type Condition,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type ParamValue,
  type Params,
} from '../../../shared/graph/types';
import { inputArity, replaceScopeGraph, scopeGraph, type ScopeId } from './scope';

export type GroupRefusal = 'empty' | 'hasPorts' | 'hasInputLayer' | 'noInputs' | 'manyOutputs' | 'insideItself';

export type GroupResult =
  | { ok: true; doc: GraphDocument; instanceId: string; blockId: string }
  | { ok: false; reason: GroupRefusal };

const PORT_GAP_Y = 110;

function freshBlockId(doc: GraphDocument, stem: string): string {
  if (!doc.blocks[stem]) return stem;
  for (let i = 2; ; i++) if (!doc.blocks[`${stem}_${i}`]) return `${stem}_${i}`;
}

function byPosition(a: GraphNode | undefined, b: GraphNode | undefined): number {
  if (!a || !b) return 0;
  return a.position.y - b.position.y || a.position.x - b.position.x;
}

export function groupIntoBlock(doc: GraphDocument, scope: ScopeId, ids: ReadonlySet<string>, name: string): GroupResult {
  const view = scopeGraph(doc, scope);
  const inside = view.nodes.filter((n) => ids.has(n.id));
  if (inside.length === 0) return { ok: false, reason: 'empty' };
  if (inside.some((n) => n.type === BLOCK_INPUT_TYPE || n.type === BLOCK_OUTPUT_TYPE)) return { ok: false, reason: 'hasPorts' };
  if (inside.some((n) => n.type !== BLOCK_NODE_TYPE && inputArity(doc, n).max === 0)) return { ok: false, reason: 'hasInputLayer' };
  const nodeById = new Map(view.nodes.map((n) => [n.id, n]));
  const incoming = view.edges.filter((e) => ids.has(e.target) && !ids.has(e.source));
  const outgoing = view.edges.filter((e) => ids.has(e.source) && !ids.has(e.target));
  const internal = view.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  if (incoming.length === 0) return { ok: false, reason: 'noInputs' };

  // Each distinct outside source becomes one input port, ordered top to bottom.
  const sources = [...new Set(incoming.map((e) => e.source))].sort((a, b) => byPosition(nodeById.get(a), nodeById.get(b)));
  const producers = [...new Set(outgoing.map((e) => e.source))];
  let outputNode: string;
  if (producers.length > 1) return { ok: false, reason: 'manyOutputs' };
  if (producers.length === 1) outputNode = producers[0];
  else {
    const sinks = inside.filter((n) => !internal.some((e) => e.source === n.id));
    if (sinks.length !== 1) return { ok: false, reason: 'manyOutputs' };
    outputNode = sinks[0].id;
  }

  const minX = Math.min(...inside.map((n) => n.position.x));
  const minY = Math.min(...inside.map((n) => n.position.y));
  const maxY = Math.max(...inside.map((n) => n.position.y));
  const blockId = freshBlockId(doc, 'block');
  const defNodes: GraphNode[] = inside.map((n) => ({ ...n, position: { x: n.position.x - minX, y: n.position.y - minY + PORT_GAP_Y } }));
  const defEdges: GraphEdge[] = [...internal];
  const taken = new Set(view.nodes.map((n) => n.id).concat(view.edges.map((e) => e.id)));
  const localId = (stem: string) => {
    const id = freshId({ nodes: defNodes, edges: defEdges }, stem, taken);
    taken.add(id);
    return id;
  };
  sources.forEach((src, index) => {
    const portId = localId(`input${index + 1}`);
    defNodes.push({ id: portId, type: BLOCK_INPUT_TYPE, params: { index }, position: { x: index * 240, y: 0 } });
    for (const e of incoming.filter((x) => x.source === src)) {
      defEdges.push({ id: localId(`${portId}_${e.target}`), source: portId, target: e.target, targetPort: e.targetPort });
    }
  });
  const outId = localId('output');
  defNodes.push({ id: outId, type: BLOCK_OUTPUT_TYPE, params: {}, position: { x: 0, y: maxY - minY + 2 * PORT_GAP_Y } });
  defEdges.push({ id: localId(`${outputNode}_${outId}`), source: outputNode, target: outId, targetPort: 0 });
  const def: BlockDefinition = { id: blockId, name, params: {}, nodes: defNodes, edges: defEdges };

  const rest = view.nodes.filter((n) => !ids.has(n.id));
  const restEdges = view.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
  const outside = { nodes: rest, edges: restEdges };
  const instanceId = freshId(outside, blockId, new Set(view.nodes.map((n) => n.id)));
  const instance: GraphNode = { id: instanceId, type: BLOCK_NODE_TYPE, label: name, params: { block: blockId }, position: { x: minX, y: minY } };
  const wires: GraphEdge[] = [];
  const wireTaken = new Set([...view.edges.map((e) => e.id), ...view.nodes.map((n) => n.id), instanceId]);
  const wireId = (stem: string) => {
    const id = freshId(outside, stem, wireTaken);
    wireTaken.add(id);
    return id;
  };
  sources.forEach((src, port) => wires.push({ id: wireId(`${src}_${instanceId}`), source: src, target: instanceId, targetPort: port }));
  for (const e of outgoing) wires.push({ id: wireId(`${instanceId}_${e.target}`), source: instanceId, target: e.target, targetPort: e.targetPort });

  const withDef = { ...doc, blocks: { ...doc.blocks, [blockId]: def } };
  const next = replaceScopeGraph(withDef, scope, { nodes: [...rest, instance], edges: [...restEdges, ...wires] });
  return { ok: true, doc: next, instanceId, blockId };
}

/** Instance params with the definition's defaults filled in. */
export function instanceParams(def: BlockDefinition, params: Params): Params {
  const out: Params = {};
  for (const [key, spec] of Object.entries(def.params)) out[key] = spec.default;
  for (const [key, value] of Object.entries(params)) if (key !== 'block') out[key] = value;
  return out;
}

function holds(when: Condition | undefined, params: Params): boolean {
  return !when || params[when.param] === when.equals;
}

function resolveValue(value: ParamValue, params: Params): ParamValue {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$param' in value) {
    const v = params[value.$param];
    if (typeof v === 'number' && value.scale !== undefined) return v * value.scale;
    return v ?? null;
  }
  return value;
}

export type UngroupResult = { ok: true; doc: GraphDocument; nodeIds: string[] } | { ok: false };

/** Replaces one instance by a copy of its definition's layers, with its params applied. */
export function ungroupInstance(doc: GraphDocument, scope: ScopeId, instanceId: string): UngroupResult {
  const view = scopeGraph(doc, scope);
  const inst = view.nodes.find((n) => n.id === instanceId);
  const def = inst && inst.type === BLOCK_NODE_TYPE && typeof inst.params.block === 'string' ? doc.blocks[inst.params.block] : undefined;
  if (!inst || !def) return { ok: false };
  const params = instanceParams(def, inst.params);
  const defNodes = def.nodes.filter((n) => holds(n.when, params));
  const kept = new Set(defNodes.map((n) => n.id));
  const defEdges = def.edges.filter((e) => holds(e.when, params) && kept.has(e.source) && kept.has(e.target));
  const inEdges = view.edges.filter((e) => e.target === instanceId);
  const outEdges = view.edges.filter((e) => e.source === instanceId);
  const outside = { nodes: view.nodes.filter((n) => n.id !== instanceId), edges: view.edges.filter((e) => e.source !== instanceId && e.target !== instanceId) };
  const taken = new Set<string>([...view.nodes.map((n) => n.id), ...view.edges.map((e) => e.id)]);
  const fresh = (stem: string) => {
    const id = freshId(outside, stem, taken);
    taken.add(id);
    return id;
  };

  const portOf = new Map<string, number>();
  for (const n of defNodes) if (n.type === BLOCK_INPUT_TYPE) portOf.set(n.id, Number(n.params.index ?? 0));
  const outputId = defNodes.find((n) => n.type === BLOCK_OUTPUT_TYPE)?.id;
  const layers = defNodes.filter((n) => n.type !== BLOCK_INPUT_TYPE && n.type !== BLOCK_OUTPUT_TYPE);
  const minX = Math.min(...layers.map((n) => n.position.x));
  const minY = Math.min(...layers.map((n) => n.position.y));
  const maxY = Math.max(...layers.map((n) => n.position.y));
  const height = layers.length ? maxY - minY : 0;
  const idMap = new Map<string, string>();
  const added: GraphNode[] = layers.map((n) => {
    const id = fresh(`${instanceId}_${n.id}`);
    idMap.set(n.id, id);
    const resolved: Params = {};
    for (const [k, v] of Object.entries(n.params)) resolved[k] = resolveValue(v, params);
    const { when: _when, ...rest } = n;
    return { ...rest, id, params: resolved, position: { x: inst.position.x + n.position.x - minX, y: inst.position.y + n.position.y - minY } };
  });

  // What feeds a definition node from outside: the instance's source at that port.
  const sourcesFor = (defSource: string): string[] => {
    const port = portOf.get(defSource);
    if (port === undefined) return [idMap.get(defSource)!];
    return inEdges.filter((e) => e.targetPort === port).map((e) => e.source);
  };
  const wires: GraphEdge[] = [];
  for (const e of defEdges) {
    if (e.target === outputId) continue;
    for (const source of sourcesFor(e.source)) {
      const target = idMap.get(e.target)!;
      wires.push({ id: fresh(`${source}_${target}`), source, target, targetPort: e.targetPort });
    }
  }
  for (const e of defEdges.filter((x) => x.target === outputId)) {
    for (const source of sourcesFor(e.source)) {
      for (const o of outEdges) wires.push({ id: fresh(`${source}_${o.target}`), source, target: o.target, targetPort: o.targetPort });
    }
  }
  // Make room: push everything below the instance down by the expanded height.
  const shifted = outside.nodes.map((n) => (n.position.y > inst.position.y + 1 && height > 0 ? { ...n, position: { x: n.position.x, y: n.position.y + height } } : n));
  const next = replaceScopeGraph(doc, scope, { nodes: [...shifted, ...added], edges: [...outside.edges, ...wires] });
  return { ok: true, doc: next, nodeIds: added.map((n) => n.id) };
}

export function isBlockInstance(node: GraphNode | undefined): node is GraphNode & { params: { block: string } } {
  return !!node && node.type === BLOCK_NODE_TYPE && typeof node.params.block === 'string';
}
