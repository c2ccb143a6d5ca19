// Reference checks that a schema cannot express: unique ids, edges that point at real
// nodes, known layer types, block instances that name real definitions, well-formed block
// ports, {$param} references and `when` conditions that name declared block params, and
// no block that contains itself. Param values themselves are checked by inference, where
// the user can fix them in place.
import { getLayer } from '../catalog';
import { blockContainmentCycle } from './block-defs';
import { formatPath } from './format';
import { showValue } from './issues';
import {
  BLOCK_INPUT_TYPE,
  BLOCK_NODE_TYPE,
  BLOCK_OUTPUT_TYPE,
  type BlockDefinition,
  type BlockParamSpec,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type ParamValue,
} from './types';

export function isParamRef(v: ParamValue | undefined): v is { $param: string; scale?: number } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $param?: unknown }).$param === 'string';
}

interface Scope {
  doc: GraphDocument;
  /** Path of the graph inside the document: [] for the top level, ['blocks', id] inside a block. */
  base: PropertyKey[];
  /** The block being checked, or null at the top level. */
  block: BlockDefinition | null;
  errors: string[];
}

function at(scope: Scope, ...rest: PropertyKey[]): string {
  return formatPath([...scope.base, ...rest]);
}

function checkGraph(scope: Scope, nodes: GraphNode[], edges: GraphEdge[]): void {
  const { block, errors } = scope;
  const firstIndex = new Map<string, number>();
  nodes.forEach((node, i) => {
    const seen = firstIndex.get(node.id);
    if (seen !== undefined) errors.push(`${at(scope, 'nodes', i, 'id')} "${node.id}" is already used by ${at(scope, 'nodes', seen)}; every node needs its own id.`);
    else firstIndex.set(node.id, i);
    checkNode(scope, node, i);
  });
  const edgeIndex = new Map<string, number>();
  edges.forEach((edge, i) => {
    const seen = edgeIndex.get(edge.id);
    if (seen !== undefined) errors.push(`${at(scope, 'edges', i, 'id')} "${edge.id}" is already used by ${at(scope, 'edges', seen)}; every edge needs its own id.`);
    else edgeIndex.set(edge.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!firstIndex.has(edge[end])) errors.push(`${at(scope, 'edges', i, end)} refers to node "${edge[end]}", which does not exist.`);
    }
    if (edge.when) checkCondition(scope, edge.when.param, ['edges', i, 'when']);
  });
  if (block) checkPorts(scope, block);
}

function checkNode(scope: Scope, node: GraphNode, i: number): void {
  const { doc, block, errors } = scope;
  const where = at(scope, 'nodes', i);
  if (node.type === BLOCK_NODE_TYPE) {
    const ref = node.params.block;
    if (typeof ref !== 'string' || ref === '') {
      errors.push(`${at(scope, 'nodes', i, 'params', 'block')} must name a block definition for block instance ${node.id}, not ${showValue(ref)}.`);
    } else if (!Object.hasOwn(doc.blocks, ref)) {
      errors.push(`${where} (block instance ${node.id}) refers to block definition "${ref}", which does not exist in blocks.`);
    }
  } else if (node.type === BLOCK_INPUT_TYPE || node.type === BLOCK_OUTPUT_TYPE) {
    if (!block) errors.push(`${where} (${node.id}) is a ${node.type}, which only belongs inside a block definition.`);
    else if (node.when) errors.push(`${at(scope, 'nodes', i, 'when')}: a ${node.type} is a port of the block and cannot be conditional.`);
  } else if (!getLayer(node.type)) {
    errors.push(`unknown layer type "${node.type}" on node ${node.id} (${at(scope, 'nodes', i, 'type')}).`);
  }
  for (const [name, value] of Object.entries(node.params)) {
    if (!isParamRef(value)) continue;
    if (!block) {
      errors.push(`${at(scope, 'nodes', i, 'params', name)} is a {"$param": "${value.$param}"} reference, which only works inside a block definition.`);
    } else if (!Object.hasOwn(block.params, value.$param)) {
      errors.push(`${at(scope, 'nodes', i, 'params', name)} refers to block param "${value.$param}", which ${formatPath(scope.base)} does not declare in its params.`);
    }
  }
  if (node.when) checkCondition(scope, node.when.param, ['nodes', i, 'when']);
}

