// Structural checks on a node's inputs, independent of shapes: how many are connected
// (arity) and whether their ports are numbered 0, 1, 2, ... without repeats or gaps.
import { list, msg, type Message, type MessageArg } from '../i18n/messages';
import { graphError, type GraphError } from './analysis';
import type { Fix } from './edits';
import { renumberPortsFix } from './fixes';
import { nodeName } from './format';
import type { GraphEdge, GraphNode } from './types';

export interface Arity {
  min: number;
  max: number;
}

const NONE: GraphError[] = [];

/** True for the usual case, checked on every node of every inference: ports 0..n-1 in order, count in range. */
function wellFormed(incoming: readonly GraphEdge[], arity: Arity): boolean {
  const n = incoming.length;
  if (n < arity.min || n > arity.max) return false;
  for (let i = 0; i < n; i++) if (incoming[i].targetPort !== i) return false;
  return true;
}

export function inputProblems(node: GraphNode, incoming: readonly GraphEdge[], arity: Arity): GraphError[] {
  if (wellFormed(incoming, arity)) return NONE;
  const name = nodeName(node);
  const n = incoming.length;
  const sources = list(incoming.map((e) => e.source), 'and');
  const problem = (text: Message, fix?: Fix) => graphError(node.id, text, { fix });
  if (arity.max === 0 && n > 0) return [problem(msg('ports.noInputsButFed', { node: name, sources, n }))];
  if (n === 0 && arity.min > 0) return [problem(msg('ports.noInput', { node: name }))];
  if (n < arity.min) {
    const more = arity.min - n === 1 ? msg('ports.anotherLayer', {}) : msg('ports.moreLayers', { count: arity.min - n });
    return [problem(msg('ports.needsAtLeast', { node: name, min: arity.min, n, more }))];
  }
  if (n > arity.max) {
    const code = arity.min === arity.max ? 'ports.takes' : 'ports.takesAtMost';
    return [problem(msg(code, { node: name, max: arity.max, n, sources, extra: n - arity.max }))];
  }
  const fix = renumberPortsFix(node, incoming);
  const odd = incoming.find((e) => !Number.isInteger(e.targetPort) || e.targetPort < 0);
  if (odd) return [problem(msg('ports.badPort', { node: name, source: odd.source, port: odd.targetPort }), fix)];
  const errors: GraphError[] = [];
  for (let i = 1; i < n; i++) {
    if (incoming[i].targetPort === incoming[i - 1].targetPort && (i === 1 || incoming[i - 2].targetPort !== incoming[i].targetPort)) {
      const same = incoming.filter((e) => e.targetPort === incoming[i].targetPort).map((e) => e.source);
      errors.push(problem(msg('ports.shared', { node: name, count: same.length, port: incoming[i].targetPort, sources: list(same, 'and') }), fix));
    }
  }
  // Renumbering repairs repeats and gaps alike, so one sentence about repeats is enough.
  if (errors.length > 0) return errors;
  const ports = incoming.map((e) => e.targetPort);
  // Ports can be any whole number, so list only the first few gaps.
  const missing: number[] = [];
  let missingCount = 0;
  let expect = 0;
  for (const p of ports) {
    if (p > expect) {
      missingCount += p - expect;
      for (let q = expect; q < p && missing.length < 4; q++) missing.push(q);
    }
    expect = p + 1;
  }
  if (missingCount > 0) {
    const shown: MessageArg[] = missing.slice();
    if (missingCount > missing.length) shown.push(msg('ports.more', { count: missingCount - missing.length }));
    const gap = missingCount === 1 ? msg('ports.missingOne', { port: missing[0] }) : msg('ports.missingMany', { ports: list(shown, 'and') });
    const has = n === 1 ? msg('ports.hasOne', { port: ports[0] }) : msg('ports.hasMany', { ports: list(ports, 'and') });
    errors.push(problem(msg('ports.gap', { node: name, has, missing: gap }), fix));
  }
  return errors;
}
