// Flattening a template: every block instance expanded into its layers. Instances sit one
// row apart in the block view; expanded, each needs the height of its definition, so the
// rows below it move down first and the flat graph stays a readable, non-overlapping column.
import { expandBlocks } from '../graph/blocks';
import type { GraphDocument } from '../graph/types';
import { BLOCK_NODE_TYPE } from '../graph/types';

function definitionHeight(doc: GraphDocument, defId: unknown): number {
  const def = typeof defId === 'string' ? doc.blocks[defId] : undefined;
  if (!def || def.nodes.length === 0) return 0;
  const ys = def.nodes.map((n) => n.position.y);
  return Math.max(...ys) - Math.min(...ys);
}

/** The template with every block instance expanded (ids `instance/inner`), laid out without overlaps. */
export function flattenTemplate(doc: GraphDocument): GraphDocument {
  let shift = 0;
  const moved = new Map<string, number>();
  for (const n of [...doc.nodes].sort((a, b) => a.position.y - b.position.y)) {
    moved.set(n.id, n.position.y + shift);
    if (n.type === BLOCK_NODE_TYPE) shift += definitionHeight(doc, n.params.block);
  }
  const spaced = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x, y: moved.get(n.id)! } })) };
  return expandBlocks(spaced);
}
