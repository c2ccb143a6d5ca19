// Graph document -> TF.js layers model (functional API): expand blocks, check the graph with
// whole-graph inference, then tf.input + layer.apply per node in topological order. TF.js
// layer names come from node ids, and every TF.js error is attached to the node that raised it.
import * as tfjs from '@tensorflow/tfjs';
import { getLayer, type Loss, normalizeParams } from '../../../shared/catalog';
import { type GraphDocument, type GraphError, type GraphNode, expandBlocks, inferGraph } from '../../../shared/graph';
import { indexGraph, incomingOf, topologicalOrder } from '../../../shared/graph/topology';
import { type Built, isMappedType, LAYER_BUILDERS, type MappedType } from './layers';
import { layerNameFor } from './names';

export interface CompiledModel {
  model: tfjs.LayersModel;
  inputNodeId: string;
  outputNodeId: string;
  /** One sample's shape, without the batch. */
  inputShape: number[];
  classes: number;
  loss: Loss;
  /** Node id (after block expansion, e.g. "b1/conv1") -> the TF.js name of its main layer. */
  layerOfNode: Map<string, string>;
}

/** A graph that cannot become a model: the message says why, nodeId says where (when known). */
export class CompileError extends Error {
  readonly nodeId: string | null;
  /** Every problem whole-graph inference found, when that is why compiling stopped. */
  readonly errors: GraphError[];

  constructor(message: string, nodeId: string | null, errors: GraphError[] = []) {
    super(message);
    this.name = 'CompileError';
    this.nodeId = nodeId;
    this.errors = errors;
  }
}

function describe(node: GraphNode): string {
  return node.label ? `${node.type} ${node.id} ("${node.label}")` : `${node.type} ${node.id}`;
}

function onlyNode(nodes: GraphNode[], type: 'Input' | 'Output'): GraphNode {
  const found = nodes.filter((n) => n.type === type);
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new CompileError(`The graph has no ${type} layer; add one.`, null);
  throw new CompileError(
    `The graph has ${found.length} ${type} layers (${found.map((n) => n.id).join(', ')}); a trainable model needs exactly one. Remove the extra ones.`,
    found[1].id,
  );
}

/**
 * Builds the TF.js model of a graph document. Throws CompileError for an invalid graph (with
 * inference's errors) or when TF.js rejects a layer (with that node's id).
 */
export function compileGraph(doc: GraphDocument, tf: typeof tfjs = tfjs): CompiledModel {
  const analysis = inferGraph(doc);
  if (!analysis.valid) {
    const first = analysis.errors[0];
    const more = analysis.errors.length > 1 ? ` (${analysis.errors.length - 1} more problem${analysis.errors.length > 2 ? 's' : ''} found)` : '';
    throw new CompileError(`The graph cannot be compiled: ${first.message}${more}`, first.nodeId, analysis.errors);
  }
  let flat: GraphDocument;
  try {
    flat = expandBlocks(doc);
  } catch (e) {
    throw new CompileError((e as Error).message, null);
  }
  const index = indexGraph(flat.nodes, flat.edges);
  const { order, blocked } = topologicalOrder(index);
  if (blocked.length > 0) throw new CompileError(`The graph has a cycle through ${blocked.join(', ')}; remove one of its edges.`, blocked[0]);
  const input = onlyNode(flat.nodes, 'Input');
  const output = onlyNode(flat.nodes, 'Output');

  const built = new Map<string, Built>();
  const layerOfNode = new Map<string, string>();
  const names = new Set<string>();
  let inputParams: { shape: number[] } | null = null;
  let outputParams: { classes: number; loss: Loss } | null = null;

  for (const id of order) {
    const node = index.byId.get(id)!;
    const spec = getLayer(node.type);
    if (!spec || !isMappedType(node.type)) {
      throw new CompileError(`${describe(node)} has no TF.js mapping, so the graph cannot be trained; replace it with a supported layer.`, id);
    }
    const { params, errors } = normalizeParams(spec, node.params, id);
    if (errors.length > 0) throw new CompileError(errors.map((e) => e.message).join(' '), id);
    const inputs = incomingOf(index, id).map((e) => built.get(e.source)!.output);
    const name = layerNameFor(id, names);
    let result: Built;
    try {
      result = (LAYER_BUILDERS[node.type as MappedType] as (p: unknown, n: string, i: tfjs.SymbolicTensor[]) => Built)(params, name, inputs);
    } catch (e) {
      const reason = (e as Error).message.split('\n')[0];
      throw new CompileError(`TF.js could not build ${describe(node)}: ${reason}`, id);
    }
    built.set(id, result);
    layerOfNode.set(id, result.layer);
    if (id === input.id) inputParams = params as { shape: number[] };
    if (id === output.id) outputParams = params as { classes: number; loss: Loss };
  }

  let model: tfjs.LayersModel;
  try {
    model = tf.model({ inputs: built.get(input.id)!.output, outputs: built.get(output.id)!.output, name: layerNameFor(doc.name || 'model', new Set()) });
  } catch (e) {
    throw new CompileError(`TF.js could not assemble the model: ${(e as Error).message.split('\n')[0]}`, null);
  }
  return {
    model,
    inputNodeId: input.id,
    outputNodeId: output.id,
    inputShape: inputParams!.shape.slice(),
    classes: outputParams!.classes,
    loss: outputParams!.loss,
    layerOfNode,
  };
}
