// compileSummary and datasetPreview through the in-process adapter: real TF.js models and
// real data sets, as the UI gets them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioApi } from '../../shared/api/studio';
import { mlp } from '../../shared/templates';
import { createStudio, type Studio } from './handlers';
import { createInProcessStudioApi } from './inProcess';

let tmp: string;
let studio: Studio;
let api: StudioApi;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-engine-api-'));
  mkdirSync(path.join(tmp, 'project'));
  studio = createStudio({ projectDir: path.join(tmp, 'project'), fixedProjectDir: true, settingsDir: path.join(tmp, 'settings') });
  api = createInProcessStudioApi(studio);
});

afterAll(async () => {
  await studio.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('compileSummary', () => {
  it('builds the model on a backend and counts its parameters', async () => {
    const summary = await api.compileSummary({ graph: mlp({ hidden: 128 }), backend: 'cpu' });
    expect(summary).toMatchObject({ ok: true, backend: 'cpu', errors: [] });
    // 784*128 + 128 weights into the hidden layer, 128*10 + 10 into the classifier.
    expect(summary.model).toMatchObject({ params: 101_770, trainableParams: 101_770, nonTrainableParams: 0, inputShape: [28, 28, 1], outputShape: [10], classes: 10 });
  });

  it('reports why a graph does not compile, on the node at fault', async () => {
    const doc = mlp();
    const broken = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'hidden' ? { ...n, params: { ...n.params, units: 0 } } : n)) };
    const summary = await api.compileSummary({ graph: broken, backend: 'cpu' });
    expect(summary.ok).toBe(false);
    expect(summary.model).toBeNull();
    expect(summary.errors[0]).toMatchObject({ nodeId: 'hidden', message: expect.stringMatching(/units/i) });
  });

  it('names the backends there are when asked for one that is not', async () => {
    await expect(api.compileSummary({ graph: mlp(), backend: 'gpu' })).rejects.toThrow('There is no backend called "gpu"; choose one of tensorflow, wasm, cpu.');
  });
});

describe('datasetPreview', () => {
  it('shows one real sample of each digit with the data set shape and classes', async () => {
    const preview = await api.datasetPreview({ spec: 'mnist', count: 10 });
    expect(preview).toMatchObject({ name: 'mnist', kind: 'image', shape: [28, 28, 1] });
    expect(preview.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(preview.samples.map((s) => s.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const s of preview.samples) {
      expect(s.pixels).toHaveLength(784);
      expect(Math.max(...s.pixels!)).toBeGreaterThan(200); // ink, not a blank image
      expect(s.features).toBeNull();
    }
  });

  it('gives table data as features', async () => {
    const preview = await api.datasetPreview({ spec: 'spirals', count: 3 });
    expect(preview).toMatchObject({ kind: 'table', shape: [2] });
    expect(preview.samples.map((s) => [s.label, s.features?.length, s.pixels])).toEqual([[0, 2, null], [1, 2, null], [2, 2, null]]);
  });

  it('explains a spec it does not know', async () => {
    await expect(api.datasetPreview({ spec: 'imagenet' })).rejects.toThrow(/^Unknown dataset "imagenet": use mnist, fashion-mnist/);
  });
});
