// Registers ResWire's training kernels: the convolution gradients the wasm backend lacks or
// runs slowly, and a broadcasting batch-norm gradient (backend-independent).
import { getKernel, type KernelConfig, registerGradient, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { fusedBatchNormGradConfig } from './batchnorm-grad';
import { conv2DBackpropFilterConfig, conv2DBackpropInputConfig } from './conv2d-grads';
import { registerCpuFixes } from './cpu-fixes';
import { fastBatchNormConfig } from './batchnorm-kernel';
import { fastReductionConfigs } from './reductions';
import { depthwiseBackpropFilterConfig, depthwiseBackpropInputConfig } from './depthwise-grads';

export const WASM_TRAINING_KERNELS: readonly KernelConfig[] = [
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  depthwiseBackpropFilterConfig,
  depthwiseBackpropInputConfig,
];

let gradientsRegistered = false;

/**
 * Replaces tfjs-core's FusedBatchNorm gradient with the broadcasting one and fixes the cpu
 * backend's ResizeBilinearGrad. Idempotent.
 */
export function registerTrainingGradients(): void {
  if (gradientsRegistered) return;
  registerGradient(fusedBatchNormGradConfig);
  registerCpuFixes();
  gradientsRegistered = true;
}

/**
 * Registers the wasm convolution-gradient kernels (replacing stock ones of the same name) and
 * the fast leading-axes Sum and Mean and per-channel FusedBatchNorm. Safe to call more than once.
 */
export function registerWasmKernels(): void {
  for (const config of WASM_TRAINING_KERNELS) {
    if (getKernel(config.kernelName, config.backendName)?.kernelFunc === config.kernelFunc) continue;
    if (getKernel(config.kernelName, config.backendName)) unregisterKernel(config.kernelName, config.backendName);
    registerKernel(config);
  }
  const batchNorm = fastBatchNormConfig();
  for (const config of [...fastReductionConfigs(), ...(batchNorm ? [batchNorm] : [])]) {
    unregisterKernel(config.kernelName, config.backendName);
    registerKernel(config);
  }
  registerTrainingGradients();
}
