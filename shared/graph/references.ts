// Reference checks that a schema cannot express: unique ids, edges that point at real
// nodes, known layer types, block instances that name real definitions, well-formed block
// ports, {$param} references and `when` conditions that name declared block params, and
// no block that contains itself. Param values themselves are checked by inference, where
// the user can fix them in place.
import { getLayer } from '../catalog';
import { list, msg, paramArg, type Message } from '../i18n/messages';
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
  errors: Message[];
}

function at(scope: Scope, ...rest: PropertyKey[]): string {
  return formatPath([...scope.base, ...rest]);
}

/** A block param named in a message, labelled as its definition labels it. */
function blockParam(scope: Scope, name: string) {
  return paramArg(BLOCK_NODE_TYPE, name, scope.block && Object.hasOwn(scope.block.params, name) ? scope.block.params[name].label : undefined);
}

function checkGraph(scope: Scope, nodes: GraphNode[], edges: GraphEdge[]): void {
  const { block, errors } = scope;
  const firstIndex = new Map<string, number>();
  nodes.forEach((node, i) => {
    const seen = firstIndex.get(node.id);
    if (seen !== undefined) errors.push(msg('ref.duplicateNodeId', { path: at(scope, 'nodes', i, 'id'), id: node.id, first: at(scope, 'nodes', seen) }));
    else firstIndex.set(node.id, i);
    checkNode(scope, node, i);
  });
  const edgeIndex = new Map<string, number>();
  edges.forEach((edge, i) => {
    const seen = edgeIndex.get(edge.id);
    if (seen !== undefined) errors.push(msg('ref.duplicateEdgeId', { path: at(scope, 'edges', i, 'id'), id: edge.id, first: at(scope, 'edges', seen) }));
    else edgeIndex.set(edge.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!firstIndex.has(edge[end])) errors.push(msg('ref.missingNode', { path: at(scope, 'edges', i, end), node: edge[end] }));
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
      errors.push(msg('ref.blockNotNamed', { path: at(scope, 'nodes', i, 'params', 'block'), id: node.id, value: showValue(ref) }));
    } else if (!Object.hasOwn(doc.blocks, ref)) {
      errors.push(msg('ref.missingBlock', { path: where, id: node.id, ref }));
    }
  } else if (node.type === BLOCK_INPUT_TYPE || node.type === BLOCK_OUTPUT_TYPE) {
    if (!block) errors.push(msg('ref.portOutsideBlock', { path: where, id: node.id, type: node.type }));
    else if (node.when) errors.push(msg('ref.conditionalPort', { path: at(scope, 'nodes', i, 'when'), type: node.type }));
  } else if (!getLayer(node.type)) {
    errors.push(msg('ref.unknownType', { type: node.type, id: node.id, path: at(scope, 'nodes', i, 'type') }));
  }
  for (const [name, value] of Object.entries(node.params)) {
    if (!isParamRef(value)) continue;
    const path = at(scope, 'nodes', i, 'params', name);
    if (!block) {
      errors.push(msg('ref.paramOutsideBlock', { path, ref: `{"$param": "${value.$param}"}` }));
    } else if (!Object.hasOwn(block.params, value.$param)) {
      errors.push(msg('ref.undeclaredParam', { path, param: blockParam(scope, value.$param), block: formatPath(scope.base) }));
    }
  }
  if (node.when) checkCondition(scope, node.when.param, ['nodes', i, 'when']);
}

function checkCondition(scope: Scope, param: string, rest: PropertyKey[]): void {
  if (!scope.block) scope.errors.push(msg('ref.conditionOutsideBlock', { path: at(scope, ...rest) }));
  else if (!Object.hasOwn(scope.block.params, param)) {
    scope.errors.push(msg('ref.undeclaredCondition', { path: at(scope, ...rest, 'param'), param: blockParam(scope, param), block: formatPath(scope.base) }));
  }
}

