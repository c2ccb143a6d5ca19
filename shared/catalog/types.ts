// The layer catalog: one typed entry per layer type. The renderer, the engine and every
// exporter read the same entries.
import type { Fix } from '../graph/edits';
import type { Position, Shape } from '../graph/types';
import type { Message } from '../i18n/messages';

export type Family =
  | 'Input/Output'
  | 'Convolution'
  | 'Dense'
  | 'Normalization'
  | 'Activation'
  | 'Pooling'
  | 'Merge'
  | 'Regularization'
  | 'Reshape'
  | 'Blocks';

/** Shown only while another param of the same layer has one of these values (e.g. alpha for leakyRelu/elu). */
export interface ParamCondition {
  param: string;
  oneOf: readonly (string | number | boolean)[];
}

interface ParamSpecCommon {
  label: string;
  help?: string;
  /** The editor hides the field unless this holds; validation ignores it (a hidden value is still checked). */
  shownWhen?: ParamCondition;
}

export type ParamSpec = ParamSpecCommon &
  (
    | { kind: 'int'; default: number; min?: number; max?: number }
    /** exclusiveMin/exclusiveMax make min/max strict bounds (e.g. epsilon > 0, dropout rate < 1). */
    | { kind: 'float'; default: number; min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean }
    | { kind: 'bool'; default: boolean }
    | { kind: 'enum'; default: string; options: readonly string[] }
    /**
     * A list of positive ints, e.g. an Input shape [28, 28, 1] or a Reshape target.
     * allowInferred: one entry may be -1, meaning "whatever makes the element count match".
     */
    | { kind: 'ints'; default: number[]; minLength?: number; maxLength?: number; allowInferred?: boolean }
    /** One int or a pair [h, w], e.g. kernel size 3 or [3, 1]. Normalised to a pair. min defaults to 1. */
    | { kind: 'intPair'; default: number | [number, number]; min?: number }
    | { kind: 'string'; default: string }
  );

export type ParamKind = ParamSpec['kind'];

/** A layer rule's complaint about its own inputs. nodeId is added by whole-graph inference. */
export interface LayerError {
  message: string;
  /** The same sentence as a message code and args, so a UI can show it in its own language. */
  text?: Message;
  fix?: Fix;
}

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** One incoming edge of the node, in the same order as `inputs` (port order). */
export interface InputEdge {
  edgeId: string;
  sourceId: string;
  targetPort: number;
}

/**
 * What a layer rule sees: shapes of its inputs in port order and its validated params
 * (the `params` of normalizeParams: defaults filled, intPairs as [h, w]).
 *
 * The optional fields let a rule build a Fix (data the UI applies as one undoable step).
 * Whole-graph inference supplies them (shared/catalog/fixes.ts `fixContextFor(graph, nodeId)`
 * builds all three from a document or block definition); a caller without a graph may omit
 * them and then gets the same errors without fixes.
 */
export interface LayerContext<P> {
  nodeId: string;
  inputs: Shape[];
  params: P;
  /** The incoming edges, index i feeding inputs[i]. */
  inputEdges?: InputEdge[];
  /**
   * An id not used by any node or edge of the graph, built from a readable stem
   * ("flatten" -> "flatten", "flatten_2"...). Successive calls within one context must
   * return distinct ids, since one fix may add several nodes and edges.
   */
  freshId?: (stem: string) => string;
  /** Where a node sits on the canvas, so inserted nodes land between source and target. */
  positionOf?: (nodeId: string) => Position | undefined;
  /**
   * Inside a block definition: the shapes fed to the block instance, in port order.
   * BlockInput returns blockInputs[index]; without it BlockInput reports an error.
   */
  blockInputs?: Shape[];
}

export interface LayerSpec<P = Record<string, unknown>> {
  type: string;
  family: Family;
  label: string;
  /** One sentence for the palette tooltip. */
  description: string;
  params: { [K in keyof P]: ParamSpec };
  /** Number of inputs: min and max (Infinity for Add/Concatenate/Multiply). */
  arity: { min: number; max: number };
  /** Only meaningful inside block definitions (BlockInput, BlockOutput): the palette hides it. */
  internal?: boolean;
  /** The output shape, or an error naming the offending shapes. */
  inferShape(ctx: LayerContext<P>): Shape | LayerError;
  countParams(ctx: LayerContext<P>, output: Shape): ParamCount;
  /** Multiply-accumulates for one sample (convolutions and dense layers; 0 elsewhere). */
  countMacs(ctx: LayerContext<P>, output: Shape): number;
}

/** A param value after normalisation of an intPair. */
export type IntPair = [number, number];

/** Activations a layer may apply after its own computation (Conv2D, Dense...). */
export const LAYER_ACTIVATIONS = ['linear', 'relu', 'leakyRelu', 'elu', 'gelu', 'swish', 'sigmoid', 'tanh', 'softmax'] as const;
export type LayerActivation = (typeof LAYER_ACTIVATIONS)[number];

/** Activations of the Activation layer (linear would be a no-op). */
export const ACTIVATIONS = ['relu', 'leakyRelu', 'elu', 'gelu', 'swish', 'sigmoid', 'tanh', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const PADDINGS = ['same', 'valid'] as const;
export type Padding = (typeof PADDINGS)[number];

export function isLayerError(x: unknown): x is LayerError {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as LayerError).message === 'string';
}
