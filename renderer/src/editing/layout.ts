// "Tidy": a layered top-to-bottom layout by ELK. Input ports of merge layers keep their
// order left to right, so the main path stays straight and shortcuts run beside it.
import ELK, { type ElkExtendedEdge, type ElkNode, type ElkPort } from 'elkjs/lib/elk.bundled.js';
import type { Position } from '../../../shared/graph/types';
import type { GraphView } from './scope';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;

let elk: InstanceType<typeof ELK> | null = null;

/**
 * Where input port i of n sits across the top of a node, as a fraction of its width. The
 * first input is in the middle, so the main path of a residual network runs straight
 * down; further inputs (the shortcut) sit to its right.
 */
export function portFraction(port: number, count: number): number {
  if (count <= 1) return 0.5;
  const step = Math.min(0.22, 0.45 / (count - 1));
  return 0.5 + port * step;
}

export type SizeOf = (nodeId: string) => { width: number; height: number } | undefined;

export async function layoutGraph(view: GraphView, sizeOf: SizeOf = () => undefined): Promise<Map<string, Position>> {
  elk ??= new ELK();
  const portsOf = new Map<string, Set<number>>();
  for (const e of view.edges) {
    const set = portsOf.get(e.target) ?? new Set<number>();
    set.add(e.targetPort);
    portsOf.set(e.target, set);
  }
  const children: ElkNode[] = view.nodes.map((n) => {
    const size = sizeOf(n.id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
    const inPorts = [...(portsOf.get(n.id) ?? [])].sort((a, b) => a - b);
    // Ports sit where the node draws its handles, so a chain of layers lines up straight.
    const slots = inPorts.length ? Math.max(...inPorts) + 1 : 1;
    const ports: ElkPort[] = [
      ...inPorts.map((p) => ({
        id: `${n.id}::in${p}`,
        width: 1,
        height: 1,
        x: portFraction(p, slots) * size.width,
        y: 0,
        layoutOptions: { 'elk.port.side': 'NORTH' },
      })),
      { id: `${n.id}::out`, width: 1, height: 1, x: size.width / 2, y: size.height, layoutOptions: { 'elk.port.side': 'SOUTH' } },
    ];
    return { id: n.id, width: size.width, height: size.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } };
  });
  const ids = new Set(view.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = view.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ id: e.id, sources: [`${e.source}::out`], targets: [`${e.target}::in${e.targetPort}`] }));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '60',
      'elk.layered.spacing.edgeNodeBetweenLayers': '24',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // Aligns each chain on one side instead of averaging: the main path stays one straight column.
      'elk.layered.nodePlacement.bk.fixedAlignment': 'LEFTDOWN',
      'elk.layered.crossingMinimization.semiInteractive': 'true',
      'elk.separateConnectedComponents': 'true',
    },
    children,
    edges,
  };
  const result = await elk.layout(graph);
  const out = new Map<string, Position>();
  for (const c of result.children ?? []) out.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return out;
}
