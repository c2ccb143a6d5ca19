// Fixes that need the whole graph, where a layer rule alone cannot see enough: renumbering
// input ports, breaking a cycle, projecting a Multiply's odd input, and switching a block
// instance to its projection shortcut. Each is plain data applied by applyEdits.
import { insertOnEdges, type EdgeInsertion } from '../catalog';
import type { LayerContext } from '../catalog';
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
  return { title: `Renumber the inputs of ${nodeName(node)} as ports ${last === 0 ? '0' : `0 to ${last}`}`, edits };
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
      return { title: `Remove the connection ${edge.source} → ${edge.target}`, edits: [{ op: 'removeEdge', edgeId: edge.id }] };
    }
  }
  return undefined;
}

export function deleteNodeFix(node: GraphNode, why: string): Fix {
  return { title: `Delete ${why} ${nodeName(node)}`, edits: [{ op: 'removeNode', nodeId: node.id }] };
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
  const what = new Set<string>();
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.every((d, k) => d === target[k])) continue;
    if (rank === 1) {
      insertions.push({ port: i, layers: [{ type: 'Dense', params: { units: target[0], useBias: false }, idStem: 'proj' }] });
      what.add(`a Dense(${target[0]}) projection`);
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
    what.add(`a 1x1 projection (stride ${sh === sw ? sh : `${sh}x${sw}`}, ${target[2]} filters) + BatchNorm`);
  }
  if (insertions.length === 0) return undefined;
  const where = insertions.length === 1 ? `the shortcut (input ${insertions[0].port})` : `inputs ${insertions.map((x) => x.port).join(', ')}`;
  return insertOnEdges(ctx, insertions, `Insert ${[...what].join(' / ')} on ${where} into ${type} ${ctx.nodeId}`);
}

/**
 * When a block's inner merge is fed mismatched shapes and the block offers a projection
 * shortcut (an enum param `shortcut` with the option 'projection'), the fix is to switch
 * the instance to it rather than to edit the shared definition.
 */
export function projectionShortcutFix(instance: GraphNode, def: BlockDefinition, current: unknown): Fix | undefined {
  const spec = def.params.shortcut;
  if (!spec || spec.kind !== 'enum' || !(spec.options ?? []).includes('projection') || current === 'projection') return undefined;
  return {
    title: `Use a projection shortcut in block ${instance.id} (${def.name})`,
    edits: [{ op: 'setParams', nodeId: instance.id, params: { shortcut: 'projection' } }],
  };
}
