// Identity on wasm without the copy. TF.js clones every tensor it saves for the backward
// pass (~450 per ResNet-20 step), and the stock wasm Identity copies the data each time.
// Tensors are immutable, so the clone can share the data and count one more reference,
// which is what the cpu backend does.
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

const sharedIdentity: KernelFunc = ({ inputs, backend }) => {
  const { x } = inputs as { x: TensorInfo };
  (backend as KernelBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape.slice(), dtype: x.dtype };
};

export const identityConfig: KernelConfig = {
  kernelName: 'Identity',
  backendName: 'wasm',
  kernelFunc: sharedIdentity,
};
