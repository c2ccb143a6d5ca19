// Stable, readable JSON for graph documents: keys in a fixed order, and anything short
// enough (a node, an edge, a shape) on one line, so a saved graph diffs one node per line.
import type { BlockDefinition, BlockParamSpec, GraphDocument, GraphEdge, GraphNode } from './types';

const WIDTH = 120;

/** Copies `obj` with `keys` first (in that order, undefined ones dropped), then any others. */
function ordered<T extends object>(obj: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k as string] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

const node = (n: GraphNode) => ordered(n, ['id', 'type', 'label', 'when', 'params', 'position']);
const edge = (e: GraphEdge) => ordered(e, ['id', 'source', 'target', 'targetPort', 'when']);
const paramSpec = (p: BlockParamSpec) => ordered(p, ['kind', 'default', 'options', 'min', 'max', 'label', 'help']);

function block(b: BlockDefinition): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(b.params)) params[k] = paramSpec(p);
  return ordered({ ...b, params, nodes: b.nodes.map(node), edges: b.edges.map(edge) }, ['id', 'name', 'description', 'params', 'nodes', 'edges']);
}

/** The one-line form of a value, or null as soon as it would pass `budget` characters. */
function compact(value: unknown, budget: number): string | null {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) ?? 'null';
    return text.length <= budget ? text : null;
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? value.map((v) => ['', v]) : Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return isArray ? '[]' : '{}';
  let out = isArray ? '[' : '{ ';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i];
    if (i > 0) out += ', ';
    if (!isArray) out += `${JSON.stringify(k)}: `;
    const part = compact(v, budget - out.length);
    if (part === null) return null;
    out += part;
  }
  out += isArray ? ']' : ' }';
  return out.length <= budget ? out : null;
}

/** Pretty JSON where a value stays on one line when it fits in WIDTH from its indent. */
function pretty(value: unknown, indent: string, used: number): string {
  const flat = compact(value, Math.max(WIDTH - indent.length - used, 0));
  if (flat !== null) return flat;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + pretty(v, inner, 1)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const lines = entries.map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + pretty(v, inner, key.length + 1);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The document as stable, pretty JSON text (ending in a newline) that parseDocument reads back. */
export function serializeDocument(doc: GraphDocument): string {
  const blocks: Record<string, unknown> = {};
  for (const key of Object.keys(doc.blocks).sort()) blocks[key] = block(doc.blocks[key]);
  const out = ordered({ ...doc, nodes: doc.nodes.map(node), edges: doc.edges.map(edge), blocks }, [
    'format',
    'version',
    'name',
    'nodes',
    'edges',
    'blocks',
    'meta',
  ]);
  return `${pretty(out, '', 0)}\n`;
}
