// The onnxruntime training step: the model's forward and backward passes as one ONNX graph
// (trainGraph.ts) fed with the variables' current values, then TF.js's optimizer applies the
// gradients and the batch-norm layers' moving averages follow the batch statistics, as the
// TF.js layer does in training.
import * as tf from '@tensorflow/tfjs';
import { dropoutMask, dropoutSeed } from '../compile/dropout';
import { type LossKind, targetValues } from '../train/metrics';
import type { MakeStep } from '../train/step';
import { encodeModel } from './proto';
import { createSession, loadOnnxRuntime } from './runtime';
import { buildTrainGraph } from './trainGraph';

interface MovingVariable {
  read(): tf.Tensor;
  write(t: tf.Tensor): void;
}

/** Builds the graph and its session for `model`; the returned function makes the run's step. */
export async function prepareOnnxStep(model: tf.LayersModel, loss: LossKind): Promise<MakeStep> {
  const graph = buildTrainGraph(model, loss);
  const ort = await loadOnnxRuntime();
  const session = await createSession(ort, encodeModel(graph.spec));
  const { classes } = graph;
  const sampleSize = graph.inputShape.reduce((a, b) => a * b, 1);
  const shapes = graph.weights.map((w) => w.variable.shape as number[]);
  return (s) => {
    // The loop's variable order (the layer statistics index gradients by it).
    const varIndex = new Map(s.vars.map((v, i) => [v.name, i]));
    const slots = graph.weights.map((w) => varIndex.get((w.variable.read() as tf.Variable).name)!);
    const moving = graph.batchNorms.map((b) => {
      const layer = b.layer as unknown as { momentum: number; movingMean: MovingVariable; movingVariance: MovingVariable };
      return { ...b, momentum: layer.momentum, movingMean: layer.movingMean, movingVariance: layer.movingVariance };
    });

    return {
      engine: 'onnxruntime',
      async run(batch) {
        const n = batch.size;
        const targets = targetValues(loss, batch.y.subarray(0, n), classes);
        const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {
          x: new ort.Tensor('float32', batch.x.subarray(0, n * sampleSize), [n, ...graph.inputShape]),
          t: new ort.Tensor('float32', targets.values, targets.shape),
        };
        graph.weights.forEach((w, i) => {
          feeds[w.input] = new ort.Tensor('float32', w.variable.read().dataSync() as Float32Array, shapes[i]);
        });
        for (const d of graph.dropouts) {
          // The mask the TF.js step would draw for this layer this step (a fresh one outside a run).
          const seed = dropoutSeed(d.layer.name) ?? Math.floor(Math.random() * 2 ** 31);
          const mask = dropoutMask([n, ...d.shape], d.rate, seed);
          feeds[d.input] = new ort.Tensor('float32', mask.dataSync() as Float32Array, [n, ...d.shape]);
          mask.dispose();
        }
        const out = await session.run(feeds);
        const normsSq = new Float32Array(s.vars.length);
        tf.tidy(() => {
          const grads: tf.NamedTensorMap = {};
          graph.weights.forEach((w, i) => {
            const data = out[w.grad].data as Float32Array;
            let sq = 0;
            for (let k = 0; k < data.length; k++) sq += data[k] * data[k];
            normsSq[slots[i]] = sq;
            grads[s.vars[slots[i]].name] = tf.tensor(data, shapes[i]);
          });
          s.optimizer.apply(grads, s.vars);
          for (const m of moving) {
            const follow = (v: MovingVariable, value: Float32Array) => {
              const current = v.read();
              v.write(tf.sub(current, tf.mul(tf.sub(current, tf.tensor(value, current.shape)), 1 - m.momentum)));
            };
            follow(m.movingMean, out[m.mean].data as Float32Array);
            follow(m.movingVariance, out[m.variance].data as Float32Array);
          }
        });
        const result = { loss: (out.loss.data as Float32Array)[0], hits: (out.hits.data as Float32Array)[0], normsSq };
        for (const v of Object.values(out)) v.dispose();
        return result;
      },
      dispose() {
        void session.release();
      },
    };
  };
}
