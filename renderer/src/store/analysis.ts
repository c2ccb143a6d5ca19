// The derived analysis: shapes, weights, MACs and errors for the whole document,
// recomputed (incrementally) after every document change, in its own store so panels that
// only need totals do not re-render with the canvas and vice versa.
import { create } from 'zustand';
import type { GraphAnalysis, NodeInfo } from '../../../shared/graph/analysis';
import { createInference } from '../../../shared/graph/incremental';
import { BLOCK_NODE_TYPE, type GraphDocument } from '../../../shared/graph/types';
import { scopeGraph } from '../editing/scope';
import { useDocument } from './documentStore';

export type NodeView = NodeInfo;

interface AnalysisState {
  analysis: GraphAnalysis;
  /** Milliseconds the last re-inference took (shown to the performance test). */
  lastMs: number;
}

const inference = createInference();

/** Each re-inference is recorded with the browser's performance API, for profiling and the e2e timings. */
export const INFERENCE_MEASURE = 'reswire:infer';

function analyze(doc: GraphDocument): AnalysisState {
  const start = performance.now();
  const analysis = inference.infer(doc);
  const end = performance.now();
  try {
    // Keep only the latest, so a long session does not pile up entries.
    performance.clearMeasures(INFERENCE_MEASURE);
    performance.measure(INFERENCE_MEASURE, { start, end, detail: { nodes: doc.nodes.length } });
  } catch {
    // Older engines without measure options: the timing is still in lastMs.
  }
  return { analysis, lastMs: end - start };
}

export const useAnalysis = create<AnalysisState>(() => analyze(useDocument.getState().doc));

useDocument.subscribe((state, prev) => {
  if (state.doc !== prev.doc) useAnalysis.setState(analyze(state.doc));
});

export interface ScopeAnalysis {
  nodes: ReadonlyMap<string, NodeInfo>;
  /** For a block definition: false when no connected instance gives its inputs a shape. */
  shapesKnown: boolean;
}

const EMPTY = new Map<string, NodeInfo>();

/**
 * Node infos for the open scope. Inside a block definition they are the inner results of
 * the first instance reached by the breadcrumb path, so the block shows real shapes.
 */
export function scopeInfos(doc: GraphDocument, analysis: GraphAnalysis, scopePath: readonly string[]): ScopeAnalysis {
  let infos: ReadonlyMap<string, NodeInfo> = analysis.nodes;
  let parent: string | null = null;
  for (const blockId of scopePath) {
    const graph = scopeGraph(doc, parent);
    const instance = graph.nodes.find((n) => n.type === BLOCK_NODE_TYPE && n.params.block === blockId && infos.get(n.id)?.inner);
    const inner = instance ? infos.get(instance.id)?.inner : undefined;
    if (!inner) return { nodes: EMPTY, shapesKnown: false };
    infos = inner;
    parent = blockId;
  }
  return { nodes: infos, shapesKnown: true };
}

/**
 * The open scope's node infos as a store of their own, so each canvas node and wire can
 * select its own entry: after an edit only the ones whose info changed re-render, and React
 * Flow is not handed 1,000 new node objects because shapes changed.
 */
function currentScopeInfos(): ScopeAnalysis {
  const { doc, scopePath } = useDocument.getState();
  return scopeInfos(doc, useAnalysis.getState().analysis, scopePath);
}

export const useScopeInfos = create<ScopeAnalysis>(currentScopeInfos);

function refreshScopeInfos(): void {
  const next = currentScopeInfos();
  const cur = useScopeInfos.getState();
  if (next.nodes !== cur.nodes || next.shapesKnown !== cur.shapesKnown) useScopeInfos.setState(next, true);
}

// The analysis store subscribed to document changes first, so it is current here.
useAnalysis.subscribe(refreshScopeInfos);
useDocument.subscribe((state, prev) => {
  if (state.scopePath !== prev.scopePath) refreshScopeInfos();
});

export function useScopeAnalysis(): ScopeAnalysis {
  return useScopeInfos();
}

/** One node's info in the open scope; infos of unchanged nodes keep their identity between inferences. */
export function useNodeInfo(id: string): NodeInfo | undefined {
  return useScopeInfos((s) => s.nodes.get(id));
}
