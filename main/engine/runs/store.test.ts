import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunFolder, hashGraph, readRunEvents, resolveRunDir } from './store';

const tmp = () => mkdtempSync(join(tmpdir(), 'reswire-runs-'));
const line = (step: number) => JSON.stringify({ type: 'batch', runId: 'r', t: step, epoch: 1, step, steps: 9, loss: 1, batchLoss: 1, accuracy: 0.5, samplesPerSec: 10 }) + '\n';

describe('run folders', () => {
  it('gives runs started in the same second their own folders', () => {
    const dir = tmp();
    const at = new Date(2025, 0, 2, 3, 4, 5);
    const a = createRunFolder(dir, 'ResNet 20!', at);
    const b = createRunFolder(dir, 'ResNet 20!', at);
    expect(a.id).toBe('2025-01-02-030405-resnet-20');
    expect(b.id).toBe('2025-01-02-030405-resnet-20-2');
    writeFileSync(join(a.dir, 'run.json'), '{}');
    expect(resolveRunDir(a.id, dir)).toBe(a.dir);
    expect(resolveRunDir(a.dir)).toBe(a.dir);
    expect(() => resolveRunDir('nope', dir)).toThrow(/No run "nope": give a run folder/);
  });

  it('reads events.jsonl up to a line cut short by a crash, but not past a corrupted one', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'r'));
    const file = join(dir, 'r', 'events.jsonl');
    writeFileSync(file, line(1) + line(2));
    appendFileSync(file, line(3).slice(0, 30));
    expect(readRunEvents(join(dir, 'r')).map((e) => e.type === 'batch' && e.step)).toEqual([1, 2]);
    writeFileSync(file, line(1) + '{"type":"batch"}\n' + line(3));
    expect(() => readRunEvents(join(dir, 'r'))).toThrow(/events\.jsonl line 2 is not a run event/);
  });

  it('hashes the same graph to the same sha256', () => {
    expect(hashGraph({ a: 1 })).toBe(hashGraph({ a: 1 }));
    expect(hashGraph({ a: 1 })).not.toBe(hashGraph({ a: 2 }));
    expect(hashGraph({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
