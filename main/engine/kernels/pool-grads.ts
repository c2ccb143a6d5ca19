// Two pooling gradients TF.js gets wrong (found by checking the onnxruntime step against it):
// - AvgPoolGrad (cpu and wasm) divides every window by its full size, while the forward
//   pass divides windows clipped by 'same' padding by the cells they cover; the border
//   gradients came out too small. The fix scales dy by size/covered cells, then runs the
//   stock kernel.
// - MaxPoolGrad on wasm loses the gradient of windows whose values are all negative (max
//   pooling straight after a convolution or batch norm). The replacement routes each dy to
//   the first maximum of its window, as the cpu backend does, in plain loops over the heap.
import {
  backend_util,
  getKernel,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { withKernelCalls } from './wasm-calls';

type PoolAttrs = { filterSize: number | [number, number]; strides: number | [number, number]; pad: 'valid' | 'same' | number; dimRoundingMode?: 'floor' | 'round' | 'ceil' };

function poolInfo(shape: number[], a: PoolAttrs): backend_util.Conv2DInfo {
  return backend_util.computePool2DInfo(shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
}

/** How many cells inside the image each output's window covers, per output position [OH * OW]. */
export function coveredCells(info: backend_util.Conv2DInfo): Float32Array {
  const { outHeight, outWidth, inHeight, inWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const cells = new Float32Array(outHeight * outWidth);
  for (let i = 0; i < outHeight; i++) {
    const top = i * strideHeight - info.padInfo.top;
    const rows = Math.min(top + filterHeight, inHeight) - Math.max(top, 0);
    for (let j = 0; j < outWidth; j++) {
      const left = j * strideWidth - info.padInfo.left;
      cells[i * outWidth + j] = rows * (Math.min(left + filterWidth, inWidth) - Math.max(left, 0));
    }
  }
  return cells;
}

/** Full window size / covered cells per output position ([1, OH, OW, 1]); null when no window is clipped. */
export function avgPoolCoverage(info: backend_util.Conv2DInfo): Float32Array | null {
  const full = info.filterHeight * info.filterWidth;
  const cells = coveredCells(info);
  return cells.some((c) => c !== full) ? cells.map((c) => full / c) : null;
}

function avgPoolGradFix(stock: KernelConfig): KernelConfig {
  const backendName = stock.backendName;
  const kernelFunc: KernelFunc = (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const scale = avgPoolCoverage(poolInfo(input.shape, args.attrs as unknown as PoolAttrs));
    if (!scale) return stock.kernelFunc(args);
    const backend = args.backend as KernelBackend;
    return withKernelCalls(backend, (k) => {
      const dataId = backend.write(scale, [1, dy.shape[1], dy.shape[2], 1], 'float32');
      const factor: TensorInfo = { dataId, shape: [1, dy.shape[1], dy.shape[2], 1], dtype: 'float32' };
      try {
        const scaled = k.run('Multiply', { a: dy, b: factor });
        return stock.kernelFunc({ ...args, inputs: { dy: scaled, input } }) as TensorInfo;
      } finally {
        backend.disposeData(dataId);
      }
    }, backendName);
  };
  return { ...stock, kernelFunc };
}

interface WasmHeapBackend extends KernelBackend {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

const maxPoolGradWasm: KernelFunc = ({ inputs, attrs, backend }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const b = backend as WasmHeapBackend;
  const info = poolInfo(input.shape, attrs as unknown as PoolAttrs);
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const out = b.makeOutput(input.shape, 'float32');
  const x = b.typedArrayFromHeap(input);
  const g = b.typedArrayFromHeap(dy);
  const dx = b.typedArrayFromHeap(out);
  dx.fill(0);
  for (let n = 0; n < batchSize; n++) {
    for (let i = 0; i < outHeight; i++) {
      const top = i * strideHeight - info.padInfo.top;
      for (let j = 0; j < outWidth; j++) {
        const left = j * strideWidth - info.padInfo.left;
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let at = -1;
          for (let r = Math.max(top, 0); r < Math.min(top + filterHeight, inHeight); r++) {
            for (let q = Math.max(left, 0); q < Math.min(left + filterWidth, inWidth); q++) {
              const k = ((n * inHeight + r) * inWidth + q) * c + ch;
              if (x[k] > best || at < 0) {
                best = x[k];
                at = k;
              }
            }
          }
          if (at >= 0) dx[at] += g[((n * outHeight + i) * outWidth + j) * c + ch];
        }
      }
    }
  }
  return out;
};

/** The fixed pooling gradients for the backends that are registered (stock kernels kept as fallbacks). */
export function poolGradConfigs(backendName: 'cpu' | 'wasm'): KernelConfig[] {
  const configs: KernelConfig[] = [];
  const avg = getKernel('AvgPoolGrad', backendName);
  if (avg && !(avg as { reswire?: boolean }).reswire) configs.push({ ...avgPoolGradFix(avg), reswire: true } as KernelConfig);
  if (backendName === 'wasm') configs.push({ kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGradWasm });
  return configs;
}
