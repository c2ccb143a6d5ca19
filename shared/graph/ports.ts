// Structural checks on a node's inputs, independent of shapes: how many are connected
// (arity) and whether their ports are numbered 0, 1, 2, ... without repeats or gaps.
import type { GraphError } from './analysis';
import { renumberPortsFix } from './fixes';
import { listInWords, nodeName } from './format';
import type { GraphEdge, GraphNode } from './types';

export interface Arity {
  min: number;
  max: number;
}

function inputs(n: number): string {
  return `${n} input${n === 1 ? '' : 's'}`;
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
  const from = listInWords(incoming.map((e) => e.source));
  if (arity.max === 0 && n > 0) {
    return [{ nodeId: node.id, message: `${name} takes no inputs, but ${from} ${n === 1 ? 'feeds' : 'feed'} it; remove ${n === 1 ? 'that connection' : 'those connections'}.` }];
  }
  if (n === 0 && arity.min > 0) {
    return [{ nodeId: node.id, message: `${name} has no input; connect a layer to it.` }];
  }
  if (n < arity.min) {
    const more = arity.min - n === 1 ? 'another layer' : `${arity.min - n} more layers`;
    return [{ nodeId: node.id, message: `${name} needs at least ${inputs(arity.min)} but has ${n}; connect ${more} to it.` }];
  }
  if (n > arity.max) {
    const takes = arity.min === arity.max ? `takes ${inputs(arity.max)}` : `takes at most ${inputs(arity.max)}`;
    return [{ nodeId: node.id, message: `${name} ${takes} but has ${n} (from ${from}); remove the extra connection${n - arity.max === 1 ? '' : 's'}.` }];
  }
  const fix = renumberPortsFix(node, incoming);
  const odd = incoming.find((e) => !Number.isInteger(e.targetPort) || e.targetPort < 0);
  if (odd) {
    return [{ nodeId: node.id, message: `${name} has its input from ${odd.source} on port ${odd.targetPort}; ports are whole numbers 0, 1, 2, ...`, fix }];
  }
  const errors: GraphError[] = [];
  for (let i = 1; i < n; i++) {
    if (incoming[i].targetPort === incoming[i - 1].targetPort && (i === 1 || incoming[i - 2].targetPort !== incoming[i].targetPort)) {
      const same = incoming.filter((e) => e.targetPort === incoming[i].targetPort).map((e) => e.source);
      errors.push({
        nodeId: node.id,
        message: `${name} has ${same.length} inputs on port ${incoming[i].targetPort} (from ${listInWords(same)}); give each input its own port.`,
        fix,
      });
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
    const shown = missing.map(String);
    if (missingCount > missing.length) shown.push(`${missingCount - missing.length} more`);
    const gap = missingCount === 1 ? `port ${missing[0]}` : `ports ${listInWords(shown)}`;
    const has = n === 1 ? `its input on port ${ports[0]}` : `inputs on ports ${listInWords(ports.map(String))}`;
    errors.push({
      nodeId: node.id,
      message: `${name} has ${has} but nothing on ${gap}; number its inputs 0, 1, 2, ... without gaps.`,
      fix,
    });
  }
  return errors;
}
