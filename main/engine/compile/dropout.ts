// Dropout whose masks a run can reproduce: during a run the training loop sets a seed per
// step, and each Dropout layer draws its mask from that seed and its own name. Both step
// engines draw the same masks through `dropoutMask`, so a model with dropout trains the same
// on onnxruntime as on TF.js, and the same again from the same run seed. Outside a run (no
// step seed) the layer behaves as TF.js's own. The class subclasses the stock layer, so
// weights, config and the serialised class name are unchanged.
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../data/random';

let stepSeed: number | null = null;

/** Sets (or, with null, clears) the seed every Dropout layer draws this step's mask from. */
export function setDropoutStep(seed: number | null): void {
  stepSeed = seed;
}

/** The seed a layer's mask comes from this step, or null outside a run. */
export function dropoutSeed(layerName: string): number | null {
  return stepSeed === null ? null : createRng(stepSeed, layerName).int(2 ** 31);
}

/** TF.js's dropout multiplier: 1/keep where kept, 0 where dropped (tfjs-core's dropout op). */
export function dropoutMask(shape: number[], rate: number, seed: number): tf.Tensor {
  return tf.tidy(() => {
    const keep = 1 - rate;
    return tf.div(tf.floor(tf.add(tf.randomUniform(shape, 0, 1, 'float32', seed), keep)), keep);
  });
}

type LayerClass = new (args: object) => tf.layers.Layer;
let seededClass: LayerClass | null = null;

function dropoutClass(): LayerClass {
  if (seededClass) return seededClass;
  const Stock = tf.serialization.SerializationMap.getMap().classNameMap.Dropout[0] as unknown as LayerClass;
  class SeededDropout extends Stock {
    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
      const rate = (this as unknown as { rate: number }).rate;
      const seed = dropoutSeed(this.name);
      if (!kwargs.training || seed === null || !(rate > 0 && rate < 1)) return super.call(inputs, kwargs);
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.tidy(() => tf.mul(x, dropoutMask(x.shape, rate, seed)));
    }
  }
  seededClass = SeededDropout;
  return seededClass;
}

export function seededDropout(args: { rate: number; name: string }): tf.layers.Layer {
  return new (dropoutClass())(args);
}
