// Fixes that need the whole graph, where a layer rule alone cannot see enough: renumbering
// input ports, breaking a cycle, projecting a Multiply's odd input, and switching a block
// instance to its projection shortcut. Each is plain data applied by applyEdits.
import { insertOnEdges, makeFix, type EdgeInsertion } from '../catalog';
import type { LayerContext } from '../catalog';
import { blockNameArg, english, list, msg, type Message } from '../i18n/messages';
import type { Fix, GraphEdit } from './edits';
import { nodeName } from './format';
import { incomingOf, type GraphIndex } from './topology';
import type { BlockDefinition, GraphEdge, GraphNode, Shape } from './types';

/** Gives the node's inputs ports 0, 1, 2, ... in their current order. */
export function renumberPortsFix(node: GraphNode, incoming: readonly GraphEdge[]): Fix {
  const edits: GraphEdit[] = [];
  incoming.forEach((e, port) => {
    if (e.targetPort === port) return;
    edits.push({ op: 'removeEdge', edgeId: e.id }, { op: 'addEdge', edge: { ...e, targetPort: port } });
  });
  const last = incoming.length - 1;
  const title = last === 0 ? msg('fix.renumberPort0', { node: nodeName(node) }) : msg('fix.renumberPorts', { node: nodeName(node), last });
  return makeFix(title, edits);
}

/**
 * Breaks a cycle [a, b, ..., a] by removing the first of its connections whose target keeps
 * enough inputs without it, starting from the one that closes the loop; none if every
 * removal would starve a layer.
 */
export function breakCycleFix(index: GraphIndex, cycle: readonly string[], minInputs: (node: GraphNode) => number): Fix | undefined {
  const hops: GraphEdge[] = [];
  for (let i = 0; i + 1 < cycle.length; i++) {
    const edge = incomingOf(index, cycle[i + 1]).find((e) => e.source === cycle[i]);
    if (edge) hops.push(edge);
  }
  for (const edge of hops.reverse()) {
    const target = index.byId.get(edge.target)!;
    if (incomingOf(index, edge.target).length - 1 >= minInputs(target)) {
      return makeFix(msg('fix.removeConnection', { source: edge.source, target: edge.target }), [{ op: 'removeEdge', edgeId: edge.id }]);
    }
  }
  return undefined;
}

export function deleteNodeFix(node: GraphNode, why: 'misplaced' | 'unconnected'): Fix {
  const title = msg(why === 'misplaced' ? 'fix.deleteMisplaced' : 'fix.deleteUnconnected', { node: nodeName(node) });
  return makeFix(title, [{ op: 'removeNode', nodeId: node.id }]);
}

/** The stride that takes `from` to `to` with padding 'same' (ceil division), if any. */
function strideBetween(from: number, to: number): number | undefined {
  for (let s = 1; s <= from; s++) if (Math.ceil(from / s) === to) return s;
  return undefined;
}

/**
 * For an elementwise merge (Multiply; the catalog's Add builds its own) fed different shapes.
 * Rule, the same as Add's: the target is the input that went furthest (smallest map, then
 * most channels; for vectors port 0); every other input is a shortcut projected onto it,
 * with a 1x1 Conv2D (filters = target channels, strides = size ratio, padding same, no
 * bias) + BatchNorm for feature maps, or a Dense without bias for vectors.
 */
export function mergeProjectionFix(type: string, ctx: LayerContext<unknown>): Fix | undefined {
  const shapes: Shape[] = ctx.inputs;
  const rank = shapes[0].length;
  if ((rank !== 1 && rank !== 3) || shapes.some((s) => s.length !== rank)) return undefined;
  let ref = 0;
  if (rank === 3) {
    shapes.forEach((s, i) => {
      const r = shapes[ref];
      if (s[0] * s[1] < r[0] * r[1] || (s[0] * s[1] === r[0] * r[1] && s[2] > r[2])) ref = i;
    });
  }
  const target = shapes[ref];
  const insertions: EdgeInsertion[] = [];
  // Each kind of projection is named once, however many inputs get it.
  const what = new Map<string, Message>();
  const name = (m: Message) => what.set(english(m), m);
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.every((d, k) => d === target[k])) continue;
    if (rank === 1) {
      insertions.push({ port: i, layers: [{ type: 'Dense', params: { units: target[0], useBias: false }, idStem: 'proj' }] });
      name(msg('merge.denseProjection', { units: target[0] }));
      continue;
    }
    const sh = strideBetween(s[0], target[0]);
    const sw = strideBetween(s[1], target[1]);
    if (sh === undefined || sw === undefined) return undefined;
    insertions.push({
      port: i,
      layers: [
        { type: 'Conv2D', params: { filters: target[2], kernelSize: 1, strides: sh === sw ? sh : [sh, sw], padding: 'same', useBias: false }, idStem: 'proj' },
        { type: 'BatchNorm', params: {}, idStem: 'proj_bn' },
      ],
    });
    name(msg('fix.convProjectionBn', { stride: sh === sw ? sh : `${sh}x${sw}`, filters: target[2] }));
  }
  if (insertions.length === 0) return undefined;
  const where =
    insertions.length === 1
      ? msg('fix.theShortcut', { port: insertions[0].port })
      : msg('fix.inputs', { ports: list(insertions.map((x) => x.port), 'comma') });
  return insertOnEdges(ctx, insertions, msg('fix.insertProjectionOn', { what: list([...what.values()], 'slash'), where, node: `${type} ${ctx.nodeId}` }));
}

/**
 * When a block's inner merge is fed mismatched shapes and the block offers a projection
 * shortcut (an enum param `shortcut` with the option 'projection'), the fix is to switch
 * the instance to it rather than to edit the shared definition.
 */
export function projectionShortcutFix(instance: GraphNode, def: BlockDefinition, current: unknown): Fix | undefined {
  const spec = def.params.shortcut;
  if (!spec || spec.kind !== 'enum' || !(spec.options ?? []).includes('projection') || current === 'projection') return undefined;
  return makeFix(msg('fix.projectionShortcut', { id: instance.id, name: blockNameArg(def.id, def.name) }), [
    { op: 'setParams', nodeId: instance.id, params: { shortcut: 'projection' } },
  ]);
}
