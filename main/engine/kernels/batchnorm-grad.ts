// The gradient of FusedBatchNorm, re-registered so per-channel factors broadcast against
// the activation instead of being tiled out to its full shape (stock tfjs-core tiles
// rsqrt(variance) to [N,H,W,C], which was ~40% of a ResNet-20 training step on wasm), and
// so each per-channel reduction is taken once and shared.
import {
  add,
  broadcast_util,
  type GradConfig,
  mul,
  reshape,
  rsqrt,
  scalar,
  sub,
  sum,
  type Tensor,
} from '@tensorflow/tfjs-core';

export const fusedBatchNormGradConfig: GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const dyT = dy as Tensor;
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved as (Tensor | undefined)[] as Tensor[];
    const axes = broadcast_util.getReductionAxes(mean.shape, x.shape);
    // Per-channel sums over every axis the statistics were broadcast along.
    const reduce = (t: Tensor): Tensor => (axes.length > 0 ? reshape(sum(t, axes), mean.shape) : t);

    const invStd = rsqrt(add(variance, scalar(varianceEpsilon)));
    const gain = scale == null ? invStd : mul(invStd, scale);
    const centred = sub(x, mean);
    const dySum = reduce(dyT);
    const dyCentredSum = reduce(mul(dyT, centred));

    return {
      x: () => mul(dyT, gain),
      mean: () => reshape(mul(dySum, mul(gain, scalar(-1))), mean.shape),
      // d/dvar of (x - mean) * (var + eps)^-1/2 * scale = -1/2 (var + eps)^-3/2 * scale * (x - mean)
      variance: () => reshape(mul(dyCentredSum, mul(mul(gain, mul(invStd, invStd)), scalar(-0.5))), mean.shape),
      scale: () => reshape(mul(dyCentredSum, invStd), mean.shape),
      offset: () => reshape(dySum, mean.shape),
    };
  },
};
