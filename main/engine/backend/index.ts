// Picks the fastest TF.js backend that loads on this machine: tensorflow (tfjs-node, an
// optional dependency that is often not installed), then wasm, then cpu. The chosen name is
// always returned so the UI and the CLI can show it.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { registerTrainingGradients, registerWasmKernels } from '../kernels';
import { useStockWasm, useThreadedWasm, wantedThreads } from './wasm-threads';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

export interface Backend {
  name: BackendName;
  tf: typeof tf;
  /** Threads the backend computes with, where it says. */
  threads?: number;
}

const nodeRequire = createRequire(import.meta.url);

/** Loads the backend and makes it current; throws a sentence saying why it cannot load. */
async function load(name: BackendName): Promise<Backend> {
  if (name === 'tensorflow') {
    // A variable specifier keeps bundlers and tsc from requiring the optional package.
    const specifier = '@tensorflow/tfjs-node';
    try {
      await import(/* @vite-ignore */ specifier);
    } catch (e) {
      throw new Error(
        `The tensorflow backend needs the optional package @tensorflow/tfjs-node, which could not be loaded (${firstLine(e)}). ` +
          'Install it with `npm install @tensorflow/tfjs-node`, or choose --backend wasm.',
        { cause: e },
      );
    }
    await activate('tensorflow');
    registerTrainingGradients();
    return { name, tf };
  }
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // In Node the .wasm binaries are read from the package's dist folder on disk.
    const dist = path.join(path.dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
    registerWasmKernels();
    if (!tf.engine().registry.wasm) {
      wasm.setWasmPaths(dist);
      // Threads pay off only from two cores up; the threaded build is otherwise the same code.
      const threads = wantedThreads();
      if (threads > 1 && useThreadedWasm(threads)) {
        try {
          await activate('wasm');
          return { name, tf, threads: wasm.getThreadsCount() };
        } catch {
          useStockWasm();
        }
      }
    }
    await activate('wasm');
    return { name, tf, threads: wasm.getThreadsCount() };
  }
  await activate('cpu');
  registerTrainingGradients();
  // The cpu backend greets Node users with a banner on first use; the backend is shown anyway.
  (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
  return { name, tf, threads: 1 };
}

async function activate(name: BackendName): Promise<void> {
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    throw new Error(`The ${name} backend failed to start: ${firstLine(e)}.`, { cause: e });
  }
  if (!ok) throw new Error(`The ${name} backend failed to start on this machine.`);
  await tf.ready();
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String(e.message) : String(e);
  return text.split('\n')[0].replace(/\.$/, '');
}

/**
 * Starts the preferred backend, or the best one that loads when none is preferred.
 * A preferred backend that cannot load is an error, never a silent fallback.
 */
export async function initBackend(preferred?: BackendName): Promise<Backend> {
  if (preferred !== undefined) {
    if (!BACKEND_NAMES.includes(preferred)) {
      throw new Error(`Unknown backend "${String(preferred)}": choose one of ${BACKEND_NAMES.join(', ')}.`);
    }
    return load(preferred);
  }
  const reasons: string[] = [];
  for (const name of BACKEND_NAMES) {
    try {
      return await load(name);
    } catch (e) {
      reasons.push((e as Error).message);
    }
  }
  throw new Error(`No TF.js backend could start. ${reasons.join(' ')}`);
}