function checkCondition(scope: Scope, param: string, rest: PropertyKey[]): void {
  if (!scope.block) scope.errors.push(`${at(scope, ...rest)} only applies inside a block definition; remove it.`);
  else if (!Object.hasOwn(scope.block.params, param)) {
    scope.errors.push(`${at(scope, ...rest, 'param')} names block param "${param}", which ${formatPath(scope.base)} does not declare in its params.`);
  }
}

/** A block has input ports BlockInput 0..k-1 (at least one) and exactly one BlockOutput. */
function checkPorts(scope: Scope, block: BlockDefinition): void {
  const where = formatPath(scope.base);
  const outputs = block.nodes.filter((n) => n.type === BLOCK_OUTPUT_TYPE);
  if (outputs.length === 0) scope.errors.push(`${where} has no BlockOutput node; a block needs exactly one.`);
  if (outputs.length > 1) scope.errors.push(`${where} has ${outputs.length} BlockOutput nodes (${outputs.map((n) => n.id).join(', ')}); a block needs exactly one.`);
  const indices: number[] = [];
  block.nodes.forEach((n, i) => {
    if (n.type !== BLOCK_INPUT_TYPE) return;
    const index = n.params.index ?? 0;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      scope.errors.push(`${at(scope, 'nodes', i, 'params', 'index')} must be a whole number from 0 (the input port), not ${showValue(index)}.`);
    } else indices.push(index);
  });
  if (indices.length === 0 && block.nodes.every((n) => n.type !== BLOCK_INPUT_TYPE)) {
    scope.errors.push(`${where} has no BlockInput node; a block needs at least one input.`);
  }
  const sorted = [...indices].sort((a, b) => a - b);
  if (sorted.some((v, k) => v !== k)) {
    scope.errors.push(`${where} numbers its BlockInput ports ${sorted.join(', ')}; they must be 0, 1, 2, ... without gaps or repeats.`);
  }
}

function checkParamSpec(path: string, spec: BlockParamSpec, errors: string[]): void {
  const d = spec.default;
  if (spec.kind === 'int' && !(typeof d === 'number' && Number.isInteger(d))) errors.push(`${path}.default must be a whole number, not ${showValue(d)}.`);
  if (spec.kind === 'float' && typeof d !== 'number') errors.push(`${path}.default must be a number, not ${showValue(d)}.`);
  if (spec.kind === 'bool' && typeof d !== 'boolean') errors.push(`${path}.default must be true or false, not ${showValue(d)}.`);
  if (spec.kind === 'enum') {
    if (!spec.options || spec.options.length === 0) errors.push(`${path}.options must list the choices of this enum param.`);
    else if (!spec.options.includes(d as string | number)) {
      errors.push(`${path}.default ${showValue(d)} is not one of its options ${spec.options.map((o) => JSON.stringify(o)).join(', ')}.`);
    }
  }
  if (typeof d === 'number' && spec.min !== undefined && d < spec.min) errors.push(`${path}.default ${d} is below its min ${spec.min}.`);
  if (typeof d === 'number' && spec.max !== undefined && d > spec.max) errors.push(`${path}.default ${d} is above its max ${spec.max}.`);
}

/** Every reference problem in an already schema-valid document, as path-naming sentences. */
export function checkReferences(doc: GraphDocument): string[] {
  const errors: string[] = [];
  checkGraph({ doc, base: [], block: null, errors }, doc.nodes, doc.edges);
  for (const [key, block] of Object.entries(doc.blocks)) {
    const base = ['blocks', key];
    if (block.id !== key) errors.push(`${formatPath([...base, 'id'])} is "${block.id}" but must match its key "${key}".`);
    for (const [name, spec] of Object.entries(block.params)) checkParamSpec(formatPath([...base, 'params', name]), spec, errors);
    checkGraph({ doc, base, block, errors }, block.nodes, block.edges);
  }
  for (const key of Object.keys(doc.blocks)) {
    const cycle = blockContainmentCycle(doc.blocks, key);
    if (cycle) {
      errors.push(`${formatPath(['blocks', key])} contains itself (${cycle.join(' → ')}); a block cannot contain an instance of itself.`);
    }
  }
  return errors;
}
