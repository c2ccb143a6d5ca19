// Which wires the editor accepts. Checked while the user drags, so a refused wire shows its
// reason before it is dropped.
import type { GraphDocument, GraphEdge } from '../../../shared/graph/types';
import { hasOutputPort, inputArity, type GraphView } from './scope';

export type RefusalReason = 'self' | 'noInputs' | 'noOutput' | 'inputTaken' | 'portTaken' | 'portsFull' | 'cycle' | 'duplicate';

export type ConnectionCheck =
  | { ok: true; port: number }
  | { ok: false; reason: RefusalReason; source: string; target: string };

export function portFromHandle(handle: string | null | undefined): number | null {
  if (!handle) return null;
  const m = /^in(\d+)$/.exec(handle);
  return m ? Number(m[1]) : null;
}

export function handleForPort(port: number): string {
  return `in${port}`;
}

/** True if `to` can be reached from `from` by following edges forwards. */
export function reaches(edges: readonly GraphEdge[], from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e.target);
    else out.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const next of out.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

export function checkConnection(
  doc: GraphDocument,
  view: GraphView,
  source: string,
  target: string,
  targetHandle: string | null | undefined,
): ConnectionCheck {
  const refuse = (reason: RefusalReason): ConnectionCheck => ({ ok: false, reason, source, target });
  if (source === target) return refuse('self');
  const src = view.nodes.find((n) => n.id === source);
  const dst = view.nodes.find((n) => n.id === target);
  if (!src || !dst) return refuse('self');
  if (!hasOutputPort(src)) return refuse('noOutput');
  const arity = inputArity(doc, dst);
  if (arity.max === 0) return refuse('noInputs');
  const incoming = view.edges.filter((e) => e.target === target);
  let port = portFromHandle(targetHandle) ?? 0;
  if (arity.max === 1) {
    if (incoming.length > 0) return refuse('inputTaken');
    port = 0;
  } else {
    if (incoming.some((e) => e.source === source && e.targetPort === port)) return refuse('duplicate');
    if (incoming.some((e) => e.targetPort === port)) return refuse('portTaken');
    if (incoming.length >= arity.max || port >= arity.max) return refuse('portsFull');
  }
  if (reaches(view.edges, target, source)) return refuse('cycle');
  return { ok: true, port };
}
