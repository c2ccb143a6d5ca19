// Turns the open scope of the document plus its shape analysis into React Flow nodes and
// edges. Unchanged nodes keep their object identity, so memoised node components skip
// re-rendering and a 500-node graph stays smooth while one node changes.
import type { Edge, Node } from '@xyflow/react';
import { getLayer } from '../../../shared/catalog';
import type { Fix } from '../../../shared/graph/edits';
import type { Message } from '../../../shared/i18n/messages';
import { BLOCK_NODE_TYPE, type GraphDocument, type GraphEdge, type GraphNode } from '../../../shared/graph/types';
import { handleForPort } from '../editing/connect';
import { formatShape } from '../editing/format';
import { NODE_HEIGHT, NODE_WIDTH } from '../editing/layout';
import { hasOutputPort, inputArity, visiblePortCount, type GraphView } from '../editing/scope';
import type { NodeView } from '../store/analysis';

export interface LayerNodeData extends Record<string, unknown> {
  type: string;
  /** The name the user gave the node, if any. */
  label: string | undefined;
  family: string;
  shape: string | null;
  params: number;
  /** Input handles to draw (0 for Input layers); > 1 shows numbered ports. */
  ports: number;
  /** Ports that have a wire. */
  usedPorts: number[];
  /** Ports always drawn, wired or not (the layer's minimum input count). */
  minPorts: number;
  /** Numbered ports (Add, Concatenate, blocks with several inputs). */
  multiInput: boolean;
  hasOutput: boolean;
  /** `text` lets the node show the message in the UI language. */
  errors: { message: string; text?: Message; fix?: Fix }[];
  isBlock: boolean;
  blockId: string | null;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

export interface ShapeEdgeData extends Record<string, unknown> {
  label: string;
  invalid: boolean;
  /** Enters a merge layer on a port after the first: a shortcut joining the main path. */
  joinsMain: boolean;
}

export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

function nodeData(doc: GraphDocument, node: GraphNode, info: NodeView | undefined, incoming: GraphEdge[]): LayerNodeData {
  const arity = inputArity(doc, node);
  const usedPorts = incoming.map((e) => e.targetPort);
  const isBlock = node.type === BLOCK_NODE_TYPE;
  const blockId = isBlock && typeof node.params.block === 'string' ? node.params.block : null;
  const family = isBlock ? 'Blocks' : (getLayer(node.type)?.family ?? 'Input/Output');
  return {
    type: node.type,
    label: node.label,
    family,
    shape: info?.outputShape ? formatShape(info.outputShape) : null,
    params: info ? info.trainableParams + info.nonTrainableParams : 0,
    ports: arity.max <= 1 ? arity.max : visiblePortCount(arity, usedPorts),
    usedPorts,
    minPorts: Math.min(arity.min, arity.max),
    multiInput: arity.max > 1,
    hasOutput: hasOutputPort(node),
    errors: info?.errors ?? [],
    isBlock,
    blockId,
  };
}

function sameData(a: LayerNodeData, b: LayerNodeData): boolean {
  return (
    a.type === b.type &&
    a.label === b.label &&
    a.family === b.family &&
    a.shape === b.shape &&
    a.params === b.params &&
    a.ports === b.ports &&
    a.minPorts === b.minPorts &&
    a.multiInput === b.multiInput &&
    a.hasOutput === b.hasOutput &&
    a.isBlock === b.isBlock &&
    a.blockId === b.blockId &&
    a.usedPorts.join() === b.usedPorts.join() &&
    a.errors.length === b.errors.length &&
    a.errors.every((e, i) => e.message === b.errors[i].message && e.fix?.title === b.errors[i].fix?.title)
  );
}

/** Keeps the previous build so unchanged nodes and edges are returned as the same objects. */
export class FlowModel {
  private nodes = new Map<string, LayerFlowNode>();
  private edges = new Map<string, ShapeFlowEdge>();

  buildNodes(doc: GraphDocument, view: GraphView, infos: ReadonlyMap<string, NodeView>, selected: ReadonlySet<string>): LayerFlowNode[] {
    const incoming = new Map<string, GraphEdge[]>();
    for (const e of view.edges) {
      const list = incoming.get(e.target);
      if (list) list.push(e);
      else incoming.set(e.target, [e]);
    }
    const next = new Map<string, LayerFlowNode>();
    const out = view.nodes.map((n) => {
      const data = nodeData(doc, n, infos.get(n.id), incoming.get(n.id) ?? []);
      const prev = this.nodes.get(n.id);
      const isSelected = selected.has(n.id);
      let rf: LayerFlowNode;
      if (prev && prev.position.x === n.position.x && prev.position.y === n.position.y && !!prev.selected === isSelected && sameData(prev.data, data)) {
        rf = prev;
      } else {
        rf = {
          id: n.id,
          type: 'layer',
          position: n.position,
          data: prev && sameData(prev.data, data) ? prev.data : data,
          selected: isSelected,
          measured: prev?.measured,
          // Used before the node is measured: fit-to-view and culling work for unseen nodes.
          initialWidth: NODE_WIDTH,
          initialHeight: NODE_HEIGHT + (data.isBlock ? 14 : 0),
          // A node with an error draws its note over the nodes beside it.
          zIndex: data.errors.length ? 10 : 0,
        };
      }
      next.set(n.id, rf);
      return rf;
    });
    this.nodes = next;
    return out;
  }

  buildEdges(doc: GraphDocument, view: GraphView, infos: ReadonlyMap<string, NodeView>, selected: ReadonlySet<string>): ShapeFlowEdge[] {
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    const next = new Map<string, ShapeFlowEdge>();
    const out = view.edges.map((e) => {
      const src = infos.get(e.source);
      const target = byId.get(e.target);
      const multi = target ? inputArity(doc, target).max > 1 : false;
      const label = src?.outputShape ? formatShape(src.outputShape) : '?';
      const invalid = !src?.outputShape || (src?.errors.length ?? 0) > 0;
      const targetHandle = handleForPort(multi ? e.targetPort : 0);
      const joinsMain = multi && e.targetPort > 0;
      const isSelected = selected.has(e.id);
      const prev = this.edges.get(e.id);
      const reuse =
        prev &&
        prev.source === e.source &&
        prev.target === e.target &&
        prev.targetHandle === targetHandle &&
        prev.data?.label === label &&
        prev.data?.invalid === invalid &&
        prev.data?.joinsMain === joinsMain &&
        !!prev.selected === isSelected;
      const rf: ShapeFlowEdge = reuse
        ? prev
        : { id: e.id, type: 'shape', source: e.source, target: e.target, sourceHandle: 'out', targetHandle, data: { label, invalid, joinsMain }, selected: isSelected };
      next.set(e.id, rf);
      return rf;
    });
    this.edges = next;
    return out;
  }
}
