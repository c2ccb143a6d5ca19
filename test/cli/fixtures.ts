// Small graph files for the CLI tests, written as a user's editor would save them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeDocument } from '../../shared/graph/serialize';
import type { GraphDocument, GraphEdge, GraphNode, Params } from '../../shared/graph/types';
import { buildTemplate } from '../../shared/templates/index';

const node = (id: string, type: string, params: Params = {}, y = 0): GraphNode => ({ id, type, params, position: { x: 0, y } });
const edge = (source: string, target: string, targetPort = 0): GraphEdge => ({ id: `${source}-${target}`, source, target, targetPort });
const doc = (name: string, nodes: GraphNode[], edges: GraphEdge[]): GraphDocument => ({ format: 'reswire.graph', version: 2, name, nodes, edges, blocks: {} });

/** A hand-wired residual net whose shortcut skips a stride-2 conv: the Add sees two shapes. */
export const mismatchedShortcut = doc(
  'mismatched shortcut',
  [
    node('x', 'Input', { shape: [32, 32, 3] }),
    node('c1', 'Conv2D', { filters: 16 }, 100),
    node('c2', 'Conv2D', { filters: 32, strides: 2 }, 200),
    node('add', 'Add', {}, 300),
    node('gap', 'GlobalAvgPool2D', {}, 400),
    node('fc', 'Dense', { units: 10 }, 500),
    node('out', 'Output', { classes: 10 }, 600),
  ],
  [edge('x', 'c1'), edge('c1', 'c2'), edge('c2', 'add', 0), edge('c1', 'add', 1), edge('add', 'gap'), edge('gap', 'fc'), edge('fc', 'out')],
);

/** An error no fix can repair: a Dense with 0 units. */
export const zeroUnits = doc('zero units', [node('x', 'Input', { shape: [8] }), node('fc', 'Dense', { units: 0 }, 100), node('out', 'Output', { classes: 10 }, 200)], [
  edge('x', 'fc'),
  edge('fc', 'out'),
]);

/** ResNet-8 with an identity shortcut where the shape changes (the block's own fix applies). */
export function identityWhereProjectionNeeded(): GraphDocument {
  const d = buildTemplate('resnet', { depth: 8 });
  d.nodes.find((n) => n.id === 'stage2_block1')!.params.shortcut = 'identity';
  return d;
}

export function writeGraph(dir: string, name: string, d: GraphDocument): string {
  const file = join(dir, name);
  writeFileSync(file, serializeDocument(d));
  return file;
}
