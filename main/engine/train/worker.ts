// The training worker: loads the backend, compiles the graph, loads the data, then trains,
// writing every event to the run folder before passing it to the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { RunEvent, RunEventBody } from '../../../shared/api/runEvents';
import { type ControlState, train } from './loop';
import { prepareRun, type PreparedRun } from './prepare';
import { CONTROL_PAUSE, CONTROL_STOP, type WorkerInput, type WorkerMessage } from './protocol';
import { finishRun, type RunFiles, startRecord } from './record';

const input = workerData as WorkerInput;
const port = parentPort!;
const control = new Int32Array(input.control);
/** Set once run.json exists: from then on every event is appended to events.jsonl first. */
let files: RunFiles | null = null;

function post(m: WorkerMessage): void {
  port.postMessage(m);
}

function emit(body: RunEventBody): void {
  if (input.streamEvents === false && (body.type === 'batch' || body.type === 'layerStats')) return;
  const event = { ...body, runId: input.runId, t: Date.now() } as RunEvent;
  files?.append(event);
  post({ kind: 'event', event });
}

function state(): ControlState {
  const v = Atomics.load(control, 0);
  return v === CONTROL_STOP ? 'stop' : v === CONTROL_PAUSE ? 'pause' : 'run';
}

async function waitWhilePaused(): Promise<ControlState> {
  // This thread only trains, so blocking it while paused costs nothing.
  while (Atomics.load(control, 0) === CONTROL_PAUSE) Atomics.wait(control, 0, CONTROL_PAUSE, 1000);
  return state();
}

async function main(): Promise<void> {
  let run: PreparedRun;
  try {
    run = await prepareRun(input);
  } catch (e) {
    const err = e as Error & { nodeId?: string };
    emit({ type: 'error', message: err.message, ...(err.nodeId ? { nodeId: err.nodeId } : {}), beforeStart: true });
    post({ kind: 'finished', status: 'failed' });
    return;
  }
  files = startRecord(input, run);
  emit(run.startedEvent);
  let status: 'done' | 'stopped' | 'failed' = 'failed';
  try {
    const summary = await train(run.trainInputs, {
      emit,
      control: { state, waitWhilePaused },
      saveCheckpoint: (kind) => files!.saveCheckpoint(run.trainInputs.model, kind),
    });
    status = summary.status;
    await finishRun(files, run, summary);
  } catch (e) {
    const message = `Training failed: ${(e as Error).message}`;
    emit({ type: 'error', message, beforeStart: false });
    await finishRun(files, run, { status: 'failed', error: message });
  } finally {
    run.dispose();
  }
  post({ kind: 'finished', status });
}

await main();
