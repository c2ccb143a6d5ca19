// Runs the wasm backend's own kernels on TensorInfos from inside another kernel.
// Going through tf ops here would create engine-tracked tensors in the middle of a kernel
// (and once recursed forever in moveData during a real fit), so custom kernels call the
// backend's kernel functions directly and free every intermediate themselves.
import { getKernel, type KernelBackend, type NamedAttrMap, type TensorInfo } from '@tensorflow/tfjs-core';

type Inputs = Record<string, TensorInfo>;

/** Backend kernels called by one custom kernel; `dispose()` frees all but the kept result. */
export class KernelCalls {
  private readonly temps: TensorInfo[] = [];

  constructor(readonly backend: KernelBackend, private readonly backendName = 'wasm') {}

  run(kernelName: string, inputs: Inputs, attrs: object = {}): TensorInfo {
    const kernel = getKernel(kernelName, this.backendName);
    if (!kernel) throw new Error(`The ${this.backendName} backend has no ${kernelName} kernel.`);
    const out = kernel.kernelFunc({ inputs, attrs: attrs as NamedAttrMap, backend: this.backend });
    if (Array.isArray(out)) throw new Error(`${kernelName} returned several tensors where one was expected.`);
    this.temps.push(out);
    return out;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /** Slices when `size` differs from x's shape; otherwise returns x itself. */
  sliceTo(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    const same = size.every((s, i) => s === x.shape[i]) && begin.every((b) => b === 0);
    return same ? x : this.run('Slice', { x }, { begin, size });
  }

  /**
   * Inserts (s-1) zeros after every row/column of an NHWC tensor: [N,H,W,C] ->
   * [N,H*sh,W*sw,C]. The trailing zeros are kept; callers trim them with padding maths.
   */
  zeroDilate(x: TensorInfo, sh: number, sw: number): TensorInfo {
    if (sh === 1 && sw === 1) return x;
    const [n, h, w, c] = x.shape;
    const six = this.reshape(x, [n, h, 1, w, 1, c]);
    const padded = this.run('PadV2', { x: six }, {
      paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]],
      constantValue: 0,
    });
    return this.reshape(padded, [n, h * sh, w * sw, c]);
  }

  /** Keeps `result` alive and frees every other intermediate. */
  finish(result: TensorInfo): TensorInfo {
    for (const t of this.temps) {
      if (t !== result) this.backend.disposeData(t.dataId);
    }
    this.temps.length = 0;
    return result;
  }

  /** Frees everything (used when a kernel throws half-way). */
  dispose(): void {
    for (const t of this.temps) this.backend.disposeData(t.dataId);
    this.temps.length = 0;
  }
}

/** Runs `body` with a fresh KernelCalls, freeing intermediates on success and on failure. */
export function withKernelCalls(backend: KernelBackend, body: (k: KernelCalls) => TensorInfo, backendName = 'wasm'): TensorInfo {
  const calls = new KernelCalls(backend, backendName);
  try {
    return calls.finish(body(calls));
  } catch (e) {
    calls.dispose();
    throw e;
  }
}
