// The multi-threaded wasm backend in Node. tfjs-backend-wasm switches threads off in Node
// (WASM_HAS_MULTITHREAD_SUPPORT is false there) only because its loader starts the pthread
// workers from blob: URLs, which Node's Worker refuses. This loader starts the same threaded
// build with its worker and factory scripts read from files, and registers it as 'wasm'.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const nodeRequire = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const wasmOut = path.join(path.dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');

/** Same priority the package registers its own wasm backend with. */
const WASM_PRIORITY = 2;

interface EmscriptenModule {
  cwrap(name: string, ret: string | null, args: string[]): (...a: number[]) => number;
  tfjs?: Record<string, unknown>;
  PThread: { runningWorkers: { unref(): void }[] };
}

type Factory = (config: Record<string, unknown>) => Promise<EmscriptenModule>;

// This layer's tsconfig has no DOM lib, so the WebAssembly global is typed here.
const wasmApi = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: unknown; module: unknown }> };
}).WebAssembly;

async function instantiateThreaded(threads: number): Promise<EmscriptenModule> {
  const factory = nodeRequire(path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js')) as Factory;
  const wasmFile = path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.wasm');
  const module = await factory({
    locateFile: (file: string) => {
      if (file.endsWith('.worker.js')) return path.join(here, 'wasm-thread-worker.cjs');
      if (file.endsWith('.wasm')) return wasmFile;
      return path.join(wasmOut, file);
    },
    // The workers import the factory by path (the package would hand them a Blob).
    mainScriptUrlOrBlob: path.join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js'),
    // The C++ side caps its thread pool at half the logical cores it is told about (one
    // thread on a 2-core machine); reporting twice the wanted count lifts that cap.
    instantiateWasm: (info: { env: Record<string, unknown> }, receive: (instance: unknown, module: unknown) => void) => {
      info.env.emscripten_num_logical_cores = () => 2 * threads;
      wasmApi.instantiate(readFileSync(wasmFile), info).then(({ instance, module }) => receive(instance, module));
      return {};
    },
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

type BackendFactory = ReturnType<typeof tf.findBackendFactory>;
let stockFactory: BackendFactory | null = null;

/**
 * Replaces the registered 'wasm' backend factory with the threaded one (before the backend
 * is first started). Returns false when this Node has no SharedArrayBuffer.
 */
export function useThreadedWasm(threads = wantedThreads()): boolean {
  if (stockFactory) return true;
  if (typeof SharedArrayBuffer === 'undefined') return false;
  setThreadsCount(threads);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  stockFactory = tf.findBackendFactory('wasm') as BackendFactory | null;
  if (stockFactory) tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    async () => {
      const module = await instantiateThreaded(threads);
      const backend = new BackendWasm(module as never);
      // The thread pool's workers would otherwise keep Node from exiting when work is done.
      for (const worker of module.PThread.runningWorkers) worker.unref();
      return backend;
    },
    WASM_PRIORITY,
  );
  return true;
}

/** Puts the package's own single-threaded wasm backend back (after the threaded one failed). */
export function useStockWasm(): void {
  if (!stockFactory) return;
  tf.removeBackend('wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setThreadsCount(1);
  tf.registerBackend('wasm', stockFactory, WASM_PRIORITY);
  stockFactory = null;
}

export { getThreadsCount };
