// One layer node on its own: validate its params, infer its output shape from its input
// shapes, count weights and MACs. Layer rules come from the catalog; this adds the graph
// context they need to build fixes, and guards against rules that throw or return nonsense.
import { getLayer, isLayerError, normalizeParams, type LayerContext, type LayerSpec } from '../catalog';
import { formatShape } from '../catalog/format';
import type { GraphError, NodeInfo } from './analysis';
import { mergeProjectionFix } from './fixes';
import { nodeName } from './format';
import { BLOCK_INPUT_TYPE, BLOCK_OUTPUT_TYPE, type GraphEdge, type GraphNode, type Position, type Shape } from './types';

/** A node's own result, before structural (arity, cycle, connectivity) errors are added. */
export type LocalResult = Omit<NodeInfo, 'id' | 'type' | 'inputShapes'>;

/** The graph around a node, for layer rules that build fixes. */
export interface FixSupport {
  idsInUse(): Set<string>;
  positionOf(id: string): Position | undefined;
  blockInputs?: Shape[];
}

export function emptyResult(errors: GraphError[]): LocalResult {
  return { outputShape: null, trainableParams: 0, nonTrainableParams: 0, macs: 0, activationElements: 0, errors };
}

function freshIds(support: FixSupport): (stem: string) => string {
  const handedOut = new Set<string>();
  return (stem) => {
    const used = support.idsInUse();
    let id = stem;
    for (let i = 2; used.has(id) || handedOut.has(id); i++) id = `${stem}_${i}`;
    handedOut.add(id);
    return id;
  };
}

function isShape(s: unknown): s is Shape {
  return Array.isArray(s) && s.every((d) => typeof d === 'number');
}

/**
 * Evaluates a layer node. `inputs` is null when the node cannot be inferred (an input is
 * unknown or its connections are wrong): then only its params are checked.
 */
export function evaluateLayerNode(node: GraphNode, spec: LayerSpec<any>, inputs: Shape[] | null, incoming: readonly GraphEdge[], support: FixSupport): LocalResult {
  const name = nodeName(node);
  if (node.params === null || typeof node.params !== 'object' || Array.isArray(node.params)) {
    return emptyResult([{ nodeId: node.id, message: `${name} has params ${JSON.stringify(node.params)}; they must be an object of named values.` }]);
  }
  try {
    const { params, errors } = normalizeParams(spec, node.params, node.id);
    if (errors.length > 0) return emptyResult(errors.map((e) => ({ nodeId: node.id, message: e.message, field: e.field })));
    if (!inputs) return emptyResult([]);
    const ctx: LayerContext<any> = {
      nodeId: node.id,
      inputs,
      params,
      inputEdges: incoming.map((e) => ({ edgeId: e.id, sourceId: e.source, targetPort: e.targetPort })),
      freshId: freshIds(support),
      positionOf: support.positionOf,
      blockInputs: support.blockInputs,
    };
    const shape = spec.inferShape(ctx);
    if (isLayerError(shape)) {
      let fix = shape.fix;
      if (!fix && (node.type === 'Add' || node.type === 'Multiply') && inputs.some((s) => s.join() !== inputs[0].join())) {
        fix = mergeProjectionFix(node.type, ctx);
      }
      return emptyResult([fix ? { nodeId: node.id, message: shape.message, fix } : { nodeId: node.id, message: shape.message }]);
    }
    if (!isShape(shape) || shape.some((d) => !Number.isInteger(d) || d < 1)) {
      const got = isShape(shape) ? formatShape(shape) : String(shape);
      const from = inputs.length ? ` from ${inputs.map(formatShape).join(' and ')}` : '';
      return emptyResult([{ nodeId: node.id, message: `${name} would output ${got}${from}, which has an empty or invalid size; its input is too small for its kernel, stride or pooling. Use padding "same", a smaller window or a larger input.` }]);
    }
    const counts = spec.countParams(ctx, shape);
    const port = node.type === BLOCK_INPUT_TYPE || node.type === BLOCK_OUTPUT_TYPE;
    return {
      outputShape: shape,
      trainableParams: counts.trainable,
      nonTrainableParams: counts.nonTrainable,
      macs: spec.countMacs(ctx, shape),
      activationElements: port ? 0 : shape.reduce((a, b) => a * b, 1),
      errors: [],
    };
  } catch (err) {
    // A rule that throws is a bug in the catalog; the user still gets a sentence, not a crash.
    return emptyResult([{ nodeId: node.id, message: `${name} could not be checked (${(err as Error)?.message ?? String(err)}); please report this.` }]);
  }
}

export function layerSpecOf(node: GraphNode): LayerSpec<any> | undefined {
  return getLayer(node.type);
}
