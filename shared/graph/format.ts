// Small formatting helpers shared by every message the graph code writes, so shapes, node
// names and document paths read the same everywhere.
import type { GraphNode, Shape } from './types';

export { formatShape } from '../catalog/format';

/** How a node is named in messages: its type then its id, e.g. `Conv2D n3`. */
export function nodeName(node: Pick<GraphNode, 'id' | 'type'>): string {
  return `${node.type} ${node.id}`;
}

/** A document path in the user's notation: nodes[3].position.x, blocks.res.nodes[0]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const k = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(k)) out += out ? `.${k}` : k;
      else out += `[${JSON.stringify(k)}]`;
    }
  }
  return out || 'the document';
}

export function shapesEqual(a: Shape | null, b: Shape | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
