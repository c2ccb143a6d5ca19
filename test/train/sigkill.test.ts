// A run killed with SIGKILL mid-epoch (no chance to clean up) leaves readable files: run.json
// whole (it is only ever replaced by rename) and events.jsonl with every event up to the kill.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseRunEvent, RunRecordSchema, type RunEvent } from '../../shared/api/runEvents';
import { listRuns, readRunEvents, readRunRecord } from '../../main/engine/runs/store';
import { BIN, tempFolder, templateFile } from './helpers';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

it('leaves run.json and events.jsonl readable after kill -9 in the middle of an epoch', async () => {
  const graph = templateFile(dir, 'cnn.json', 'cnn', {});
  const runs = join(dir, 'runs');
  const child = spawn(process.execPath, [BIN, 'train', graph, '--data', 'mnist', '--limit', '3000', '--epochs', '2', '--json', '--out', runs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen: RunEvent[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const e = parseRunEvent(JSON.parse(buffer.slice(0, nl)));
        buffer = buffer.slice(nl + 1);
        seen.push(e);
        // Two batch events in: well inside the first epoch.
        if (seen.filter((x) => x.type === 'batch').length === 2) {
          child.kill('SIGKILL');
          resolve();
        }
      }
    });
    child.on('exit', () => reject(new Error(`training ended before it could be killed: ${seen.map((e) => e.type).join(', ')}`)));
  });
  expect(await exited).toBe('SIGKILL');

  const [run] = listRuns(runs);
  const runDir = join(runs, run.id);
  // run.json parses as a complete record; its process is gone, so it reads as interrupted.
  const raw = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
  expect(RunRecordSchema.parse(raw).status).toBe('running');
  expect(readRunRecord(runDir).status).toBe('interrupted');
  // Every event printed before the kill is on disk, in order, each a valid event.
  const events = readRunEvents(runDir);
  expect(events.length).toBeGreaterThanOrEqual(seen.length);
  expect(events.slice(0, seen.length)).toEqual(seen);
  const lastBatch = events.filter((e) => e.type === 'batch').at(-1)!;
  expect(lastBatch).toMatchObject({ type: 'batch', epoch: 1 });
  if (lastBatch.type === 'batch') expect(lastBatch.step).toBeLessThan(lastBatch.steps);
  expect(events.some((e) => e.type === 'epoch')).toBe(false);
});
