// Small builders for the nodes and edges templates and block definitions are made of, so
// every template writes a convolution or a batch norm the same way.
import type { Condition, GraphEdge, GraphNode, ParamRef, ParamValue, Params, Position } from '../graph/types';

type Num = number | ParamRef;

export function node(id: string, type: string, params: Params, position: Position, when?: Condition): GraphNode {
  const n: GraphNode = { id, type, params, position: { ...position } };
  if (when) n.when = when;
  return n;
}

export function edge(source: string, target: string, targetPort = 0, when?: Condition): GraphEdge {
  const e: GraphEdge = { id: `e_${source}_${target}`, source, target, targetPort };
  if (when) e.when = when;
  return e;
}

export interface ConvOptions {
  filters: Num;
  kernelSize: number;
  strides?: Num;
  padding?: 'same' | 'valid';
  /** False when a BatchNorm follows: its beta makes a bias redundant. */
  useBias?: boolean;
  activation?: string;
}

export function convParams(o: ConvOptions): Params {
  return {
    filters: o.filters as ParamValue,
    kernelSize: o.kernelSize,
    strides: (o.strides ?? 1) as ParamValue,
    padding: o.padding ?? 'same',
    useBias: o.useBias ?? true,
    activation: o.activation ?? 'linear',
  };
}

export function denseParams(units: number, activation = 'linear', useBias = true): Params {
  return { units, activation, useBias };
}

export const BATCH_NORM_PARAMS: Params = { momentum: 0.99, epsilon: 0.001, center: true, scale: true };

export function activationParams(activation: string): Params {
  return { activation };
}

/** Param refs to a block instance's params. */
export const ref = (param: string, scale?: number): ParamRef => (scale === undefined ? { $param: param } : { $param: param, scale });

/** A deep copy of plain JSON data (shared/ has no structuredClone: no DOM or Node types). */
export const cloneData = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