/** A block has input ports BlockInput 0..k-1 (at least one) and exactly one BlockOutput. */
function checkPorts(scope: Scope, block: BlockDefinition): void {
  const where = formatPath(scope.base);
  const outputs = block.nodes.filter((n) => n.type === BLOCK_OUTPUT_TYPE);
  if (outputs.length === 0) scope.errors.push(msg('ref.noBlockOutput', { block: where }));
  if (outputs.length > 1) {
    scope.errors.push(msg('ref.manyBlockOutputs', { block: where, count: outputs.length, ids: list(outputs.map((n) => n.id), 'comma') }));
  }
  const indices: number[] = [];
  block.nodes.forEach((n, i) => {
    if (n.type !== BLOCK_INPUT_TYPE) return;
    const index = n.params.index ?? 0;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      scope.errors.push(msg('ref.badPortIndex', { path: at(scope, 'nodes', i, 'params', 'index'), value: showValue(index) }));
    } else indices.push(index);
  });
  if (indices.length === 0 && block.nodes.every((n) => n.type !== BLOCK_INPUT_TYPE)) {
    scope.errors.push(msg('ref.noBlockInput', { block: where }));
  }
  const sorted = [...indices].sort((a, b) => a - b);
  if (sorted.some((v, k) => v !== k)) {
    scope.errors.push(msg('ref.portNumbers', { block: where, ports: list(sorted, 'comma') }));
  }
}

function checkParamSpec(path: readonly PropertyKey[], spec: BlockParamSpec, errors: Message[]): void {
  const d = spec.default;
  const at = (key: string) => formatPath([...path, key]);
  const value = showValue(d);
  const notA = (expected: 'expected.int' | 'expected.number' | 'expected.boolean') => msg('issue.wrongType', { path: at('default'), expected: msg(expected, {}), value });
  if (spec.kind === 'int' && !(typeof d === 'number' && Number.isInteger(d))) errors.push(notA('expected.int'));
  if (spec.kind === 'float' && typeof d !== 'number') errors.push(notA('expected.number'));
  if (spec.kind === 'bool' && typeof d !== 'boolean') errors.push(notA('expected.boolean'));
  if (spec.kind === 'enum') {
    if (!spec.options || spec.options.length === 0) errors.push(msg('spec.noOptions', { path: at('options') }));
    else if (!spec.options.includes(d as string | number)) {
      errors.push(msg('spec.notAnOption', { path: at('default'), value, options: list(spec.options.map((o) => JSON.stringify(o)), 'comma') }));
    }
  }
  if (typeof d === 'number' && spec.min !== undefined && d < spec.min) errors.push(msg('spec.belowMin', { path: at('default'), value: d, min: spec.min }));
  if (typeof d === 'number' && spec.max !== undefined && d > spec.max) errors.push(msg('spec.aboveMax', { path: at('default'), value: d, max: spec.max }));
}

/** Every reference problem in an already schema-valid document, as path-naming messages. */
export function checkReferences(doc: GraphDocument): Message[] {
  const errors: Message[] = [];
  checkGraph({ doc, base: [], block: null, errors }, doc.nodes, doc.edges);
  for (const [key, block] of Object.entries(doc.blocks)) {
    const base = ['blocks', key];
    if (block.id !== key) errors.push(msg('ref.blockIdMismatch', { path: formatPath([...base, 'id']), id: block.id, key }));
    for (const [name, spec] of Object.entries(block.params)) checkParamSpec([...base, 'params', name], spec, errors);
    checkGraph({ doc, base, block, errors }, block.nodes, block.edges);
  }
  for (const key of Object.keys(doc.blocks)) {
    const cycle = blockContainmentCycle(doc.blocks, key);
    if (cycle) errors.push(msg('ref.containsItself', { block: formatPath(['blocks', key]), cycle: list(cycle, 'arrow') }));
  }
  return errors;
}
