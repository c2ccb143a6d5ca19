// The runtime registry of layer types. Each family module under layers/ contributes its
// entries; LAYER_SPECS is the typed table, LAYERS the same entries in palette order.
import type { Params, Shape } from '../graph/types';
import { english, list, msg, type Message } from '../i18n/messages';
import { Activation } from './layers/activation';
import { Conv2D, DepthwiseConv2D, SeparableConv2D } from './layers/convolution';
import { Dense } from './layers/dense';
import { Input } from './layers/input';
import { Add, Concatenate, Multiply } from './layers/merge';
import { BatchNorm, LayerNorm } from './layers/normalization';
import { Output } from './layers/output';
import { AvgPool2D, GlobalAvgPool2D, GlobalMaxPool2D, MaxPool2D } from './layers/pooling';
import { Dropout } from './layers/regularization';
import { Flatten, Reshape, UpSampling2D, ZeroPadding2D } from './layers/reshape';
import { BlockInput, BlockOutput } from './layers/structural';
import { defaultParams, normalizeParams } from './params';
import type { LayerContext, LayerError, LayerSpec, ParamCount } from './types';

export type { LayerSpec } from './types';
export type {
  ActivationName,
  Family,
  InputEdge,
  IntPair,
  LayerActivation,
  LayerContext,
  LayerError,
  Padding,
  ParamCondition,
  ParamCount,
  ParamKind,
  ParamSpec,
} from './types';
export { ACTIVATIONS, LAYER_ACTIVATIONS, PADDINGS, isLayerError } from './types';
export { normalizeParams } from './params';
export type { NormalizedParams, ParamError } from './params';
export { fixContextFor, insertBefore, insertOnEdges, makeFix, setParamsFix } from './fixes';
export type { EdgeInsertion, InsertedLayer } from './fixes';
export { describeShape, formatShape, formatValue, shapeText } from './format';
export { LOSSES, outputActivation } from './layers/output';
export { mergeProjection } from './layers/merge';
export type { Loss, OutputParams } from './layers/output';
export type { Conv2DParams, DepthwiseConv2DParams, SeparableConv2DParams } from './layers/convolution';
export type { DenseParams } from './layers/dense';
export type { InputParams } from './layers/input';
export type { ConcatenateParams } from './layers/merge';
export type { BatchNormParams, LayerNormParams } from './layers/normalization';
export type { ActivationParams } from './layers/activation';
export type { PoolParams } from './layers/pooling';
export type { DropoutParams } from './layers/regularization';
export type { ReshapeParams, UpSampling2DParams, ZeroPadding2DParams } from './layers/reshape';
export type { BlockInputParams } from './layers/structural';

/** Every layer spec by type, in palette order. Record<LayerType, ...> lets a backend's mapping table be checked for completeness. */
export const LAYER_SPECS = {
  Input,
  Output,
  Conv2D,
  DepthwiseConv2D,
  SeparableConv2D,
  Dense,
  BatchNorm,
  LayerNorm,
  Activation,
  MaxPool2D,
  AvgPool2D,
  GlobalAvgPool2D,
  GlobalMaxPool2D,
  Add,
  Multiply,
  Concatenate,
  Dropout,
  Flatten,
  Reshape,
  ZeroPadding2D,
  UpSampling2D,
  BlockInput,
  BlockOutput,
} as const;

export type LayerType = keyof typeof LAYER_SPECS;
/** The normalised params of a layer type, e.g. LayerParams<'Conv2D'>['kernelSize'] is [h, w]. */
export type LayerParams<T extends LayerType> = (typeof LAYER_SPECS)[T] extends LayerSpec<infer P> ? P : never;

/** Every layer type, in palette order. */
export const LAYERS: LayerSpec<any>[] = Object.values(LAYER_SPECS) as LayerSpec<any>[];

/** The layers a user picks from the palette (block ports are created with blocks, not picked). */
export const PALETTE_LAYERS: LayerSpec<any>[] = LAYERS.filter((l) => !l.internal);

export const LAYER_TYPES: LayerType[] = LAYERS.map((l) => l.type as LayerType);

const byType = new Map<string, LayerSpec<any>>(LAYERS.map((l) => [l.type, l]));

export function getLayer(type: string): LayerSpec<any> | undefined {
  return byType.get(type);
}

export function isLayerType(type: string): type is LayerType {
  return byType.has(type);
}

function unknownType(type: string): Message {
  return msg('layer.unknownType', { type, types: list(LAYER_TYPES, 'comma') });
}

/** The default params of a layer type, as a new node stores them (intPairs as written, e.g. kernelSize 3). */
export function paramDefaults(type: string): Params {
  const spec = byType.get(type);
  if (!spec) throw new Error(english(unknownType(type)));
  return defaultParams(spec);
}

function said(text: Message): LayerError {
  return { message: english(text), text };
}

export type LayerEvaluation =
  | { ok: true; shape: Shape; params: ParamCount; macs: number; normalized: Record<string, unknown> }
  | { ok: false; error: LayerError };

/**
 * One layer on its own: validates raw params, infers the output shape and counts weights
 * and MACs. `graph` adds the fix-building context (see LayerContext). Param errors come
 * back as one error whose message joins them, with no fix.
 */
export function evaluateLayer(
  type: string,
  inputs: Shape[],
  raw: Params = {},
  nodeId = '',
  graph: Omit<LayerContext<unknown>, 'nodeId' | 'inputs' | 'params'> = {},
): LayerEvaluation {
  const spec = byType.get(type);
  if (!spec) return { ok: false, error: said(unknownType(type)) };
  const { params, errors } = normalizeParams(spec, raw, nodeId || undefined);
  if (errors.length > 0) return { ok: false, error: said(msg('layer.sentences', { sentences: list(errors.map((e) => e.text ?? e.message), 'sentences') })) };
  const ctx: LayerContext<any> = { ...graph, nodeId, inputs, params };
  const shape = spec.inferShape(ctx);
  if (!Array.isArray(shape)) return { ok: false, error: shape };
  return { ok: true, shape, params: spec.countParams(ctx, shape), macs: spec.countMacs(ctx, shape), normalized: params };
}
