// Where one training step's time goes, per TF.js kernel, for a template network on a
// backend: the same step as `reswire bench` (forward, loss, gradients, momentum SGD).
// usage: npx tsx bench/profile-step.ts [wasm|cpu] [batch] [template] [depth]
import * as tf from '@tensorflow/tfjs';
import { type BackendName, initBackend } from '../main/engine/backend';
import { compileGraph } from '../main/engine/compile';
import { lossOf, targetsFor } from '../main/engine/train/metrics';
import { createOptimizer } from '../main/engine/train/optimizers';
import { buildTemplate } from '../shared/templates';

const [backendName = 'wasm', batchArg = '64', template = 'resnet', depth = '20'] = process.argv.slice(2);
const batch = Number(batchArg);
const backend = await initBackend(backendName as BackendName);
const { model, loss, classes, inputShape } = compileGraph(buildTemplate(template, template === 'resnet' ? { depth: Number(depth) } : {}));
const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
const optimizer = createOptimizer({ optimizer: 'momentum', lr: 0.01, momentum: 0.9, weightDecay: 0 });
const x = tf.randomNormal([batch, ...inputShape]);
const { targets } = targetsFor(loss, Int32Array.from({ length: batch }, (_, i) => i % classes), classes);
const step = () =>
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => lossOf(loss, model.apply(x, { training: true }) as tf.Tensor, targets), vars);
    optimizer.apply(grads, vars);
    return value;
  });

step().dispose();
const t0 = performance.now();
step().dataSync();
console.log(`${backend.name} (${backend.threads} threads): one step ${(performance.now() - t0).toFixed(0)} ms`);
const info = await tf.profile(() => step());
const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of info.kernels) {
  const e = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
  e.ms += k.kernelTimeMs as number;
  e.calls++;
  byKernel.set(k.name, e);
}
// Composite ops (names ending in __op) time the kernels they run again: leave them out.
const rows = [...byKernel.entries()].filter(([n]) => !n.endsWith('__op')).sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((a, [, e]) => a + e.ms, 0);
for (const [name, e] of rows.slice(0, 18)) {
  console.log(`${name.padEnd(30)} ${e.ms.toFixed(1).padStart(8)} ms ${((100 * e.ms) / total).toFixed(1).padStart(5)}%  ${String(e.calls).padStart(4)} calls`);
}
console.log(`kernels total ${total.toFixed(0)} ms`);
