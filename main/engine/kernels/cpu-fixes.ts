// A fix for the stock cpu backend: its ResizeBilinearGrad fills the gradient in the input's
// [N, H, W, C] layout but labels it [N, W, H, C], so bilinear upsampling of non-square
// feature maps cannot train. The wrapper keeps the computation and corrects the shape.
import { getKernel, type KernelConfig, type KernelFunc, type TensorInfo, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';

let fixed: KernelConfig | null = null;

export function registerCpuFixes(): void {
  const stock = getKernel('ResizeBilinearGrad', 'cpu');
  if (!stock || stock === fixed) return;
  const stockFunc = stock.kernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const out = stockFunc(args) as TensorInfo;
    const images = (args.inputs as { images: TensorInfo }).images;
    return { ...out, shape: images.shape.slice() };
  };
  fixed = { ...stock, kernelFunc };
  unregisterKernel('ResizeBilinearGrad', 'cpu');
  registerKernel(fixed);
}
