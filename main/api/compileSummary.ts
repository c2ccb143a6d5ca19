// compileSummary: builds the graph on the engine, as training would, and reports what came
// out (parameter counts, layers, shapes) or why it could not be built.
import type { CompileSummary } from '../../shared/api/schemas';
import type { StudioParsedRequest } from '../../shared/api/studio';
import { StudioApiError } from '../../shared/api/errors';
import { BACKEND_NAMES, type Backend, type BackendName, initBackend } from '../engine/backend';
import { CompileError, compileGraph } from '../engine/compile';

/** Backends start once per process; switching TF.js backends back and forth is slow. */
const started = new Map<string, Promise<Backend>>();

function backendFor(name: string | undefined): Promise<Backend> {
  if (name !== undefined && !BACKEND_NAMES.includes(name as BackendName)) {
    throw new StudioApiError(`There is no backend called "${name}"; choose one of ${BACKEND_NAMES.join(', ')}.`);
  }
  const key = name ?? 'best';
  let backend = started.get(key);
  if (!backend) {
    backend = initBackend(name as BackendName | undefined);
    // A backend that failed to start may work after the user installs it: do not cache the failure.
    backend.catch(() => started.delete(key));
    started.set(key, backend);
  }
  return backend;
}

export async function compileSummary(request: StudioParsedRequest<'compileSummary'>): Promise<CompileSummary> {
  const backend = await backendFor(request.backend);
  // Another summary may have switched the global TF.js backend in between.
  if (backend.tf.getBackend() !== backend.name) await backend.tf.setBackend(backend.name);
  try {
    const compiled = compileGraph(request.graph, backend.tf);
    const { model } = compiled;
    try {
      const count = (weights: typeof model.weights) => weights.reduce((sum, w) => sum + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
      const trainableParams = count(model.trainableWeights);
      const nonTrainableParams = count(model.nonTrainableWeights);
      const output = model.outputs[0].shape.slice(1).map((d) => d ?? -1);
      return {
        ok: true,
        backend: backend.name,
        model: {
          params: trainableParams + nonTrainableParams,
          trainableParams,
          nonTrainableParams,
          layers: model.layers.length,
          inputShape: compiled.inputShape,
          outputShape: output,
          classes: compiled.classes,
        },
        errors: [],
      };
    } finally {
      model.dispose();
    }
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const errors = e.errors.length > 0 ? e.errors.map((g) => ({ nodeId: g.nodeId, message: g.message })) : [{ nodeId: e.nodeId, message: e.message }];
    return { ok: false, backend: backend.name, model: null, errors };
  }
}
