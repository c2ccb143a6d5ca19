// Loss and accuracy for the three kinds of output the compiler reports.
import * as tf from '@tensorflow/tfjs';

export type LossKind = 'crossentropy' | 'binaryCrossentropy' | 'mse';

const EPS = 1e-7;

/**
 * The targets a loss compares predictions with, from class indices, as plain numbers: the
 * label itself ([N, 1]) for binary cross-entropy, one-hot rows ([N, classes]) otherwise.
 * Both step engines take their targets from here.
 */
export function targetValues(kind: LossKind, labels: Int32Array, classes: number): { values: Float32Array; shape: [number, number] } {
  const n = labels.length;
  if (kind === 'binaryCrossentropy') return { values: Float32Array.from(labels), shape: [n, 1] };
  const values = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) values[i * classes + labels[i]] = 1;
  return { values, shape: [n, classes] };
}

/** targetValues as tensors, with the labels beside them. */
export function targetsFor(kind: LossKind, labels: Int32Array, classes: number): { labels: tf.Tensor1D; targets: tf.Tensor } {
  const { values, shape } = targetValues(kind, labels, classes);
  return { labels: tf.tensor1d(labels, 'int32'), targets: tf.tensor2d(values, shape) };
}

/** Mean loss over the batch (a scalar). `pred` is the model output: probabilities or values. */
export function lossOf(kind: LossKind, pred: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    if (kind === 'mse') return tf.mean(tf.square(tf.sub(pred, targets)));
    const p = tf.clipByValue(pred, EPS, 1 - EPS);
    if (kind === 'binaryCrossentropy') {
      const ll = tf.add(tf.mul(targets, tf.log(p)), tf.mul(tf.sub(1, targets), tf.log(tf.sub(1, p))));
      return tf.neg(tf.mean(ll));
    }
    return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.log(p)), -1)));
  }) as tf.Scalar;
}

/** How many predictions name the right class (a scalar count). */
export function correctCount(kind: LossKind, pred: tf.Tensor, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const guess = kind === 'binaryCrossentropy' ? tf.cast(tf.greater(tf.reshape(pred, [-1]), 0.5), 'int32') : tf.argMax(pred, -1);
    return tf.sum(tf.cast(tf.equal(guess, labels), 'float32'));
  }) as tf.Scalar;
}

/** Loss and accuracy of a model on a whole split, in inference mode, in chunks. */
export function evaluate(
  model: tf.LayersModel,
  kind: LossKind,
  classes: number,
  split: { x: Float32Array; y: Int32Array; count: number },
  inputShape: readonly number[],
  chunk = 256,
): { loss: number; accuracy: number } {
  const size = inputShape.reduce((a, b) => a * b, 1);
  let lossSum = 0;
  let correct = 0;
  for (let from = 0; from < split.count; from += chunk) {
    const n = Math.min(chunk, split.count - from);
    const out = tf.tidy(() => {
      const x = tf.tensor(split.x.subarray(from * size, (from + n) * size), [n, ...inputShape]);
      const t = targetsFor(kind, split.y.subarray(from, from + n), classes);
      const pred = model.apply(x, { training: false }) as tf.Tensor;
      return tf.stack([tf.mul(lossOf(kind, pred, t.targets), n), correctCount(kind, pred, t.labels)]);
    });
    const [l, c] = out.dataSync();
    out.dispose();
    lossSum += l;
    correct += c;
  }
  return { loss: lossSum / split.count, accuracy: correct / split.count };
}
