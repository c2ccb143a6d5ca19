// The layer catalog: one typed entry per layer type. The renderer, the engine and every
// exporter read the same entries.
import type { Fix } from '../graph/edits';
import type { Shape } from '../graph/types';

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

export type ParamSpec =
  | { kind: 'int'; default: number; min?: number; max?: number; label: string; help?: string }
  | { kind: 'float'; default: number; min?: number; max?: number; label: string; help?: string }
  | { kind: 'bool'; default: boolean; label: string; help?: string }
  | { kind: 'enum'; default: string; options: readonly string[]; label: string; help?: string }
  /** A list of positive ints, e.g. an Input shape [28, 28, 1] or a Reshape target. */
  | { kind: 'ints'; default: number[]; minLength?: number; maxLength?: number; label: string; help?: string }
  /** One int or a pair [h, w], e.g. kernel size 3 or [3, 1]. Normalised to a pair. */
  | { kind: 'intPair'; default: number | [number, number]; min?: number; label: string; help?: string }
  | { kind: 'string'; default: string; label: string; help?: string };

/** A layer rule's complaint about its own inputs. nodeId is added by whole-graph inference. */
export interface LayerError {
  message: string;
  fix?: Fix;
}

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** What a layer rule sees: shapes of its inputs in port order and its validated params. */
export interface LayerContext<P> {
  nodeId: string;
  inputs: Shape[];
  params: P;
}

export interface LayerSpec<P = Record<string, unknown>> {
  type: string;
  family: Family;
  label: string;
  description: string;
  params: { [K in keyof P]: ParamSpec };
  /** Number of inputs: min and max (Infinity for Add/Concatenate/Multiply). */
  arity: { min: number; max: number };
  /** The output shape, or an error naming the offending shapes. */
  inferShape(ctx: LayerContext<P>): Shape | LayerError;
  countParams(ctx: LayerContext<P>, output: Shape): ParamCount;
  /** Multiply-accumulates for one sample (convolutions and dense layers; 0 elsewhere). */
  countMacs(ctx: LayerContext<P>, output: Shape): number;
}
