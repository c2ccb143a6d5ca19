// startRun on small real runs (an MLP on spirals): the events, the run folder, determinism,
// pause/resume/stop, and the ways a run can end early.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EpochEvent, RunEvent } from '../../shared/api/runEvents';
import { buildTemplate } from '../../shared/templates/index';
import { listRuns, readRun } from '../../main/engine/runs/store';
import { type RunHandle, RunOptionsError, startRun } from '../../main/engine/train/run';
import { tempFolder } from './helpers';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);
const runsDir = join(dir, 'runs');
const mlp = buildTemplate('mlp', { input: [2], classes: 3, hidden: 32 });
const base = { graph: mlp, data: 'spirals', runsDir } as const;

const epochs = (events: readonly RunEvent[]) => events.filter((e): e is EpochEvent => e.type === 'epoch');

function nextEvent(h: RunHandle, type: RunEvent['type']): Promise<RunEvent> {
  return new Promise((resolve) => {
    const off = h.onEvent((e) => {
      if (e.type === type) {
        off();
        resolve(e);
      }
    });
  });
}

describe('startRun', () => {
  it('trains in a worker and keeps the whole run on disk', async () => {
    const h = startRun({ ...base, config: { epochs: 4, lr: 0.01, seed: 5, backend: 'cpu' } });
    const result = await h.done;
    expect(result.status).toBe('done');
    const types = h.events.map((e) => e.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('done');
    expect(types.filter((t) => t === 'epoch')).toHaveLength(4);
    expect(types.filter((t) => t === 'layerStats')).toHaveLength(4);
    const started = h.events[0];
    expect(started).toMatchObject({ type: 'started', backend: 'cpu', params: 195, samples: 2400, valSamples: 600, classes: 3 });
    const last = epochs(h.events).at(-1)!;
    expect(last.valAccuracy).toBeGreaterThan(0.6); // spirals: far above the 1/3 of guessing
    const stats = h.events.find((e) => e.type === 'layerStats')!;
    if (stats.type !== 'layerStats') throw new Error('unreachable');
    const dense = stats.layers.filter((l) => l.layer === 'Dense');
    expect(dense.length).toBe(2);
    for (const l of dense) expect(l.gradNorm).toBeGreaterThan(0);

    // On disk: the same events, a complete run.json, both checkpoints and the model.
    const { record, events } = readRun(runsDir, h.runId);
    expect(events.map((e) => e.type)).toEqual(types);
    expect(record).toMatchObject({ status: 'done', epochsCompleted: 4, backend: 'cpu', seed: 5, graphName: mlp.name });
    expect(record.graphHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.config).toMatchObject({ optimizer: 'adam', lr: 0.01, batchSize: 32, schedule: { kind: 'cosine' }, batchNormStats: 'precise' });
    expect(record.bestValAccuracy).toBe(Math.max(...epochs(events).map((e) => e.valAccuracy!)));
    for (const d of ['checkpoints/best', 'checkpoints/last', 'model']) {
      expect(readdirSync(join(h.runDir, d)).sort()).toEqual(['model.json', 'weights.bin']);
    }
    expect(listRuns(runsDir).map((r) => r.id)).toContain(h.runId);
  });

  it('repeats a run exactly with the same seed, and not with another', async () => {
    const run = async (seed: number) => {
      const h = startRun({ ...base, config: { epochs: 2, seed, backend: 'cpu', optimizer: 'momentum', lr: 0.05 } });
      await h.done;
      return epochs(h.events).map((e) => [e.loss, e.valLoss]);
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('pauses, resumes and stops between batches, keeping the checkpoints', async () => {
    const h = startRun({ ...base, config: { epochs: 200, batchSize: 8, backend: 'cpu' } });
    await nextEvent(h, 'batch');
    h.pause();
    const paused = await nextEvent(h, 'paused');
    const seen = h.events.length;
    h.resume();
    await nextEvent(h, 'resumed');
    // Nothing happened while paused: the event after 'paused' is 'resumed'.
    expect(h.events[seen - 1]).toBe(paused);
    expect(h.events[seen].type).toBe('resumed');
    await nextEvent(h, 'epoch');
    h.stop();
    const result = await h.done;
    expect(result.status).toBe('stopped');
    expect(result.final).toMatchObject({ type: 'stopped', epochs: 1 });
    expect(readRun(runsDir, h.runId).record.status).toBe('stopped');
    expect(existsSync(join(h.runDir, 'model', 'model.json'))).toBe(true);
  });

  it('stops with a sentence suggesting a lower learning rate when training diverges', async () => {
    const h = startRun({ ...base, config: { epochs: 2, optimizer: 'sgd', lr: 1e30, backend: 'cpu' } });
    const result = await h.done;
    expect(result.status).toBe('failed');
    expect(result.final.type).toBe('error');
    if (result.final.type !== 'error') return;
    expect(result.final.message).toMatch(/became NaN at epoch 1, step \d+, so training stopped; the learning rate \(1e\+30\) is probably too high: try --lr 1e\+29\./);
    expect(readRun(runsDir, h.runId).record).toMatchObject({ status: 'failed', error: result.final.message });
  });

  it('stops early when the validation loss stops improving', async () => {
    // A learning rate too small to change float32 weights: the validation loss never improves.
    const h = startRun({ ...base, config: { epochs: 10, optimizer: 'sgd', lr: 1e-30, earlyStoppingPatience: 2, backend: 'cpu' } });
    const result = await h.done;
    expect(result.final).toMatchObject({ type: 'done', stoppedEarly: true, epochs: 3 });
  });

  it('refuses bad data before starting, leaving no run folder behind', async () => {
    const before = readdirSync(runsDir).length;
    const h = startRun({ ...base, data: 'mnist', config: { backend: 'cpu' } });
    const result = await h.done;
    expect(result.final).toMatchObject({
      type: 'error', beforeStart: true, nodeId: 'input',
      message: "mnist images are 28x28x1 but the graph's Input (node input) is [2]; set the Input's shape to 28x28x1 or pick data that matches it.",
    });
    expect(readdirSync(runsDir).length).toBe(before);
    expect(() => startRun({ ...base, config: { batchSize: 0 } })).toThrow(RunOptionsError);
    expect(() => startRun({ ...base, data: 'imagenet' })).toThrow(/Unknown dataset "imagenet"/);
  });
});
