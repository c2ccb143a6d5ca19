// Block expansion: replaces every block instance by the concrete graph of its definition,
// so compilers and exporters only ever see plain layers. Instance `b1` of a definition with
// inner node `conv` becomes node `b1/conv`; nested instances recurse (`b1/inner/conv`).
import { blockNameArg, english, list, msg, type Message } from '../i18n/messages';
import { blockPorts, instantiateBlock, resolveInstanceParams } from './block-defs';
import { BLOCK_NODE_TYPE, type BlockDefinition, type GraphDocument, type GraphEdge, type GraphNode } from './types';

/** A block that cannot be expanded: a missing definition, bad params, or a block inside itself. */
export class BlockError extends Error {
  /** The message as a code and args, for other languages (not enumerable, like `message`). */
  declare readonly text?: Message;
  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : english(message));
    if (typeof message !== 'string') Object.defineProperty(this, 'text', { value: message });
  }
}

interface FlatGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function expandGraph(nodes: GraphNode[], edges: GraphEdge[], blocks: Record<string, BlockDefinition>, stack: string[]): FlatGraph {
  if (!nodes.some((n) => n.type === BLOCK_NODE_TYPE)) return { nodes, edges };
  const outNodes: GraphNode[] = [];
  const outEdges: GraphEdge[] = [];
  // Port nodes of the instances expanded at this level; they are bypassed at the end.
  const passThrough = new Set<string>();
  const instances = new Map<string, { inputs: Map<number, string>; output: string | null }>();

  for (const node of nodes) {
    if (node.type !== BLOCK_NODE_TYPE) {
      outNodes.push(node);
      continue;
    }
    const defId = node.params.block;
    const def = typeof defId === 'string' && Object.hasOwn(blocks, defId) ? blocks[defId] : undefined;
    if (!def) throw new BlockError(msg('block.missingDefinitionToExpand', { id: node.id, ref: String(JSON.stringify(defId)) }));
    if (stack.includes(def.id)) throw new BlockError(msg('block.containsItself', { def: def.id, cycle: list([...stack, def.id], 'arrow') }));
    const block = { id: node.id, name: blockNameArg(def.id, def.name) };
    const { values, errors } = resolveInstanceParams(def, node.params);
    if (errors.length > 0) throw new BlockError(msg('block.problem', { ...block, problem: errors[0].text ?? errors[0].message }));
    const concrete = instantiateBlock(def, values);
    if (concrete.texts.length > 0) throw new BlockError(msg('block.problem', { ...block, problem: concrete.texts[0] }));
    const inner = expandGraph(concrete.nodes, concrete.edges, blocks, [...stack, def.id]);

    const prefix = `${node.id}/`;
    const ports = blockPorts(inner.nodes);
    if (ports.output === null) throw new BlockError(msg('block.noOutputToExpand', block));
    instances.set(node.id, {
      inputs: new Map([...ports.inputs].map(([k, id]) => [k, prefix + id])),
      output: prefix + ports.output,
    });
    // The definition's top-left corner lands on the instance's position.
    const minX = Math.min(...inner.nodes.map((n) => n.position.x));
    const minY = Math.min(...inner.nodes.map((n) => n.position.y));
    for (const n of inner.nodes) {
      const id = prefix + n.id;
      if (n.id === ports.output || [...ports.inputs.values()].includes(n.id)) passThrough.add(id);
      outNodes.push({ ...n, id, position: { x: node.position.x + n.position.x - minX, y: node.position.y + n.position.y - minY } });
    }
    for (const e of inner.edges) outEdges.push({ ...e, id: prefix + e.id, source: prefix + e.source, target: prefix + e.target });
  }

  for (const e of edges) {
    const into = instances.get(e.target);
    const from = instances.get(e.source);
    const target = into ? into.inputs.get(e.targetPort) : e.target;
    const source = from ? from.output : e.source;
    // An edge into a port the definition does not have leads nowhere.
    if (target === undefined || source === null) continue;
    outEdges.push({ ...e, source, target, targetPort: into ? 0 : e.targetPort });
  }
  return bypass(outNodes, outEdges, passThrough);
}

/** Removes pass-through port nodes, wiring each consumer straight to the real producer. */
function bypass(nodes: GraphNode[], edges: GraphEdge[], passThrough: Set<string>): FlatGraph {
  const feeder = new Map<string, string>();
  for (const e of edges) if (passThrough.has(e.target) && !feeder.has(e.target)) feeder.set(e.target, e.source);
  const realSource = (id: string): string | undefined => {
    let current: string | undefined = id;
    for (let hops = 0; current !== undefined && passThrough.has(current); hops++) {
      if (hops > passThrough.size) return undefined;
      current = feeder.get(current);
    }
    return current;
  };
  const used = new Set<string>();
  const outEdges: GraphEdge[] = [];
  for (const e of edges) {
    if (passThrough.has(e.target)) continue;
    const source = realSource(e.source);
    // A port nobody feeds: its consumers lose that input, and inference will say so.
    if (source === undefined) continue;
    let id = e.id;
    for (let i = 2; used.has(id); i++) id = `${e.id}_${i}`;
    used.add(id);
    outEdges.push(source === e.source && id === e.id ? e : { ...e, id, source });
  }
  return { nodes: nodes.filter((n) => !passThrough.has(n.id)), edges: outEdges };
}

/**
 * A flat copy of the document with no block instances left: every instance replaced by its
 * definition's layers (ids `instance/inner`), params resolved, conditional parts kept only
 * when their condition holds, and ports wired to what fed and consumed the instance.
 * Throws BlockError for a missing definition, invalid instance params or a self-containing block.
 */
export function expandBlocks(doc: GraphDocument): GraphDocument {
  const flat = expandGraph(doc.nodes, doc.edges, doc.blocks, []);
  return { ...doc, nodes: flat.nodes, edges: flat.edges, blocks: {} };
}
