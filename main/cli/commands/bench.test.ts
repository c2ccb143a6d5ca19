// `reswire bench` on small networks: the JSON and readable outputs, graph files and
// templates, and one clear sentence (exit 2) for each kind of bad input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../shared/graph/serialize';
import { GraphBuilder } from '../../../shared/graph/fixtures/build';
import { buildTemplate } from '../../../shared/templates';
import { main } from '../index';

const dir = mkdtempSync(join(tmpdir(), 'reswire-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reswire(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('reswire bench', () => {
  it('prints exactly the promised JSON fields first, for a template', async () => {
    const r = await reswire('bench', 'mlp', '--hidden', '16', '--steps', '2', '--batch-size', '8', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result).slice(0, 6)).toEqual(['samplesPerSec', 'backend', 'engine', 'engineNote', 'batch', 'steps']);
    expect(['tensorflow', 'wasm']).toContain(result.backend);
    expect(result).toMatchObject({ batch: 8, steps: 2, params: 784 * 16 + 16 + 16 * 10 + 10 });
    expect(result.samplesPerSec).toBeGreaterThan(0);
  });

  it('computes residual networks on onnxruntime by default, and on TF.js when asked', async () => {
    const args = ['bench', 'resnet', '--depth', '8', '--input', '12x12x3', '--steps', '1', '--batch-size', '4', '--json'];
    const auto = await reswire(...args);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.stdout)).toMatchObject({ engine: 'onnxruntime', engineNote: null, batch: 4 });
    const tfjs = await reswire(...args, '--engine', 'tfjs');
    expect(JSON.parse(tfjs.stdout)).toMatchObject({ engine: 'tfjs', engineNote: null });
  });

  it('refuses an unknown engine, and onnxruntime for a model it cannot express, in one sentence', async () => {
    const bad = await reswire('bench', 'mlp', '--engine', 'gpu');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('reswire bench: --engine must be one of auto, onnxruntime, tfjs, got "gpu".\n');
    const g = new GraphBuilder('With bilinear upsampling');
    const inp = g.node('Input', { shape: [4, 4, 2] });
    g.add('Output', { classes: 3 }, g.add('Dense', { units: 3 }, g.add('GlobalAvgPool2D', {}, g.add('UpSampling2D', { size: 2, interpolation: 'bilinear' }, inp))));
    const file = join(dir, 'bilinear.json');
    writeFileSync(file, serializeDocument(g.doc()));
    const refused = await reswire('bench', file, '--steps', '1', '--engine', 'onnxruntime');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^reswire bench: The onnxruntime engine cannot train this model: bilinear upsampling has no onnxruntime training rule yet \(upsampling2d\d*\)\. Choose the tfjs engine instead\.\n$/);
    const auto = await reswire('bench', file, '--steps', '1');
    expect(auto.code).toBe(0);
    expect(auto.stdout).toMatch(/\nTF\.js trains this model: bilinear upsampling has no onnxruntime training rule yet \(upsampling2d\d*\)\.\n$/);
  });

  it('reads a graph file and prints a readable line on the requested backend', async () => {
    const file = join(dir, 'cnn.json');
    writeFileSync(file, serializeDocument(buildTemplate('cnn', { input: [12, 12, 1], classes: 3 })));
    const r = await reswire('bench', file, '--steps', '1', '--batch-size', '4', '--backend', 'cpu');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Small CNN.*: [\d.]+ samples\/s training on onnxruntime \(update on cpu, 1 thread\) \(batch 4, 1 step in [\d.]+ s, [\d,]+ params\)\n$/);
  });

  it.each([
    [['bench'], /Name a graph file or a template/],
    [['bench', 'resnet', '--steps', '0'], /--steps must be a whole number of at least 1, got "0"/],
    [['bench', 'resnet', '--batch-size', 'lots'], /--batch-size must be a whole number/],
    [['bench', 'resnet', '--backend', 'gpu'], /--backend must be one of tensorflow, wasm, cpu, got "gpu"/],
    [['bench', 'resnet', '--depth', '21'], /depth/i],
    [['bench', 'mlp', '--depth', '20'], /--depth does not apply to template mlp/],
    [['bench', 'resnett'], /"resnett" is neither a graph file nor a template/],
    [['bench', 'missing.json'], /Cannot read missing.json: no such file/],
  ])('refuses %j with one sentence and exit 2', async (args, message) => {
    const r = await reswire(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the node when the graph cannot be compiled', async () => {
    const doc = buildTemplate('mlp', {});
    doc.nodes.find((n) => n.id === 'output')!.params.classes = 3;
    const file = join(dir, 'bad.json');
    writeFileSync(file, serializeDocument(doc));
    const r = await reswire('bench', file, '--steps', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^reswire bench: The graph cannot be compiled: .*\(node output\)\n$/);
  });
});
