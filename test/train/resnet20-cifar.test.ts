// ResNet-20 (the CIFAR ResNet with 9 residual blocks) trains on a folder in the CIFAR-10
// binary format: the whole path from graph to checkpoint on a real deep residual net.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { LayerStatsEvent } from '../../shared/api/runEvents';
import { buildTemplate } from '../../shared/templates/index';
import { initBackend } from '../../main/engine/backend';
import { readRun } from '../../main/engine/runs/store';
import { loadModelFolder } from '../../main/engine/runs/modelFiles';
import { startRun } from '../../main/engine/train/run';
import { tempFolder, writeCifarFolder } from './helpers';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

it('trains ResNet-20 for an epoch on a CIFAR-10-format folder, with per-layer gradient norms', async () => {
  writeCifarFolder(join(dir, 'cifar-10-batches-bin'), 64, 16);
  const graph = buildTemplate('resnet', { depth: 20 });
  // The folder holding cifar-10-batches-bin/ works as well as the batches folder itself.
  const h = startRun({ graph, data: `cifar10:${dir}`, config: { epochs: 1, batchSize: 16, optimizer: 'momentum', lr: 0.05 }, runsDir: join(dir, 'runs') });
  const result = await h.done;
  expect(result.final.type === 'error' ? result.final.message : result.status).toBe('done');

  const started = h.events[0];
  expect(started).toMatchObject({ type: 'started', samples: 64, valSamples: 16, inputShape: [32, 32, 3], classes: 10, stepsPerEpoch: 4 });
  if (started.type === 'started') expect(started.params).toBeGreaterThan(270_000); // ResNet-20: about 0.27M parameters

  const stats = h.events.find((e): e is LayerStatsEvent => e.type === 'layerStats')!;
  const convs = stats.layers.filter((l) => l.layer === 'Conv2D');
  expect(convs.length).toBeGreaterThanOrEqual(19); // 19 3x3 convolutions (+ 2 projection shortcuts)
  for (const c of convs) {
    expect(c.gradNorm).toBeGreaterThan(0);
    expect(c.activationStd).toBeGreaterThan(0);
  }
  // Node ids of layers inside blocks say which block they belong to.
  expect(convs.some((c) => c.nodeId.includes('/'))).toBe(true);

  const { record } = readRun(join(dir, 'runs'), h.runId);
  expect(record.dataset).toMatchObject({ name: 'cifar10', shape: [32, 32, 3], trainSamples: 64, valSamples: 16, augment: { padCrop: true, flip: true } });
  expect(record.dataset.classNames[0]).toBe('airplane');
  await initBackend('cpu');
  const model = await loadModelFolder(join(h.runDir, 'model'));
  expect(model.countParams()).toBe(record.params);
});
