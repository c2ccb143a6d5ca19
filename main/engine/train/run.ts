// startRun: the main-thread face of a training run. The loop itself runs in a worker thread,
// so whoever serves the UI (Electron main, `reswire serve`) never waits on a batch.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ZodError } from 'zod';
import {
  type RunEvent, type RunStatus, type TrainConfig, type TrainConfigInput,
  describeConfigError, isFinalEvent, parseRunEvent, resolveTrainConfig,
} from '../../../shared/api/runEvents';
import type { GraphDocument } from '../../../shared/graph/types';
import { parseDataSpec } from '../data/spec';
import { appendEvent, createRunFolder, DEFAULT_RUNS_DIR, readRunRecord, writeRunRecord } from '../runs/store';
import { CONTROL_PAUSE, CONTROL_RUN, CONTROL_STOP, type WorkerInput, type WorkerMessage } from './protocol';

export interface StartRunOptions {
  /** The graph to train (blocks are expanded by the compiler). */
  graph: GraphDocument;
  /** Dataset spec: mnist, fashion-mnist, spirals, shapes, cifar10:DIR, folder:DIR, csv:FILE[#COL]. */
  data: string;
  /** Hyperparameters; every field has a default (see TrainConfigSchema). */
  config?: TrainConfigInput;
  /** Where run folders go; default ./runs. */
  runsDir?: string;
  /** The worker entry; only needed where the engine is bundled (the default is worker.mjs beside this file). */
  workerUrl?: URL;
  /**
   * false: no batch or layerStats events (the progress stream) are written or sent; the
   * events that start and end epochs and the run still are. For measuring what streaming costs.
   */
  streamEvents?: boolean;
}

export interface RunResult {
  runId: string;
  runDir: string;
  /** 'failed' covers errors before the start (then the run folder is removed) and during training. */
  status: Exclude<RunStatus, 'running' | 'interrupted'>;
  /** The final event: done, stopped or error. */
  final: RunEvent;
}

export interface RunHandle {
  runId: string;
  runDir: string;
  config: TrainConfig;
  /** Calls `listener` for every event; past events are replayed first unless replay is false. Returns unsubscribe. */
  onEvent(listener: (e: RunEvent) => void, opts?: { replay?: boolean }): () => void;
  /** Every event so far, in order. */
  readonly events: readonly RunEvent[];
  /** Honoured before the next batch starts. */
  pause(): void;
  resume(): void;
  /** Ends the run after the current batch, keeping its checkpoints (a 'stopped' event). */
  stop(): void;
  /** Resolves when the run has ended and its files are written; never rejects. */
  done: Promise<RunResult>;
}

/** A mistake in the options themselves: thrown by startRun before anything starts. */
export class RunOptionsError extends Error {
  readonly exitCode = 2;
}

const DEFAULT_WORKER = new URL('./worker.mjs', import.meta.url);

export function startRun(opts: StartRunOptions): RunHandle {
  let config: TrainConfig;
  try {
    config = resolveTrainConfig(opts.config ?? {});
    parseDataSpec(opts.data);
  } catch (e) {
    throw new RunOptionsError(e instanceof ZodError ? describeConfigError(e) : (e as Error).message);
  }
  const runsDir = resolve(opts.runsDir ?? DEFAULT_RUNS_DIR);
  const { id: runId, dir: runDir } = createRunFolder(runsDir, opts.graph.name || 'graph');
  const control = new Int32Array(new SharedArrayBuffer(4));
  const input: WorkerInput = {
    runId, runDir, graph: opts.graph, dataSpec: opts.data, config, control: control.buffer as SharedArrayBuffer,
    streamEvents: opts.streamEvents ?? true,
  };

  const events: RunEvent[] = [];
  const listeners = new Set<(e: RunEvent) => void>();
  let final: RunEvent | null = null;
  let started = false;
  let settle!: (r: RunResult) => void;
  const done = new Promise<RunResult>((r) => (settle = r));

  const deliver = (e: RunEvent) => {
    events.push(e);
    if (e.type === 'started') started = true;
    if (isFinalEvent(e)) final = e;
    for (const l of listeners) l(e);
  };
  const setControl = (v: number) => {
    if (final) return;
    Atomics.store(control, 0, v);
    Atomics.notify(control, 0);
  };

  const worker = new Worker(opts.workerUrl ?? DEFAULT_WORKER, { workerData: input });
  let finished = false;
  const end = (status: RunResult['status']) => {
    if (finished) return;
    finished = true;
    // A run that never started leaves no folder behind: the error event says why.
    if (!started) rmSync(runDir, { recursive: true, force: true });
    void worker.terminate();
    settle({ runId, runDir, status, final: final! });
  };
  /** The worker died without its own final event (a crash, out of memory): record it here. */
  const crashed = (message: string) => {
    if (final) return end(final.type === 'done' ? 'done' : final.type === 'stopped' ? 'stopped' : 'failed');
    const e: RunEvent = { type: 'error', runId, t: Date.now(), message, beforeStart: !started };
    if (started) {
      appendEvent(runDir, e);
      try {
        writeRunRecord(runDir, { ...readRunRecord(runDir), status: 'failed', finishedAt: new Date().toISOString(), error: message });
      } catch {
        // run.json unreadable: the event in events.jsonl still says what happened.
      }
    }
    deliver(e);
    end('failed');
  };

  worker.on('message', (m: WorkerMessage) => {
    if (m.kind !== 'event') return end(m.status === 'done' || m.status === 'stopped' ? m.status : 'failed');
    let event: RunEvent;
    try {
      event = parseRunEvent(m.event);
    } catch (e) {
      // A bug, not a user error: end the run rather than pass on something the UI cannot read.
      return crashed(`The training worker sent an invalid event (${(e as Error).message}).`);
    }
    deliver(event);
  });
  worker.on('error', (err) => crashed(`The training worker crashed: ${err.message}`));
  worker.on('exit', (code) => crashed(`The training worker exited unexpectedly (code ${code}).`));

  return {
    runId,
    runDir,
    config,
    get events() {
      return events;
    },
    onEvent(listener, o = {}) {
      if (o.replay !== false) for (const e of events.slice()) listener(e);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pause: () => setControl(CONTROL_PAUSE),
    resume: () => setControl(CONTROL_RUN),
    stop: () => setControl(CONTROL_STOP),
    done,
  };
}
