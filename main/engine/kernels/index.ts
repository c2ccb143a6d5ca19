// Registers ResWire's training kernels: the convolution gradients the wasm backend lacks or
// runs slowly, and a broadcasting batch-norm gradient (backend-independent).
import { getGradient, getKernel, type GradConfig, type KernelConfig, registerGradient, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { fusedBatchNormGradConfig } from './batchnorm-grad';
import { conv2DBackpropFilterConfig, conv2DBackpropInputConfig } from './conv2d-grads';
import { registerCpuFixes } from './cpu-fixes';
import { fastBatchNormConfig } from './batchnorm-kernel';
import { identityConfig } from './identity';
import { fastReductionConfigs } from './reductions';
import { depthwiseBackpropFilterConfig, depthwiseBackpropInputConfig } from './depthwise-grads';
import { poolGradConfigs } from './pool-grads';

export const WASM_TRAINING_KERNELS: readonly KernelConfig[] = [
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  depthwiseBackpropFilterConfig,
  depthwiseBackpropInputConfig,
];

let gradientsRegistered = false;
/** TF.js's own kernels and gradient, kept when replaced, so a benchmark can put them back. */
const stockKernels = new Map<string, KernelConfig>();
let stockBatchNormGradient: GradConfig | undefined;

function replaceKernel(config: KernelConfig): void {
  const current = getKernel(config.kernelName, config.backendName);
  if (current?.kernelFunc === config.kernelFunc) return;
  const key = `${config.backendName}/${config.kernelName}`;
  if (current) {
    if (!stockKernels.has(key)) stockKernels.set(key, current);
    unregisterKernel(config.kernelName, config.backendName);
  }
  registerKernel(config);
}

/**
 * Puts TF.js's own kernels back in place of ResWire's (by kernel name; 'FusedBatchNorm_grad'
 * for the batch-norm gradient), to measure what each replacement gives. Kernels TF.js lacks
 * (e.g. Conv2DBackpropFilter on wasm) stay.
 */
export function restoreStockKernels(names: readonly string[], backendName = 'wasm'): void {
  for (const name of names) {
    if (name === 'FusedBatchNorm_grad') {
      if (stockBatchNormGradient) registerGradient(stockBatchNormGradient);
      continue;
    }
    const stock = stockKernels.get(`${backendName}/${name}`);
    if (!stock) continue;
    unregisterKernel(name, backendName);
    registerKernel(stock);
  }
}

/**
 * Replaces tfjs-core's FusedBatchNorm gradient with the broadcasting one and fixes the cpu
 * backend's ResizeBilinearGrad and AvgPoolGrad. Idempotent.
 */
export function registerTrainingGradients(): void {
  if (gradientsRegistered) return;
  stockBatchNormGradient = getGradient('FusedBatchNorm');
  registerGradient(fusedBatchNormGradConfig);
  registerCpuFixes();
  for (const config of poolGradConfigs('cpu')) replaceKernel(config);
  gradientsRegistered = true;
}

/**
 * Registers the wasm convolution-gradient kernels (replacing stock ones of the same name) and
 * the faster leading-axes Sum and Mean, per-channel FusedBatchNorm and copy-free Identity.
 * Safe to call more than once.
 */
export function registerWasmKernels(): void {
  const batchNorm = fastBatchNormConfig();
  const faster = [...fastReductionConfigs(), ...(batchNorm ? [batchNorm] : []), identityConfig];
  for (const config of [...WASM_TRAINING_KERNELS, ...faster, ...poolGradConfigs('wasm')]) replaceKernel(config);
  registerTrainingGradients();
}
