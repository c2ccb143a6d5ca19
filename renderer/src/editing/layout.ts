// "Tidy": a layered top-to-bottom layout by ELK. Input ports of merge layers keep their
// order left to right, so the main path stays straight and shortcuts run beside it.
import ELK, { type ElkExtendedEdge, type ElkNode, type ElkPort } from 'elkjs/lib/elk.bundled.js';
import type { Position } from '../../../shared/graph/types';
import type { GraphView } from './scope';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;

let elk: InstanceType<typeof ELK> | null = null;

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
    const ports: ElkPort[] = [
      ...inPorts.map((p, i) => ({
        id: `${n.id}::in${p}`,
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': String(i) },
      })),
      { id: `${n.id}::out`, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'SOUTH' } },
    ];
    return { id: n.id, width: size.width, height: size.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
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
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
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
