// What whole-graph inference reports: per node its shapes, weights, MACs and errors; for
// the graph its errors, a topological order and totals.
import { english, type Message } from '../i18n/messages';
import type { Fix } from './edits';
import type { Shape } from './types';

export interface GraphError {
  /** The node the error is about; null only for graph-level errors ("The graph has no Input layer."). */
  nodeId: string | null;
  /** One sentence (or two) saying what is wrong and what to do. */
  message: string;
  /** The same sentence as a message code and args, so a UI can show it in its own language. */
  text?: Message;
  /** A repair the UI or CLI can apply with applyEdits. */
  fix?: Fix;
  /** For an invalid param: the param's name, so an editor can highlight the field. */
  field?: string;
}

/** An error whose English sentence is rendered from `text`; fix and field only when given. */
export function graphError(nodeId: string | null, text: Message, extra: { fix?: Fix; field?: string } = {}): GraphError {
  const error: GraphError = { nodeId, message: english(text), text };
  if (extra.fix) error.fix = extra.fix;
  if (extra.field !== undefined) error.field = extra.field;
  return error;
}

export interface NodeInfo {
  id: string;
  type: string;
  /** One entry per connected input in port order; null where the producer's shape is unknown. */
  inputShapes: (Shape | null)[];
  /** Null when the node has an error or any of its inputs is unknown (errors do not cascade). */
  outputShape: Shape | null;
  trainableParams: number;
  nonTrainableParams: number;
  macs: number;
  /** Elements of the node's output for one sample (a block instance: all its inner outputs). */
  activationElements: number;
  errors: GraphError[];
  /** For a block instance whose inputs are known: its inner nodes, by inner id. */
  inner?: ReadonlyMap<string, NodeInfo>;
}

export interface GraphTotals {
  params: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** Multiply-accumulates for one sample. */
  macs: number;
  /** Sum of every layer's output elements for one sample (block ports excluded): a memory hint. */
  activationElements: number;
}

export interface GraphAnalysis {
  nodes: Map<string, NodeInfo>;
  /** Every error: graph-level ones and each node's, in topological order. */
  errors: GraphError[];
  /** Node ids in topological order; nodes on or after a cycle come last, in document order. */
  order: string[];
  totals: GraphTotals;
  /** True when there are no errors at all. */
  valid: boolean;
}
