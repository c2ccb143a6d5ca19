// Inference for an editor that re-infers on every edit. Documents are immutable, so an
// unchanged node is the same object as before: its cached result is reused when its input
// shapes are unchanged too, and only the edited node and what its shape reaches are redone.
import type { GraphAnalysis } from './analysis';
import { createCache, inferWithCache } from './infer';
import type { GraphDocument } from './types';

export interface Inference {
  /** Same result as inferGraph(doc), reusing work from the previous call where it can. */
  infer(doc: GraphDocument): GraphAnalysis;
  /** Forgets every cached result (e.g. when another document is opened). */
  reset(): void;
}

export function createInference(): Inference {
  let cache = createCache();
  return {
    infer: (doc) => inferWithCache(doc, cache),
    reset: () => {
      cache = createCache();
    },
  };
}
