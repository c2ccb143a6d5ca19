// onnxruntime-node, loaded on first use: an optional dependency whose CPU binaries ship in
// its npm package (Linux x64/arm64, Windows x64/arm64, macOS arm64). Where it is missing or
// cannot load, callers fall back to TF.js and say why.
import os from 'node:os';
import type * as Ort from 'onnxruntime-node';

export type OrtModule = typeof Ort;

let loaded: Promise<OrtModule> | null = null;

/** The onnxruntime-node module; rejects with a sentence when it cannot be loaded. */
export function loadOnnxRuntime(): Promise<OrtModule> {
  loaded ??= (async () => {
    // A variable specifier keeps bundlers from resolving the optional package at build time.
    const specifier = 'onnxruntime-node';
    try {
      const mod = (await import(/* @vite-ignore */ specifier)) as OrtModule & { default?: OrtModule };
      return mod.InferenceSession ? mod : mod.default!;
    } catch (e) {
      loaded = null;
      const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      throw new Error(`onnxruntime-node could not be loaded (${reason}).`, { cause: e });
    }
  })();
  return loaded;
}

/** Threads onnxruntime computes with: RESWIRE_ORT_THREADS, else every logical core. */
export function onnxThreads(): number {
  const wanted = Number(process.env.RESWIRE_ORT_THREADS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : os.availableParallelism();
}

/** How the engine runs its graphs: every core on one operator at a time, no busy waiting. */
export function sessionOptions(threads = onnxThreads()): Ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Idle onnxruntime threads sleep instead of spinning: spinning threads fight TF.js's
    // threads and each other (a ResNet-20 step took 2-3x longer with spinning on 2 cores).
    extra: { session: { 'intra_op.allow_spinning': '0' } },
  };
}

export async function createSession(ort: OrtModule, model: Uint8Array, threads = onnxThreads()): Promise<Ort.InferenceSession> {
  return ort.InferenceSession.create(model, sessionOptions(threads));
}
