// Batch norm for training, with its closed-form gradient. The stock TF.js layer trains
// through moments + batchNorm, whose chained gradients walk over the activation about 15
// times per layer (and it fails in training when center or scale is off). Here the forward
// pass is mean, variance and one normalisation, and the backward pass is
//   dx = gamma / sigma * (dy - mean(dy) - xhat * mean(dy * xhat)),
// dgamma = sum(dy * xhat), dbeta = sum(dy), about 5 passes. The class subclasses the stock
// layer, so weights, config, inference and the serialised class name are unchanged.
import * as tf from '@tensorflow/tfjs';

interface BatchNormFields {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  gamma?: { read(): tf.Tensor } | null;
  beta?: { read(): tf.Tensor } | null;
  movingMean: { read(): tf.Tensor; write(t: tf.Tensor): void };
  movingVariance: { read(): tf.Tensor; write(t: tf.Tensor): void };
}

export interface BatchStatistics {
  mean: tf.Tensor;
  variance: tf.Tensor;
}

/**
 * Normalises x over every axis but the last with its own batch statistics, scaled by gamma
 * and shifted by beta where given. Differentiable in x, gamma and beta; `stats` receives the
 * batch mean and variance (kept tensors the caller disposes).
 */
export function batchNormTraining(
  x: tf.Tensor,
  gamma: tf.Tensor | null,
  beta: tf.Tensor | null,
  epsilon: number,
  stats?: (s: BatchStatistics) => void,
): tf.Tensor {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const count = x.size / x.shape[x.rank - 1];
  const inputs = [x, ...(gamma ? [gamma] : []), ...(beta ? [beta] : [])];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [input, ...params] = args.slice(0, -1) as tf.Tensor[];
    const g = gamma ? params[0] : null;
    const b = beta ? params[gamma ? 1 : 0] : null;
    const mean = tf.mean(input, axes);
    const variance = tf.mean(tf.square(tf.sub(input, mean)), axes);
    stats?.({ mean: tf.keep(mean.clone()), variance: tf.keep(variance.clone()) });
    const value = tf.batchNorm(input, mean, variance, b ?? undefined, g ?? undefined, epsilon);
    save([input, mean, variance, ...(g ? [g] : [])]);
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const grad = dy as tf.Tensor;
        const [sx, sMean, sVariance, sGamma] = saved;
        const xhat = tf.batchNorm(sx, sMean, sVariance, undefined, undefined, epsilon);
        const sumDy = tf.sum(grad, axes);
        const sumDyXhat = tf.sum(tf.mul(grad, xhat), axes);
        const invStd = tf.rsqrt(tf.add(sVariance, epsilon));
        const a = sGamma ? tf.mul(invStd, sGamma) : invStd;
        // dx = a*dy - a*mean(dy) - a*mean(dy*xhat)*xhat: the first two terms are one per-channel
        // affine map of dy (batchNorm with mean 0, variance 1 and no epsilon).
        const shift = tf.neg(tf.mul(a, tf.div(sumDy, count)));
        const ones = tf.onesLike(sMean);
        const affine = tf.batchNorm(grad, tf.zerosLike(sMean), ones, shift, a, 0);
        const dx = tf.sub(affine, tf.mul(xhat, tf.mul(a, tf.div(sumDyXhat, count))));
        const grads = [dx];
        if (gamma) grads.push(sumDyXhat);
        if (beta) grads.push(sumDy);
        return grads;
      },
    };
  });
  return op(...inputs);
}

type LayerClass = new (args: object) => tf.layers.Layer;

let trainingClass: LayerClass | null = null;

function batchNormClass(): LayerClass {
  if (trainingClass) return trainingClass;
  const entry = tf.serialization.SerializationMap.getMap().classNameMap.BatchNormalization;
  const Stock = entry[0] as unknown as LayerClass;
  class TrainingBatchNorm extends Stock {
    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
      const self = this as unknown as BatchNormFields;
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const lastAxis = self.axis === -1 || self.axis === x.rank - 1;
      if (!kwargs.training || !lastAxis) return super.call(inputs, kwargs);
      return tf.tidy(() => {
        let stats: BatchStatistics | null = null;
        const gamma = self.scale && self.gamma ? self.gamma.read() : null;
        const beta = self.center && self.beta ? self.beta.read() : null;
        const y = batchNormTraining(x, gamma, beta, self.epsilon, (s) => (stats = s));
        const { mean, variance } = stats!;
        // Moving averages exactly as the stock layer keeps them (biased batch variance).
        const follow = (v: BatchNormFields['movingMean'], value: tf.Tensor) => {
          const current = v.read();
          v.write(tf.sub(current, tf.mul(tf.sub(current, value), 1 - self.momentum)));
        };
        follow(self.movingMean, mean);
        follow(self.movingVariance, variance);
        tf.dispose([mean, variance]);
        return y;
      });
    }
  }
  trainingClass = TrainingBatchNorm;
  return trainingClass;
}

/** A BatchNormalization layer that trains with the closed-form gradient. */
export function trainingBatchNorm(args: { axis: number; momentum: number; epsilon: number; center: boolean; scale: boolean; name: string }): tf.layers.Layer {
  return new (batchNormClass())(args);
}
