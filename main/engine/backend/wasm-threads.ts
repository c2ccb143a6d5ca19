// The multi-threaded wasm backend in Node. tfjs-backend-wasm switches threads off in Node
// (WASM_HAS_MULTITHREAD_SUPPORT is false there) only because its loader starts the pthread
// workers from blob: URLs, which Node's Worker refuses. This loader starts the same threaded
// build with its worker and factory scripts read from files, and registers it as 'wasm'.
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const wasmOut = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');

/** Same priority the package registers its own wasm backend with. */
const WASM_PRIORITY = 2;

interface EmscriptenModule {
  cwrap(name: string, ret: string | null, args: string[]): (...a: number[]) => number;
  tfjs?: Record<string, unknown>;
}

type Factory = (config: Record<string, unknown>) => Promise<EmscriptenModule>;

async function instantiateThreaded(): Promise<EmscriptenModule> {
  const factory = require(path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js')) as Factory;
  const module = await factory({
    locateFile: (file: string) => {
      if (file.endsWith('.worker.js')) return path.join(here, 'wasm-thread-worker.cjs');
      if (file.endsWith('.wasm')) return path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.wasm');
      return path.join(wasmOut, file);
    },
    // The workers import the factory by path (the package would hand them a Blob).
    mainScriptUrlOrBlob: path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js'),
  });
  // The bridge the package's own loader adds (names as in tfjs-backend-wasm's init()).
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  return module;
}

/** Threads to use: RESWIRE_WASM_THREADS, else every logical core (the package's default is half). */
export function wantedThreads(): number {
  const fromEnv = Number(process.env.RESWIRE_WASM_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, cpus().length);
}

let registered = false;

/**
 * Replaces the registered 'wasm' backend factory with the threaded one (before the backend
 * is first started). Returns false when SharedArrayBuffer or wasm threads are unavailable.
 */
export function useThreadedWasm(threads = wantedThreads()): boolean {
  if (registered) return true;
  if (typeof SharedArrayBuffer === 'undefined') return false;
  setThreadsCount(threads);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  if (tf.findBackendFactory('wasm')) tf.removeBackend('wasm');
  tf.registerBackend('wasm', async () => new BackendWasm(await instantiateThreaded() as never), WASM_PRIORITY);
  registered = true;
  return true;
}

export { getThreadsCount };
