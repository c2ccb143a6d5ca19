// Turns the open scope of the document into React Flow nodes and edges. What a node shows
// from shape inference (shape, parameters, errors) is not in these objects: each node and
// wire selects its own info from the analysis store. So an edit that only changes shapes
// hands React Flow the very same objects, and one that changes a node rebuilds that node only.
import type { Edge, Node, NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import { getLayer } from '../../../shared/catalog';
import { BLOCK_NODE_TYPE, type GraphDocument, type GraphEdge, type GraphNode } from '../../../shared/graph/types';
import { handleForPort, portFromHandle } from '../editing/connect';
import { NODE_WIDTH, portFraction } from '../editing/layout';
import { hasOutputPort, inputArity, visiblePortCount, type GraphView } from '../editing/scope';
import type { NodeView } from '../store/analysis';

export interface LayerNodeData extends Record<string, unknown> {
  type: string;
  /** The name the user gave the node, if any. */
  label: string | undefined;
  family: string;
  /** Input handles to draw (0 for Input layers); > 1 shows numbered ports. */
  ports: number;
  /** Ports that have a wire. */
  usedPorts: number[];
  /** Ports always drawn, wired or not (the layer's minimum input count). */
  minPorts: number;
  /** Numbered ports (Add, Concatenate, blocks with several inputs). */
  multiInput: boolean;
  hasOutput: boolean;
  isBlock: boolean;
  blockId: string | null;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

export interface ShapeEdgeData extends Record<string, unknown> {
  /** Enters a merge layer on a port after the first: a shortcut joining the main path. */
  joinsMain: boolean;
}

export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

type Size = { width: number; height: number };

/** Input ports drawn on a node: while a wire is dragged, a merge layer also shows its spare port. */
export function shownPortCount(data: LayerNodeData, connecting: boolean): number {
  if (connecting) return data.ports;
  return Math.max(data.minPorts, Math.min(data.ports, data.usedPorts.length ? Math.max(...data.usedPorts) + 1 : 0));
}

// Where LayerNode's handles sit, from app.css: the node's 1px side and 3px top borders,
// 11px handles (17px numbered ones) centred on the top and bottom edges.
const BORDER_SIDE = 1;
const BORDER_TOP = 3;
const HANDLE = 11;
const NUMBERED_HANDLE = 17;
/** Heights as drawn with the default fonts; replaced by real ones once a node of the kind is measured. */
const DRAWN_HEIGHT = { layer: 54, block: 67 };

/**
 * The handles of a node that has not been measured yet. React Flow draws every node once to
 * measure it unless told its size and where its handles are; at 1,000 nodes that first draw
 * is most of the time to open a project, and measuring each node as it scrolls into view
 * costs a layout and a store update per node. Given both, a node drawn at the size we said
 * is not measured at all; one drawn at another size (other fonts) is measured as usual.
 */
export function estimatedHandles(data: LayerNodeData, size: Size): NodeHandle[] {
  const inner = size.width - 2 * BORDER_SIDE;
  const count = shownPortCount(data, false);
  const handles: NodeHandle[] = [];
  const side = data.multiInput ? NUMBERED_HANDLE : HANDLE;
  for (let port = 0; port < count; port++) {
    const x = BORDER_SIDE + portFraction(port, count) * inner - side / 2;
    handles.push({ id: handleForPort(port), type: 'target', position: Position.Top, x, y: BORDER_TOP - side / 2, width: side, height: side });
  }
  if (data.hasOutput) {
    // The output handle is centred on the bottom border's inner edge.
    handles.push({ id: 'out', type: 'source', position: Position.Bottom, x: BORDER_SIDE + inner / 2 - HANDLE / 2, y: size.height - 1 - HANDLE / 2, width: HANDLE, height: HANDLE });
  }
  return handles;
}

/** A node's box on the canvas: its measured size, or the size it was given. */
export function nodeBox(n: LayerFlowNode): { x: number; y: number; width: number; height: number } {
  return { x: n.position.x, y: n.position.y, width: n.measured?.width ?? n.initialWidth ?? NODE_WIDTH, height: n.measured?.height ?? n.initialHeight ?? DRAWN_HEIGHT.layer };
}

/** Where a wire's ends are, from its nodes' boxes and the port it enters (as estimatedHandles places them). */
export function wireEnds(source: LayerFlowNode, target: LayerFlowNode, edge: ShapeFlowEdge) {
  const s = nodeBox(source);
  const t = nodeBox(target);
  const port = portFromHandle(edge.targetHandle) ?? 0;
  const count = Math.max(shownPortCount(target.data, false), port + 1);
  return {
    sourceX: s.x + s.width / 2,
    sourceY: s.y + s.height,
    targetX: t.x + BORDER_SIDE + portFraction(port, count) * (t.width - 2 * BORDER_SIDE),
    targetY: t.y,
    joinsMain: edge.data?.joinsMain ?? false,
  };
}

function nodeData(doc: GraphDocument, node: GraphNode, incoming: GraphEdge[]): LayerNodeData {
  const arity = inputArity(doc, node);
  const usedPorts = incoming.map((e) => e.targetPort);
  const isBlock = node.type === BLOCK_NODE_TYPE;
  const blockId = isBlock && typeof node.params.block === 'string' ? node.params.block : null;
  const family = isBlock ? 'Blocks' : (getLayer(node.type)?.family ?? 'Input/Output');
  return {
    type: node.type,
    label: node.label,
    family,
    ports: arity.max <= 1 ? arity.max : visiblePortCount(arity, usedPorts),
    usedPorts,
    minPorts: Math.min(arity.min, arity.max),
    multiInput: arity.max > 1,
    hasOutput: hasOutputPort(node),
    isBlock,
    blockId,
  };
}

function incomingEdges(edges: readonly GraphEdge[]): Map<string, GraphEdge[]> {
  const incoming = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const list = incoming.get(e.target);
    if (list) list.push(e);
    else incoming.set(e.target, [e]);
  }
  return incoming;
}

function sameData(a: LayerNodeData, b: LayerNodeData): boolean {
  if (a === b) return true;
  return (
    a.type === b.type &&
    a.label === b.label &&
    a.family === b.family &&
    a.ports === b.ports &&
    a.minPorts === b.minPorts &&
    a.multiInput === b.multiInput &&
    a.hasOutput === b.hasOutput &&
    a.isBlock === b.isBlock &&
    a.blockId === b.blockId &&
    a.usedPorts.length === b.usedPorts.length &&
    a.usedPorts.every((p, i) => p === b.usedPorts[i])
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Keeps the previous build so unchanged nodes and edges are returned as the same objects,
 * and the same array when nothing changed at all. Also remembers measured node sizes.
 */
export class FlowModel {
  private nodes = new Map<string, LayerFlowNode>();
  private edges = new Map<string, ShapeFlowEdge>();
  private nodeList: LayerFlowNode[] = [];
  private edgeList: ShapeFlowEdge[] = [];
  private measured = new Map<string, Size>();
  private drawnHeight = { ...DRAWN_HEIGHT };
  /** What the last build was made from: a node whose document object, wires and block
   * definitions are all the same objects needs no new data (most nodes, after most edits). */
  private sourceNodes = new Map<string, GraphNode>();
  private sourceEdges: readonly GraphEdge[] = [];
  private sourceBlocks: GraphDocument['blocks'] | null = null;
  private edgeSources = new Map<string, { edge: GraphEdge; target: GraphNode | undefined }>();
  private edgeBlocks: GraphDocument['blocks'] | null = null;

  /** Records sizes React Flow measured, so rebuilt nodes carry them (and need no estimates). */
  noteMeasured(id: string, size: Size, isBlock: boolean): void {
    this.measured.set(id, size);
    this.drawnHeight[isBlock ? 'block' : 'layer'] = size.height;
  }

  /** A node's size: measured, or as a node of its kind is drawn. */
  sizeOf(id: string, isBlock: boolean): Size {
    return this.measured.get(id) ?? { width: NODE_WIDTH, height: this.drawnHeight[isBlock ? 'block' : 'layer'] };
  }

  buildNodes(doc: GraphDocument, view: GraphView, infos: ReadonlyMap<string, NodeView>, selected: ReadonlySet<string>): LayerFlowNode[] {
    const sameWiring = doc.blocks === this.sourceBlocks && sameList(view.edges, this.sourceEdges);
    let incoming: Map<string, GraphEdge[]> | null = null;
    const next = new Map<string, LayerFlowNode>();
    const out = view.nodes.map((n) => {
      const prev = this.nodes.get(n.id);
      const data = prev && sameWiring && this.sourceNodes.get(n.id) === n ? prev.data : nodeData(doc, n, (incoming ??= incomingEdges(view.edges)).get(n.id) ?? []);
      const isSelected = selected.has(n.id);
      // A node with an error draws its note over the nodes beside it.
      const zIndex = (infos.get(n.id)?.errors.length ?? 0) > 0 ? 10 : 0;
      const measured = this.measured.get(n.id);
      let rf: LayerFlowNode;
      if (
        prev &&
        prev.position.x === n.position.x &&
        prev.position.y === n.position.y &&
        !!prev.selected === isSelected &&
        prev.zIndex === zIndex &&
        sameData(prev.data, data)
      ) {
        rf = prev;
      } else {
        const size = this.sizeOf(n.id, data.isBlock);
        rf = {
          id: n.id,
          type: 'layer',
          position: n.position,
          data: prev && sameData(prev.data, data) ? prev.data : data,
          selected: isSelected,
          measured: size,
          // Used before the node is measured: fit-to-view and culling work for unseen nodes.
          initialWidth: size.width,
          initialHeight: size.height,
          zIndex,
        };
        if (!measured) rf.handles = estimatedHandles(data, size);
      }
      next.set(n.id, rf);
      return rf;
    });
    this.nodes = next;
    this.sourceNodes = new Map(view.nodes.map((n) => [n.id, n]));
    this.sourceEdges = view.edges;
    this.sourceBlocks = doc.blocks;
    for (const id of this.measured.keys()) if (!next.has(id)) this.measured.delete(id);
    if (sameList(out, this.nodeList)) return this.nodeList;
    this.nodeList = out;
    return out;
  }

  buildEdges(doc: GraphDocument, view: GraphView, selected: ReadonlySet<string>): ShapeFlowEdge[] {
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    const sameBlocks = doc.blocks === this.edgeBlocks;
    const next = new Map<string, ShapeFlowEdge>();
    const sources = new Map<string, { edge: GraphEdge; target: GraphNode | undefined }>();
    const out = view.edges.map((e) => {
      const target = byId.get(e.target);
      const prev = this.edges.get(e.id);
      const isSelected = selected.has(e.id);
      const source = this.edgeSources.get(e.id);
      sources.set(e.id, { edge: e, target });
      if (prev && sameBlocks && source?.edge === e && source.target === target && !!prev.selected === isSelected) {
        next.set(e.id, prev);
        return prev;
      }
      const multi = target ? inputArity(doc, target).max > 1 : false;
      const targetHandle = handleForPort(multi ? e.targetPort : 0);
      const joinsMain = multi && e.targetPort > 0;
      const reuse =
        prev &&
        prev.source === e.source &&
        prev.target === e.target &&
        prev.targetHandle === targetHandle &&
        prev.data?.joinsMain === joinsMain &&
        !!prev.selected === isSelected;
      const rf: ShapeFlowEdge = reuse ? prev : { id: e.id, type: 'shape', source: e.source, target: e.target, sourceHandle: 'out', targetHandle, data: { joinsMain }, selected: isSelected };
      next.set(e.id, rf);
      return rf;
    });
    this.edges = next;
    this.edgeSources = sources;
    this.edgeBlocks = doc.blocks;
    if (sameList(out, this.edgeList)) return this.edgeList;
    this.edgeList = out;
    return out;
  }
}
