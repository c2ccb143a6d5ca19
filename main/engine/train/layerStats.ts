// Per-layer health, at least once per epoch: the L2 norm of each layer's weight gradients
// (averaged over a few sampled batches) and the mean/std of each layer's output on a fixed
// probe batch. These make vanishing gradients in a deep plain net visible.
import * as tf from '@tensorflow/tfjs';
import type { LayerStat } from '../../../shared/api/runEvents';

/** JSON has no NaN or Infinity: a diverged value is reported as null. */
function finite(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}

interface TrackedLayer {
  nodeId: string;
  layer: tf.layers.Layer;
  /** Indices into the trainable variable list. */
  vars: number[];
}

export class LayerStatsCollector {
  private readonly tracked: TrackedLayer[];
  private readonly sums: Float64Array;
  private samples = 0;
  private readonly probeModel: tf.LayersModel | null;
  private readonly probe: tf.Tensor;

  /**
   * `nodeOfLayer` maps tfjs layer names to graph node ids; layers without a node (the compiler's
   * helpers) are left out. `probe` is a fixed batch of inputs, already shaped for the model.
   */
  constructor(
    model: tf.LayersModel,
    nodeOfLayer: ReadonlyMap<string, string>,
    private readonly vars: readonly tf.Variable[],
    probe: tf.Tensor,
  ) {
    const index = new Map(vars.map((v, i) => [v.name, i]));
    this.tracked = model.layers
      .filter((l) => nodeOfLayer.has(l.name) && l.getClassName() !== 'InputLayer')
      .map((l) => ({
        nodeId: nodeOfLayer.get(l.name)!,
        layer: l,
        vars: l.trainableWeights.map((w) => index.get((w.read() as tf.Variable).name)).filter((i): i is number => i !== undefined),
      }));
    this.sums = new Float64Array(vars.length);
    const outputs = this.tracked.map((t) => t.layer.output).filter((o): o is tf.SymbolicTensor => !Array.isArray(o));
    // A second model over the same layers reads every layer's output in one forward pass.
    this.probeModel = outputs.length === this.tracked.length && outputs.length > 0
      ? tf.model({ inputs: model.inputs, outputs })
      : null;
    this.probe = tf.keep(probe);
  }

  /** Squared L2 norm of each variable's gradient, in variable order (call inside a tidy). */
  gradNormsSquared(grads: tf.NamedTensorMap): tf.Tensor1D {
    return tf.stack(this.vars.map((v) => (grads[v.name] ? tf.sum(tf.square(grads[v.name])) : tf.scalar(0)))) as tf.Tensor1D;
  }

  addSample(normsSquared: ArrayLike<number>): void {
    for (let i = 0; i < this.sums.length; i++) this.sums[i] += normsSquared[i];
    this.samples++;
  }

  /** The stats since the last call (gradient norms are reset; activations read now). */
  collect(): LayerStat[] {
    const acts = this.activationMoments();
    const weightNormsSq = tf.tidy(() => (this.vars.length ? tf.stack(this.vars.map((v) => tf.sum(tf.square(v)))).dataSync() : new Float32Array()));
    const out = this.tracked.map((t, k): LayerStat => {
      const hasWeights = t.vars.length > 0;
      let g = 0;
      let w = 0;
      for (const i of t.vars) {
        g += this.samples ? this.sums[i] / this.samples : 0;
        w += weightNormsSq[i];
      }
      return {
        nodeId: t.nodeId,
        layer: t.layer.getClassName(),
        gradNorm: hasWeights && this.samples ? finite(Math.sqrt(g)) : null,
        weightNorm: hasWeights ? finite(Math.sqrt(w)) : null,
        activationMean: finite(acts[k]?.mean),
        activationStd: finite(acts[k]?.std),
      };
    });
    this.sums.fill(0);
    this.samples = 0;
    return out;
  }

  private activationMoments(): { mean: number; std: number }[] {
    if (!this.probeModel) return [];
    const flat = tf.tidy(() => {
      const outs = this.probeModel!.predict(this.probe);
      const list = Array.isArray(outs) ? outs : [outs];
      return tf.stack(list.flatMap((o) => {
        const m = tf.moments(o);
        return [m.mean, tf.sqrt(m.variance)];
      }));
    });
    const values = flat.dataSync();
    flat.dispose();
    return this.tracked.map((_, k) => ({ mean: values[2 * k], std: values[2 * k + 1] }));
  }

  dispose(): void {
    this.probe.dispose();
  }
}
