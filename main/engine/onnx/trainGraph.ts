// A TF.js layers model -> one ONNX graph that computes a training step's loss, correct
// count, every trainable variable's gradient and the batch statistics of every batch-norm
// layer, for a batch of any size. The optimizer stays on the TF.js side, so the update,
// schedules and weight decay are the same code whichever engine computed the gradients.
import type * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../train/metrics';
import { OnnxGraph } from './builder';
import { type Forward, LAYER_RULES, type RuleContext, UnsupportedLayerError, type Value } from './layerRules';
import { LOSS_ACTIVATION, lossOps } from './lossRules';
import type { ModelSpec } from './proto';

export { UnsupportedLayerError } from './layerRules';

export interface TrainGraph {
  spec: ModelSpec;
  /** Graph inputs: the batch NHWC (or flat) as 'x', the targets as 't' (as TF.js's targetsFor makes them), then one per variable. */
  inputShape: number[];
  classes: number;
  /** Trainable variables in model order: the graph input feeding each, and its gradient output. */
  weights: { variable: tf.LayerVariable; input: string; grad: string }[];
  /** Dropout layers: the graph input each one's mask [N, ...shape] is fed through. */
  dropouts: { layer: tf.layers.Layer; input: string; rate: number; shape: number[] }[];
  /** Batch-norm layers: the outputs holding their batch mean and variance. */
  batchNorms: { layer: tf.layers.Layer; mean: string; variance: string }[];
}

/** Throws UnsupportedLayerError naming the first layer (or loss) the step cannot express. */
export function buildTrainGraph(model: tf.LayersModel, loss: LossKind): TrainGraph {
  const g = new OnnxGraph();
  const layers = model.layers;
  const output = layers[layers.length - 1];
  const outCfg = output.getConfig() as { activation?: string };
  if (output.getClassName() !== 'Activation' || outCfg.activation !== LOSS_ACTIVATION[loss]) {
    throw new UnsupportedLayerError(output.name, `the onnxruntime step needs a ${LOSS_ACTIVATION[loss]} output for the ${loss} loss`);
  }
  if (loss === 'binaryCrossentropy' && (output.outputShape as number[])[1] !== 1) {
    throw new UnsupportedLayerError(output.name, 'binary cross-entropy over several outputs has no onnxruntime training rule yet');
  }
  if (model.inputs.length !== 1 || model.outputs.length !== 1) throw new UnsupportedLayerError(model.name, 'the model has several inputs or outputs');

  const weights: TrainGraph['weights'] = [];
  const inputOf = new Map<tf.LayerVariable, string>();
  const gradOf = new Map<tf.LayerVariable, string>();
  const batchNorms: TrainGraph['batchNorms'] = [];
  const dropouts: TrainGraph['dropouts'] = [];
  const ctx: RuleContext = {
    g,
    weight(v) {
      let name = inputOf.get(v);
      if (!name) {
        name = g.input(`w:${v.name}`, v.shape as number[]);
        inputOf.set(v, name);
      }
      return name;
    },
    weightGrad(v, grad) {
      gradOf.set(v, grad);
    },
    dropoutMask(layer, rate, shape) {
      const input = g.input(`mask:${layer.name}`, ['N', ...shape]);
      dropouts.push({ layer, input, rate, shape });
      return input;
    },
    batchStats(layer, mean, variance) {
      const at = `bn${batchNorms.length}`;
      const channels = (layer.outputShape as number[]).at(-1)!;
      g.output(`${at}:mean`, mean, [channels]);
      g.output(`${at}:variance`, variance, [channels]);
      batchNorms.push({ layer, mean: `${at}:mean`, variance: `${at}:variance` });
    },
  };

  const inputShape = (model.inputs[0].shape as (number | null)[]).slice(1) as number[];
  const classes = (output.outputShape as number[])[1];
  const x = g.input('x', ['N', ...inputShape]);
  const t = g.input('t', ['N', classes]);
  const values = new Map<string, Value>();
  const forwards = new Map<string, Forward>();
  const inbound = new Map<string, string[]>();

  for (const layer of layers.slice(0, -1)) {
    const from = layer.inboundNodes[0]?.inboundLayers.map((l) => l.name) ?? [];
    inbound.set(layer.name, from);
    if (layer.getClassName() === 'InputLayer') {
      const name = inputShape.length === 3 ? g.op('Transpose', [x], { perm: [0, 3, 1, 2] }) : x;
      values.set(layer.name, { name, shape: inputShape, ...(inputShape.length === 3 ? { nhwc: x } : {}) });
      continue;
    }
    if (layer.inboundNodes.length !== 1) throw new UnsupportedLayerError(layer.name, 'a layer applied more than once has no onnxruntime training rule');
    const rule = LAYER_RULES[layer.getClassName()];
    if (!rule) throw new UnsupportedLayerError(layer.name, `${layer.getClassName()} layers have no onnxruntime training rule yet`);
    const f = rule(layer, from.map((n) => values.get(n)!), ctx);
    values.set(layer.name, f.out);
    forwards.set(layer.name, f);
  }

  const logitsLayer = output.inboundNodes[0].inboundLayers[0].name;
  const ops = lossOps(g, loss, values.get(logitsLayer)!.name, t);
  g.output('loss', ops.loss, []);
  g.output('hits', ops.hits, []);

  // Reverse pass: gradients accumulate per layer output (a fan-out sums its branches).
  const pending = new Map<string, string[]>([[logitsLayer, [ops.dInput]]]);
  for (const layer of [...layers.slice(0, -1)].reverse()) {
    const f = forwards.get(layer.name);
    const grads = pending.get(layer.name);
    if (!f || !grads) continue;
    const dy = grads.length === 1 ? grads[0] : g.op('Sum', grads);
    const dInputs = f.backward(dy);
    inbound.get(layer.name)!.forEach((src, i) => {
      const d = dInputs[i];
      if (d) pending.set(src, [...(pending.get(src) ?? []), d]);
    });
  }

  for (const lv of model.trainableWeights) {
    const grad = gradOf.get(lv);
    if (!grad) throw new UnsupportedLayerError(lv.name, 'this variable gets no gradient on onnxruntime');
    const name = `grad:${lv.name}`;
    g.output(name, grad, lv.shape as number[]);
    weights.push({ variable: lv, input: inputOf.get(lv)!, grad: name });
  }
  return { spec: g.model(model.name || 'reswire'), inputShape, classes, weights, dropouts, batchNorms };
}
