// The worker's side of the run folder: run.json kept current, events appended, checkpoints.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { RunEvent, RunRecord } from '../../../shared/api/runEvents';
import { saveModelFolder } from '../runs/modelFiles';
import { appendEvent, hashGraph, writeRunRecord } from '../runs/store';
import type { TrainSummary } from './loop';
import type { PreparedRun } from './prepare';
import type { WorkerInput } from './protocol';

export interface RunFiles {
  dir: string;
  record: RunRecord;
  append(e: RunEvent): void;
  saveCheckpoint(model: tf.LayersModel, kind: 'best' | 'last'): Promise<string>;
}

/** Writes the first run.json (status running) once the run is sure to start. */
export function startRecord(input: WorkerInput, run: PreparedRun): RunFiles {
  const record: RunRecord = {
    format: 'reswire.run',
    id: input.runId,
    status: 'running',
    createdAt: new Date().toISOString(),
    finishedAt: null,
    graphName: input.graph.name,
    graphHash: hashGraph(input.graph),
    graph: input.graph as unknown as Record<string, unknown>,
    config: input.config,
    dataset: run.dataset,
    backend: run.backend,
    engine: run.engine,
    seed: input.config.seed,
    params: run.params,
    inputNodeId: run.inputNodeId,
    outputNodeId: run.outputNodeId,
    loss: run.trainInputs.loss,
    epochsCompleted: 0,
    bestEpoch: null,
    bestValAccuracy: null,
    bestValLoss: null,
    error: null,
    pid: process.pid,
  };
  writeRunRecord(input.runDir, record);
  return {
    dir: input.runDir,
    record,
    append: (e) => appendEvent(input.runDir, e),
    async saveCheckpoint(model, kind) {
      const rel = `checkpoints/${kind}`;
      await saveModelFolder(model, join(input.runDir, rel));
      return rel;
    },
  };
}

/** Final run.json, and model/ = the best checkpoint (the last one when there is no best yet). */
export async function finishRun(
  files: RunFiles,
  run: PreparedRun,
  summary: Pick<TrainSummary, 'status' | 'error'> & Partial<TrainSummary>,
): Promise<void> {
  const model = join(files.dir, 'model');
  const best = join(files.dir, 'checkpoints', 'best');
  const last = join(files.dir, 'checkpoints', 'last');
  rmSync(model, { recursive: true, force: true });
  if (existsSync(best)) cpSync(best, model, { recursive: true });
  else if (existsSync(last)) cpSync(last, model, { recursive: true });
  else await saveModelFolder(run.trainInputs.model, model);
  const r = files.record;
  Object.assign(r, {
    status: summary.status,
    finishedAt: new Date().toISOString(),
    epochsCompleted: summary.epochsCompleted ?? r.epochsCompleted,
    bestEpoch: summary.bestEpoch ?? r.bestEpoch,
    bestValAccuracy: summary.bestValAccuracy ?? r.bestValAccuracy,
    bestValLoss: summary.bestValLoss ?? r.bestValLoss,
    error: summary.error,
  });
  writeRunRecord(files.dir, r);
}
