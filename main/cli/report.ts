// How the CLI shows a graph analysis: an aligned table for people, and a fixed JSON shape
// for scripts (`reswire inspect --json`).
import type { GraphAnalysis, GraphError, NodeInfo } from '../../shared/graph/analysis';
import type { Fix } from '../../shared/graph/edits';
import type { GraphDocument, Shape } from '../../shared/graph/types';

/** 272474 -> "272,474" */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** 40813184 -> "40.8M", 4089184256 -> "4.09G", 432 -> "432": three significant digits. */
export function formatMacs(n: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) return `${Number((n / size).toPrecision(3))}${unit}`;
  }
  return String(Math.round(n));
}

/** [32, 32, 16] -> "32x32x16"; unknown -> "?" */
export function formatShapeShort(shape: Shape | null): string {
  return shape ? shape.join('x') : '?';
}

const nodeParams = (info: NodeInfo) => info.trainableParams + info.nonTrainableParams;

export interface InspectJson {
  valid: boolean;
  totals: { params: number; trainableParams: number; macs: number };
  nodes: { id: string; type: string; outputShape: Shape | null; params: number; macs: number }[];
  errors: { nodeId: string | null; message: string; fix: Fix | null }[];
}

/** Top-level nodes in topological order (block instances as one row each). */
function orderedNodes(doc: GraphDocument, analysis: GraphAnalysis): NodeInfo[] {
  const seen = new Set<string>();
  const out: NodeInfo[] = [];
  for (const id of [...analysis.order, ...doc.nodes.map((n) => n.id)]) {
    const info = analysis.nodes.get(id);
    if (info && !seen.has(id)) {
      seen.add(id);
      out.push(info);
    }
  }
  return out;
}

export function inspectJson(doc: GraphDocument, analysis: GraphAnalysis): InspectJson {
  return {
    valid: analysis.valid,
    totals: { params: analysis.totals.params, trainableParams: analysis.totals.trainableParams, macs: analysis.totals.macs },
    nodes: orderedNodes(doc, analysis).map((n) => ({ id: n.id, type: n.type, outputShape: n.outputShape, params: nodeParams(n), macs: n.macs })),
    errors: analysis.errors.map((e) => ({ nodeId: e.nodeId, message: e.message, fix: e.fix ?? null })),
  };
}

function typeLabel(doc: GraphDocument, info: NodeInfo): string {
  if (info.type !== 'Block') return info.type;
  const node = doc.nodes.find((n) => n.id === info.id);
  const def = node?.params.block;
  return typeof def === 'string' ? `Block ${def}` : 'Block';
}

const CELL = 72;

/** The first sentence, cut to fit a table cell; the full text follows the table. */
function shorten(message: string): string {
  const first = message.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? message;
  return first.length <= CELL ? first : `${first.slice(0, CELL - 1).trimEnd()}…`;
}

/** Rows for the table; with `inner`, a block's layers follow it, indented. */
function rows(doc: GraphDocument, nodes: NodeInfo[], inner: boolean, indent = ''): string[][] {
  const out: string[][] = [];
  for (const n of nodes) {
    // Block ports only pass values through; listing them adds nothing.
    if (indent && (n.type === 'BlockInput' || n.type === 'BlockOutput')) continue;
    const errs = n.errors.length === 0 ? '' : shorten(n.errors[0].message) + (n.errors.length > 1 ? ` (+${n.errors.length - 1} more)` : '');
    out.push([indent + n.id, indent ? n.type : typeLabel(doc, n), formatShapeShort(n.outputShape), formatCount(nodeParams(n)), formatMacs(n.macs), errs]);
    if (inner && n.inner) out.push(...rows(doc, [...n.inner.values()], inner, `${indent}  `));
  }
  return out;
}

function table(header: string[], body: string[][], rightAligned: Set<number>): string {
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return all.map(line).join('\n');
}

function errorLines(errors: GraphError[], file: string): string[] {
  const lines: string[] = [];
  for (const e of errors) {
    lines.push(`  ${e.nodeId ?? '(graph)'}: ${e.message}`);
    if (e.fix) lines.push(`      fix available: ${e.fix.title} (run \`reswire fix ${file}\`)`);
  }
  return lines;
}

/** The human-readable report: table, totals, then every error with its fix. */
export function inspectText(doc: GraphDocument, analysis: GraphAnalysis, file: string, inner = false): string {
  const nodes = orderedNodes(doc, analysis);
  const blockCount = Object.keys(doc.blocks).length;
  const t = analysis.totals;
  const out = [
    `${doc.name || '(unnamed graph)'} (${file}): ${nodes.length} nodes${blockCount ? `, ${blockCount} block definition${blockCount === 1 ? '' : 's'}` : ''}`,
    '',
    table(['node', 'type', 'output', 'params', 'MACs', 'error'], rows(doc, nodes, inner), new Set([3, 4])),
    '',
    `params: ${formatCount(t.params)} (${formatCount(t.trainableParams)} trainable, ${formatCount(t.nonTrainableParams)} non-trainable)`,
    `MACs per sample: ${formatCount(t.macs)} (${formatMacs(t.macs)})`,
    `activations per sample: ${formatCount(t.activationElements)} values`,
  ];
  if (analysis.valid) out.push('valid: yes');
  else {
    const n = analysis.errors.length;
    out.push(`valid: no, ${n} error${n === 1 ? '' : 's'}:`, ...errorLines(analysis.errors, file));
  }
  return out.join('\n') + '\n';
}

export function errorSummary(errors: GraphError[], file: string): string[] {
  return errorLines(errors, file);
}
