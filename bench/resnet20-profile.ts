// Profiles ResNet-20 training steps (the network of ../shared/bench/resnet20_tfjs.js) on
// ResWire's backends: samples/s, and with --profile the share of time per kernel.
// usage: npx tsx bench/resnet20-profile.ts [wasm|cpu] [steps] [batch] [--profile]
import * as tf from '@tensorflow/tfjs';
import { type BackendName, initBackend } from '../main/engine/backend';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const profile = process.argv.includes('--profile');
const backendName = (args[0] ?? 'wasm') as BackendName;
const steps = Number(args[1] ?? 5);
const batch = Number(args[2] ?? 64);

function block(x: tf.SymbolicTensor, filters: number, stride: number): tf.SymbolicTensor {
  const conv = (f: number, k: number, s: number) =>
    tf.layers.conv2d({ filters: f, kernelSize: k, strides: s, padding: k === 3 ? 'same' : 'valid', useBias: false });
  const bn = () => tf.layers.batchNormalization();
  let y = conv(filters, 3, stride).apply(x) as tf.SymbolicTensor;
  y = tf.layers.activation({ activation: 'relu' }).apply(bn().apply(y)) as tf.SymbolicTensor;
  y = bn().apply(conv(filters, 3, 1).apply(y)) as tf.SymbolicTensor;
  let s = x;
  if (stride !== 1 || x.shape[3] !== filters) s = bn().apply(conv(filters, 1, stride).apply(x)) as tf.SymbolicTensor;
  return tf.layers.activation({ activation: 'relu' }).apply(tf.layers.add().apply([s, y])) as tf.SymbolicTensor;
}

const backend = await initBackend(backendName);
const input = tf.input({ shape: [32, 32, 3] });
let x = tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', useBias: false }).apply(input) as tf.SymbolicTensor;
x = tf.layers.activation({ activation: 'relu' }).apply(tf.layers.batchNormalization().apply(x)) as tf.SymbolicTensor;
for (const [f, s] of [[16, 1], [32, 2], [64, 2]]) for (let i = 0; i < 3; i++) x = block(x, f, i === 0 ? s : 1);
x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 10, activation: 'softmax' }).apply(x) as tf.SymbolicTensor });
model.compile({ optimizer: tf.train.momentum(0.1, 0.9), loss: 'categoricalCrossentropy' });
const xs = tf.randomNormal([batch, 32, 32, 3]);
const ys = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10);
await model.trainOnBatch(xs, ys);
const t0 = performance.now();
for (let i = 0; i < steps; i++) await model.trainOnBatch(xs, ys);
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ backend: backend.name, threads: backend.threads, params: model.countParams(), batch, steps, seconds: +seconds.toFixed(2), samplesPerSec: +((batch * steps) / seconds).toFixed(1) }));

if (profile) {
  const info = await tf.profile(async () => {
    await model.trainOnBatch(xs, ys);
  });
  const byKernel = new Map<string, number>();
  for (const k of info.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + (k.kernelTimeMs as number));
  const total = [...byKernel.values()].reduce((a, b) => a + b, 0);
  const rows = [...byKernel.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [name, ms] of rows) console.log(`${name.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  console.log(`kernels total ${total.toFixed(0)} ms in ${info.kernels.length} calls`);
}
