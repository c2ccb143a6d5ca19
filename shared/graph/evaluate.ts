// One layer node on its own: validate its params, infer its output shape from its input
// shapes, count weights and MACs. Layer rules come from the catalog; this adds the graph
// context they need to build fixes, and guards against rules that throw or return nonsense.
import { getLayer, isLayerError, mergeProjection, normalizeParams, type LayerContext, type LayerError, type LayerSpec, type ParamError } from '../catalog';
import { formatShape } from '../catalog/format';
import { list, msg } from '../i18n/messages';
import { graphError, type GraphError, type NodeInfo } from './analysis';
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

/** A param problem keeps its structured text when the catalog gave one (all of them do). */
function paramError(nodeId: string, e: ParamError): GraphError {
  return e.text ? graphError(nodeId, e.text, { field: e.field }) : { nodeId, message: e.message, field: e.field };
}

function layerProblem(nodeId: string, e: LayerError, fix: GraphError['fix']): GraphError {
  if (e.text) return graphError(nodeId, e.text, { fix });
  return fix ? { nodeId, message: e.message, fix } : { nodeId, message: e.message };
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
    return emptyResult([graphError(node.id, msg('node.badParams', { node: name, params: String(JSON.stringify(node.params)) }))]);
  }
  try {
    const { params, errors } = normalizeParams(spec, node.params, node.id);
    if (errors.length > 0) return emptyResult(errors.map((e) => paramError(node.id, e)));
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
        fix = mergeProjection(node.type, ctx)?.fix;
      }
      return emptyResult([layerProblem(node.id, shape, fix)]);
    }
    if (!isShape(shape) || shape.some((d) => !Number.isInteger(d) || d < 1)) {
      const got = isShape(shape) ? formatShape(shape) : String(shape);
      const from = inputs.length ? msg('node.fromShapes', { shapes: list(inputs.map(formatShape), 'and') }) : '';
      return emptyResult([graphError(node.id, msg('node.emptyOutput', { node: name, shape: got, from }))]);
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
    return emptyResult([graphError(node.id, msg('node.checkFailed', { node: name, reason: (err as Error)?.message ?? String(err) }))]);
  }
}

export function layerSpecOf(node: GraphNode): LayerSpec<any> | undefined {
  return getLayer(node.type);
}
