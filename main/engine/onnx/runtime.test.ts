// Where onnxruntime-node cannot load (a platform its package has no binaries for), 'auto'
// trains on TF.js and says why, and asking for onnxruntime is a sentence, not a crash.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTemplate } from '../../../shared/templates/index';
import { initBackend } from '../backend';
import { compileGraph } from '../compile';

vi.mock('onnxruntime-node', () => {
  throw new Error('no onnxruntime binary for this platform');
});

beforeAll(async () => {
  await initBackend('cpu');
});

afterEach(() => {
  vi.resetModules();
});

describe('without onnxruntime-node', () => {
  it('falls back to TF.js with the reason, or refuses onnxruntime in one sentence', async () => {
    const { chooseStepEngine } = await import('../train/step');
    const { model, loss } = compileGraph(buildTemplate('resnet', { depth: 8, input: [8, 8, 1], classes: 3 }));
    try {
      const auto = await chooseStepEngine(model, loss, 'auto');
      expect(auto.engine).toBe('tfjs');
      expect(auto.fallback).toMatch(/^TF\.js trains this model: onnxruntime-node could not be loaded \(.+\)\.$/); // vitest rewords the import failure
      await expect(chooseStepEngine(model, loss, 'onnxruntime')).rejects.toThrow(/^The onnxruntime engine cannot train this model: onnxruntime-node could not be loaded/);
    } finally {
      model.dispose();
    }
  });
});
