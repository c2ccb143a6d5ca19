// `reswire train` and `reswire predict` as a user runs them, on small real data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunEvent } from '../../shared/api/runEvents';
import { loadDataset } from '../../main/engine/data/index';
import { listRuns } from '../../main/engine/runs/store';
import { reswire, reswireInProcess, tempFolder, templateFile } from './helpers';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);
const runs = join(dir, 'runs');
const spiralsMlp = templateFile(dir, 'mlp2.json', 'mlp', { input: [2], classes: 3, hidden: 32 });
const digitsMlp = templateFile(dir, 'mlp784.json', 'mlp', { input: [28, 28, 1], classes: 10 });
const cifarNet = templateFile(dir, 'resnet8.json', 'resnet', { depth: 8 });

/** Exit 2 with exactly one line on stderr, and no stack trace. */
function expectRefusal(r: { code: number; stdout: string; stderr: string }, message: string | RegExp) {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (typeof message === 'string') expect(r.stderr).toBe(`reswire train: ${message}\n`);
  else expect(r.stderr).toMatch(message);
}

describe('reswire train', () => {
  it('prints only the event stream with --json', () => {
    const r = reswire(['train', spiralsMlp, '--data', 'spirals', '--epochs', '2', '--backend', 'cpu', '--seed', '3', '--json', '--out', runs]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const events = lines.map((l) => parseRunEvent(JSON.parse(l)));
    expect(events[0].type).toBe('started');
    expect(events.at(-1)!.type).toBe('done');
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(2);
  });

  it('shows epochs and a summary for people, with every option applied', () => {
    const r = reswire([
      'train', spiralsMlp, '--data', 'spirals', '--epochs', '3', '--batch-size', '32', '--optimizer', 'nesterov', '--lr', '0.1',
      '--momentum', '0.8', '--weight-decay', '0.0005', '--schedule', 'step:2:0.5', '--warmup', '1', '--val-split', '0.25',
      '--patience', '5', '--limit', '1200', '--backend', 'cpu', '--seed', '9', '--out', runs,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Training MLP \(195 params\) on spirals: 900 train \/ 300 validation samples, 3 epochs, batch 32, onnxruntime \(update on cpu\)\.\nRun folder: /);
    // One epoch of warm-up: the rate is still climbing to 0.1 at the end of epoch 1.
    expect(r.stdout).toMatch(/epoch 1\/3 {2}loss \d\.\d{4} {2}acc \d+\.\d% {2}val loss \d\.\d{4} {2}val acc \d+\.\d% {2}lr 0\.09\d* /);
    expect(r.stdout).toMatch(/epoch 2\/3 .* lr 0\.1 /);
    // Step schedule: the rate halves after 2 epochs.
    expect(r.stdout).toMatch(/epoch 3\/3 .* lr 0\.05 /);
    expect(r.stdout).toMatch(/Done after 3 epochs in \d+:\d\d; best validation accuracy \d+\.\d% \(epoch \d\)\.\nModel: /);
    const run = listRuns(runs)[0];
    expect(run.config).toMatchObject({
      optimizer: 'nesterov', lr: 0.1, momentum: 0.8, weightDecay: 0.0005, schedule: { kind: 'step', stepSize: 2, gamma: 0.5 },
      warmupEpochs: 1, batchSize: 32, validationSplit: 0.25, earlyStoppingPatience: 5, limit: 1200, seed: 9,
    });
  });

  it('refuses bad usage in one line', async () => {
    expectRefusal(await reswireInProcess(['train', spiralsMlp]), 'Say which data to train on with --data, e.g. --data mnist (see reswire train --help).');
    expectRefusal(await reswireInProcess(['train', spiralsMlp, '--data', 'spirals', '--optimizer', 'lbfgs']),
      '--optimizer must be one of sgd, momentum, nesterov, adam, adamw, rmsprop, got "lbfgs".');
    expectRefusal(await reswireInProcess(['train', spiralsMlp, '--data', 'spirals', '--schedule', 'linear']), /--schedule must be constant, cosine or step:SIZE/);
    expectRefusal(await reswireInProcess(['train', join(dir, 'missing.json'), '--data', 'spirals']), /Cannot read .*missing\.json: no such file\./);
  });

  it('refuses each kind of bad dataset in one sentence before training', async () => {
    const cifar = join(dir, 'badcifar');
    mkdirSync(cifar);
    writeFileSync(join(cifar, 'data_batch_1.bin'), Buffer.alloc(5000));
    expectRefusal(await reswireInProcess(['train', cifarNet, '--data', `cifar10:${cifar}`, '--out', runs]),
      `${join(cifar, 'data_batch_1.bin')} is 5000 bytes, not a whole number of 3073-byte CIFAR-10 records; it is truncated or not from the binary version of CIFAR-10.`);
    expectRefusal(await reswireInProcess(['train', cifarNet, '--data', `cifar10:${join(dir, 'nowhere')}`, '--out', runs]),
      `The CIFAR-10 folder ${join(dir, 'nowhere')} does not exist; check the path after "cifar10:".`);
    expectRefusal(await reswireInProcess(['train', cifarNet, '--data', 'mnist', '--out', runs]),
      "mnist images are 28x28x1 but the graph's Input (node input) is 32x32x3; set the Input's shape to 28x28x1 or pick data that matches it.");
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'x,y,label\n0.1,0.2,a\n0.3,n/a,b\n');
    expectRefusal(await reswireInProcess(['train', spiralsMlp, '--data', `csv:${csv}`, '--out', runs]),
      `${csv} line 3, column "y" is "n/a", not a number; feature columns must be numeric (the label column is "label").`);
    const oneClass = join(dir, 'photos');
    mkdirSync(join(oneClass, 'cats'), { recursive: true });
    writeFileSync(join(oneClass, 'cats', 'a.png'), Buffer.from('not really a png'));
    expectRefusal(await reswireInProcess(['train', cifarNet, '--data', `folder:${oneClass}`, '--out', runs]),
      `${oneClass} has only one class folder (cats); a classifier needs at least two, so add a subfolder per class.`);
  });
});

describe('reswire predict', () => {
  it('names the top 5 digits for a PNG, with the training preprocessing', async () => {
    const train = reswire(['train', digitsMlp, '--data', 'mnist', '--limit', '2000', '--epochs', '2', '--seed', '1', '--json', '--out', runs]);
    expect(train.code).toBe(0);
    const runId = parseRunEvent(JSON.parse(train.stdout.split('\n')[0])).runId;
    // A real zero from the dataset, saved as a user's PNG would be.
    const mnist = await loadDataset('mnist');
    const zero = mnist.x.subarray(0, 784);
    const png = join(dir, 'zero.png');
    await sharp(Buffer.from(Array.from(zero, (v) => Math.round(v * 255))), { raw: { width: 28, height: 28, channels: 1 } }).png().toFile(png);

    const r = reswire(['predict', runId, '--input', png, '--out', runs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^ {2}1\. 0 +\d+\.\d%$/);
    const json = JSON.parse((await reswireInProcess(['predict', join(runs, runId), '--input', png, '--json', '--top', '3'])).stdout);
    expect(json[0].top.map((t: { class: string }) => t.class)[0]).toBe('0');
    expect(json[0].top).toHaveLength(3);
    const p = json[0].top.map((t: { probability: number }) => t.probability);
    expect(p[0]).toBeGreaterThanOrEqual(p[1]);
    expect(p.reduce((a: number, b: number) => a + b, 0)).toBeLessThanOrEqual(1.0001);

    const wrongKind = await reswireInProcess(['predict', runId, '--input', join(dir, 'bad.csv'), '--out', runs]);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/^reswire predict: Run .* was trained on 28x28x1 images; give a PNG or JPEG file, not .*bad\.csv\.\n$/);
  });
});
