// ELU with any alpha. The stock TF.js ELU layer accepts only alpha = 1, while the catalog's
// Activation layer lets the user pick alpha. Registered for serialisation as "ResWireElu".
import * as tf from '@tensorflow/tfjs';

export class ScaledElu extends tf.layers.Layer {
  static className = 'ResWireElu';
  readonly alpha: number;

  constructor(args: { alpha: number; name?: string }) {
    super({ name: args.name });
    this.alpha = args.alpha;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      // relu(x) + alpha * (elu(x) - relu(x)): x above zero, alpha * (e^x - 1) below.
      const positive = tf.relu(x);
      return tf.add(positive, tf.mul(tf.sub(tf.elu(x), positive), this.alpha));
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

tf.serialization.registerClass(ScaledElu);

/** The stock ELU layer when alpha is 1, else ScaledElu. */
export function eluLayer(alpha: number, name: string): tf.layers.Layer {
  return alpha === 1 ? tf.layers.elu({ alpha, name }) : new ScaledElu({ alpha, name });
}
