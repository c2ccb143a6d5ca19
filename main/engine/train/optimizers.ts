// The optimizers a run can use, with a learning rate that can change every step and the
// two flavours of weight decay: L2 added to the gradients (SGD, Adam, RMSprop) and
// decoupled decay applied to the weights after the step (AdamW).
import * as tf from '@tensorflow/tfjs';
import type { OptimizerName, TrainConfig } from '../../../shared/api/runEvents';

export interface RunOptimizer {
  name: OptimizerName;
  /** Applies gradients (already including any L2 term) to the variables. */
  apply(grads: tf.NamedTensorMap, vars: readonly tf.Variable[]): void;
  setLearningRate(lr: number): void;
  dispose(): void;
}

/** Decay applies to kernels (rank >= 2), never to biases or batch-norm scales and offsets. */
export function decays(v: tf.Variable): boolean {
  return v.rank >= 2;
}

export function createOptimizer(c: Pick<TrainConfig, 'optimizer' | 'lr' | 'momentum' | 'weightDecay'>): RunOptimizer {
  let lr = c.lr;
  let inner: tf.Optimizer;
  switch (c.optimizer) {
    case 'sgd': inner = tf.train.sgd(lr); break;
    case 'momentum': inner = tf.train.momentum(lr, c.momentum, false); break;
    case 'nesterov': inner = tf.train.momentum(lr, c.momentum, true); break;
    case 'adam':
    case 'adamw': inner = tf.train.adam(lr, 0.9, 0.999, 1e-8); break;
    case 'rmsprop': inner = tf.train.rmsprop(lr, 0.9, 0, 1e-7); break;
  }
  const decoupled = c.optimizer === 'adamw';
  return {
    name: c.optimizer,
    apply(grads, vars) {
      tf.tidy(() => {
        let g = grads;
        if (!decoupled && c.weightDecay > 0) {
          g = { ...grads };
          for (const v of vars) if (decays(v) && g[v.name]) g[v.name] = tf.add(g[v.name], tf.mul(v, c.weightDecay));
        }
        inner.applyGradients(g);
        if (decoupled && c.weightDecay > 0) {
          const keep = 1 - lr * c.weightDecay;
          for (const v of vars) if (decays(v)) v.assign(tf.mul(v, keep));
        }
      });
    },
    setLearningRate(next) {
      lr = next;
      // SGD and momentum keep the rate as a tensor behind setLearningRate; Adam and RMSprop read the field.
      // (instanceof cannot tell them apart: tfjs optimizers all answer true to instanceof Optimizer.)
      const o = inner as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
      if (typeof o.setLearningRate === 'function') o.setLearningRate(next);
      else o.learningRate = next;
    },
    dispose() {
      inner.dispose();
    },
  };
}
