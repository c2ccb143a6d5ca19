// Small documents for the editing tests.
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument, type GraphEdge, type GraphNode } from '../../../shared/graph/types';

export function n(id: string, type: string, params: GraphNode['params'] = {}, y = 0): GraphNode {
  return { id, type, params, position: { x: 0, y } };
}

export function e(source: string, target: string, targetPort = 0): GraphEdge {
  return { id: `${source}_${target}_${targetPort}`, source, target, targetPort };
}

export function doc(nodes: GraphNode[], edges: GraphEdge[], blocks: GraphDocument['blocks'] = {}): GraphDocument {
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name: 'test', nodes, edges, blocks };
}

/** input -> conv1 -> bn -> relu -> conv2 -> add(0); input -> add(1) -> out */
export function residualChain(): GraphDocument {
  return doc(
    [
      n('input', 'Input', { shape: [32, 32, 32] }, 0),
      n('conv1', 'Conv2D', { filters: 32 }, 100),
      n('bn', 'BatchNorm', {}, 200),
      n('relu', 'Activation', { activation: 'relu' }, 300),
      n('conv2', 'Conv2D', { filters: 32 }, 400),
      n('add', 'Add', {}, 500),
      n('gap', 'GlobalAvgPool2D', {}, 600),
    ],
    [e('input', 'conv1'), e('conv1', 'bn'), e('bn', 'relu'), e('relu', 'conv2'), e('conv2', 'add', 0), e('input', 'add', 1), e('add', 'gap')],
  );
}
