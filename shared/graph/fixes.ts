// Fixes that need the whole graph, where a layer rule alone cannot see enough: renumbering
// input ports, breaking a cycle, and switching a block instance to its projection shortcut.
// Each is plain data applied by applyEdits.
import { makeFix } from '../catalog';
import { blockNameArg, msg } from '../i18n/messages';
import type { Fix, GraphEdit } from './edits';
import { nodeName } from './format';
import { incomingOf, type GraphIndex } from './topology';
import type { BlockDefinition, GraphEdge, GraphNode } from './types';

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
