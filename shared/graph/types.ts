// The graph document: plain JSON, versioned, positions included.
// Shapes are NHWC without the batch dimension: [H, W, C] for feature maps, [N] for vectors.

export const GRAPH_FORMAT = 'reswire.graph';
/** Current document version. Every bump adds a migration in migrations.ts. */
export const GRAPH_VERSION = 2;

export type Shape = number[];

export interface Position {
  x: number;
  y: number;
}

/** A param value inside a block definition may refer to a param of the block instance. */
export interface ParamRef {
  $param: string;
  /** Optional multiplier, e.g. a bottleneck's last conv has filters * 4. */
  scale?: number;
}

export type ParamValue = number | string | boolean | number[] | ParamRef | null;
export type Params = Record<string, ParamValue>;

export interface GraphNode {
  id: string;
  /** A layer type from the catalog, or 'Block' for an instance of a block definition. */
  type: string;
  params: Params;
  position: Position;
  /** Optional user-visible name. */
  label?: string;
  /** Inside a block definition only: the node exists only when the condition holds. */
  when?: Condition;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Orders the inputs of multi-input layers (Add, Concatenate, Multiply, blocks). */
  targetPort: number;
  /** Inside a block definition only. */
  when?: Condition;
}

/** Structural variation inside a block, keyed by an instance param (e.g. shortcut). */
export interface Condition {
  param: string;
  equals: string | number | boolean;
}

export interface BlockParamSpec {
  kind: 'int' | 'float' | 'bool' | 'enum';
  default: number | string | boolean;
  options?: (string | number)[];
  min?: number;
  max?: number;
  label?: string;
  help?: string;
}

/**
 * A block definition is a graph with ports: its `BlockInput` nodes (param `index`) are the
 * input ports in order, its single `BlockOutput` node is the output. An instance is a node
 * of type 'Block' whose params hold `block` (the definition id) plus the instance params.
 */
export interface BlockDefinition {
  id: string;
  name: string;
  description?: string;
  params: Record<string, BlockParamSpec>;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphDocument {
  format: typeof GRAPH_FORMAT;
  version: number;
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  blocks: Record<string, BlockDefinition>;
  /** Free-form, preserved: e.g. the template that built it, training defaults. */
  meta?: Record<string, unknown>;
}

export const BLOCK_NODE_TYPE = 'Block';
export const BLOCK_INPUT_TYPE = 'BlockInput';
export const BLOCK_OUTPUT_TYPE = 'BlockOutput';
