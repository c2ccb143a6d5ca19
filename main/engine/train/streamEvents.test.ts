// startRun({ streamEvents: false }): the progress stream (batch and layerStats events) is
// neither sent nor written, the run still starts, reports its epochs and ends, and trains
// exactly as a streaming run with the same seed does. `npm run bench` uses it to measure
// what streaming costs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/api/runEvents';
import { buildTemplate } from '../../../shared/templates/index';
import { readRun } from '../runs/store';
import { startRun } from './run';

const runsDir = mkdtempSync(join(tmpdir(), 'reswire-stream-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

const graph = buildTemplate('mlp', { input: [2], classes: 3, hidden: 16 });
const config = { epochs: 2, lr: 0.01, seed: 3, backend: 'cpu' } as const;
const epochLosses = (events: readonly RunEvent[]) => events.flatMap((e) => (e.type === 'epoch' ? [e.loss, e.valLoss] : []));

describe('startRun without the progress stream', () => {
  it('sends and writes no batch or layer events, and trains the same', async () => {
    const quiet = startRun({ graph, data: 'spirals', runsDir, config, streamEvents: false });
    expect((await quiet.done).status).toBe('done');
    const types = quiet.events.map((e) => e.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('done');
    expect(types.filter((t) => t === 'epoch')).toHaveLength(2);
    expect(types.filter((t) => t === 'batch' || t === 'layerStats')).toEqual([]);
    expect(readRun(runsDir, quiet.runId).events.map((e) => e.type)).toEqual(types);

    const streaming = startRun({ graph, data: 'spirals', runsDir, config });
    expect((await streaming.done).status).toBe('done');
    expect(streaming.events.some((e) => e.type === 'batch')).toBe(true);
    expect(streaming.events.filter((e) => e.type === 'layerStats')).toHaveLength(2);
    expect(epochLosses(quiet.events)).toEqual(epochLosses(streaming.events));
  });
});
