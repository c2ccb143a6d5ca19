// Time per ONNX operator of the onnxruntime training step (forward + backward of one batch):
//   npx tsx bench/profile-onnx-step.ts [template] [depth] [batch]
// prints the fastest of 8 steps and, grouped by operator, where onnxruntime's profile says
// the time of the profiled steps went.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackend } from '../main/engine/backend';
import { compileGraph } from '../main/engine/compile';
import { encodeModel } from '../main/engine/onnx/proto';
import { createSession, loadOnnxRuntime, onnxThreads, sessionOptions } from '../main/engine/onnx/runtime';
import { buildTrainGraph } from '../main/engine/onnx/trainGraph';
import { buildTemplate } from '../shared/templates/index';

const [template = 'resnet', depth = '20', batchArg = '64'] = process.argv.slice(2);
await initBackend('wasm');
const { model, loss, classes, inputShape } = compileGraph(buildTemplate(template, { depth: Number(depth) }));
const n = Number(batchArg);
const graph = buildTrainGraph(model, loss);
const ort = await loadOnnxRuntime();
const prefix = join(tmpdir(), `reswire-ort-profile-${process.pid}`);
const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {
  x: new ort.Tensor('float32', Float32Array.from({ length: n * inputShape.reduce((a, b) => a * b, 1) }, () => Math.random()), [n, ...inputShape]),
  t: new ort.Tensor('float32', Float32Array.from({ length: n * classes }, (_, i) => (i % classes === Math.floor(i / classes) % classes ? 1 : 0)), [n, classes]),
};
for (const w of graph.weights) feeds[w.input] = new ort.Tensor('float32', w.variable.read().dataSync() as Float32Array, w.variable.shape as number[]);

const plain = await createSession(ort, encodeModel(graph.spec));
await plain.run(feeds);
let best = Infinity;
for (let i = 0; i < 8; i++) {
  const t0 = performance.now();
  await plain.run(feeds);
  best = Math.min(best, performance.now() - t0);
}
console.log(`${graph.spec.nodes.length} ONNX nodes; fastest of 8 steps: ${best.toFixed(1)} ms (${((n * 1000) / best).toFixed(1)} samples/s), ${onnxThreads()} threads`);

const profiled = await ort.InferenceSession.create(encodeModel(graph.spec), { ...sessionOptions(), enableProfiling: true, profileFilePrefix: prefix });
for (let i = 0; i < 4; i++) await profiled.run(feeds);
profiled.endProfiling();
await profiled.release();
const file = join(tmpdir(), readdirSync(tmpdir()).find((f) => f.startsWith(`reswire-ort-profile-${process.pid}`))!);
const events = JSON.parse(readFileSync(file, 'utf8')) as { cat: string; name: string; dur: number; args?: { op_name?: string } }[];
rmSync(file, { force: true });
const runs = events.filter((e) => e.cat === 'Session' && e.name === 'model_run').length;
const byOp = new Map<string, { ms: number; count: number }>();
for (const e of events) {
  if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
  const op = e.args?.op_name ?? '?';
  const entry = byOp.get(op) ?? { ms: 0, count: 0 };
  entry.ms += e.dur / 1000 / runs;
  entry.count += 1 / runs;
  byOp.set(op, entry);
}
const total = [...byOp.values()].reduce((a, b) => a + b.ms, 0);
for (const [op, { ms, count }] of [...byOp].sort((a, b) => b[1].ms - a[1].ms).slice(0, 16)) {
  console.log(`${op.padEnd(16)} ${ms.toFixed(1).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}% ${Math.round(count).toString().padStart(5)} calls`);
}
