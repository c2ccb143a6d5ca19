// Block definitions on their own: their ports, their params, and turning a definition plus
// an instance's params into a concrete graph ({$param} resolved, `when` applied). Both block
// expansion and whole-graph inference build on these.
import { blockNameArg, english, list, msg, paramArg, type Message } from '../i18n/messages';
import { showValue } from './issues';
import {
  BLOCK_INPUT_TYPE,
  BLOCK_NODE_TYPE,
  BLOCK_OUTPUT_TYPE,
  type BlockDefinition,
  type BlockParamSpec,
  type Condition,
  type GraphEdge,
  type GraphNode,
  type ParamValue,
  type Params,
} from './types';

export type BlockParamValue = string | number | boolean;
export type BlockParamValues = Record<string, BlockParamValue>;

export interface FieldProblem {
  field: string;
  message: string;
  /** The same sentence as a message code and args, for other languages. */
  text?: Message;
}

/** The number of input ports of an instance: one per BlockInput node of the definition. */
export function blockInstanceArity(def: BlockDefinition): { min: number; max: number } {
  const ports = def.nodes.filter((n) => n.type === BLOCK_INPUT_TYPE).length;
  return { min: ports, max: ports };
}

/** The definitions that `def` holds instances of, directly. */
export function blocksUsedBy(def: BlockDefinition): string[] {
  const used = new Set<string>();
  for (const n of def.nodes) if (n.type === BLOCK_NODE_TYPE && typeof n.params.block === 'string') used.add(n.params.block);
  return [...used];
}

/**
 * A chain [start, ..., start] of definitions each containing an instance of the next, when
 * `start` ends up containing itself; null when it does not.
 */
export function blockContainmentCycle(blocks: Record<string, BlockDefinition>, start: string): string[] | null {
  const visited = new Set<string>();
  const path: string[] = [start];
  const walk = (id: string): boolean => {
    const def = Object.hasOwn(blocks, id) ? blocks[id] : undefined;
    if (!def) return false;
    for (const next of blocksUsedBy(def)) {
      if (next === start) {
        path.push(next);
        return true;
      }
      if (visited.has(next)) continue;
      visited.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  return walk(start) ? path : null;
}

function checkValue(key: string, spec: BlockParamSpec, v: ParamValue): Message | null {
  const value = showValue(v);
  const name = paramArg(BLOCK_NODE_TYPE, key, spec.label);
  switch (spec.kind) {
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v)) return msg('blockParam.wholeNumber', { name, value });
      break;
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v)) return msg('blockParam.number', { name, value });
      break;
    case 'bool':
      if (typeof v !== 'boolean') return msg('blockParam.bool', { name, value });
      break;
    case 'enum':
      if (!(spec.options ?? []).includes(v as string | number)) {
        return msg('blockParam.oneOf', { name, options: list((spec.options ?? []).map((o) => JSON.stringify(o)), 'comma'), value });
      }
      break;
  }
  if (typeof v === 'number' && spec.min !== undefined && v < spec.min) return msg('blockParam.atLeast', { name, min: spec.min, value: v });
  if (typeof v === 'number' && spec.max !== undefined && v > spec.max) return msg('blockParam.atMost', { name, max: spec.max, value: v });
  return null;
}

/**
 * The instance's param values, falling back to the definition's defaults, with one problem
 * per bad or unknown param. `block` (the definition id) is not a block param.
 */
export function resolveInstanceParams(def: BlockDefinition, params: Params): { values: BlockParamValues; errors: FieldProblem[] } {
  const values: BlockParamValues = {};
  const errors: FieldProblem[] = [];
  for (const [name, spec] of Object.entries(def.params)) {
    const raw = Object.hasOwn(params, name) ? params[name] : undefined;
    if (raw === undefined || raw === null) {
      values[name] = spec.default;
      continue;
    }
    const problem = checkValue(name, spec, raw);
    if (problem) {
      errors.push({ field: name, message: english(problem), text: problem });
      values[name] = spec.default;
    } else values[name] = raw as BlockParamValue;
  }
  for (const name of Object.keys(params)) {
    if (name !== 'block' && !Object.hasOwn(def.params, name)) {
      const names = Object.keys(def.params);
      const labelled = names.map((k) => paramArg(BLOCK_NODE_TYPE, k, def.params[k].label));
      const known = names.length ? msg('blockParam.known', { names: list(labelled, 'comma') }) : msg('blockParam.none', {});
      const text = msg('blockParam.unknown', { name: paramArg(BLOCK_NODE_TYPE, name), block: blockNameArg(def.id, def.name), known });
      errors.push({ field: name, message: english(text), text });
    }
  }
  return { values, errors };
}

export function conditionHolds(when: Condition | undefined, values: BlockParamValues): boolean {
  return !when || values[when.param] === when.equals;
}

/** A concrete graph for one instance: conditions applied, {$param} references replaced. */
export interface ConcreteBlock {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** References to params that the definition does not declare (parseDocument prevents them). */
  errors: string[];
  /** The same problems as messages, in the same order, for other languages. */
  texts: Message[];
}

export function instantiateBlock(def: BlockDefinition, values: BlockParamValues): ConcreteBlock {
  const texts: Message[] = [];
  const nodes: GraphNode[] = [];
  const kept = new Set<string>();
  for (const node of def.nodes) {
    if (!conditionHolds(node.when, values)) continue;
    kept.add(node.id);
    let params = node.params;
    for (const [name, value] of Object.entries(node.params)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      if (params === node.params) params = { ...node.params };
      const resolved = Object.hasOwn(values, value.$param) ? values[value.$param] : undefined;
      if (resolved === undefined) {
        texts.push(msg('block.undeclaredParam', { node: node.id, param: paramArg(node.type, name), ref: paramArg(BLOCK_NODE_TYPE, value.$param) }));
        params[name] = null;
      } else if (value.scale !== undefined) {
        if (typeof resolved !== 'number') {
          const ref = paramArg(BLOCK_NODE_TYPE, value.$param, def.params[value.$param]?.label);
          texts.push(msg('block.scaleNotNumber', { node: node.id, param: paramArg(node.type, name), ref, value: showValue(resolved) }));
          params[name] = null;
        } else params[name] = resolved * value.scale;
      } else params[name] = resolved;
    }
    const { when: _when, ...rest } = node;
    nodes.push(params === node.params && !node.when ? node : { ...rest, params });
  }
  const edges: GraphEdge[] = [];
  for (const edge of def.edges) {
    if (!conditionHolds(edge.when, values) || !kept.has(edge.source) || !kept.has(edge.target)) continue;
    if (edge.when) {
      const { when: _when, ...rest } = edge;
      edges.push(rest);
    } else edges.push(edge);
  }
  return { nodes, edges, errors: texts.map(english), texts };
}

/** The BlockInput node ids of a concrete block by port index, and its BlockOutput id. */
export function blockPorts(nodes: readonly GraphNode[]): { inputs: Map<number, string>; output: string | null } {
  const inputs = new Map<number, string>();
  let output: string | null = null;
  for (const n of nodes) {
    if (n.type === BLOCK_INPUT_TYPE) {
      const index = typeof n.params.index === 'number' ? n.params.index : 0;
      if (!inputs.has(index)) inputs.set(index, n.id);
    } else if (n.type === BLOCK_OUTPUT_TYPE && output === null) output = n.id;
  }
  return { inputs, output };
}
