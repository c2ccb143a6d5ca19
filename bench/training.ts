// The training figures of `npm run bench`: MNIST ResNet-8 for one epoch of 8,000 samples,
// and what the event stream costs (the same run with streaming on and off, interleaved).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunEvent, type EpochEvent, type RunEvent } from '../shared/api/runEvents';
import { buildTemplate } from '../shared/templates/index';
import { appendEvent } from '../main/engine/runs/store';
import { startRun } from '../main/engine/train/run';

export interface MnistEpoch {
  /** The epoch event's seconds: training steps, batch-norm statistics and validation. */
  epochSeconds: number;
  /** The training steps alone: samples / the epoch's samples per second. */
  trainSeconds: number;
  samples: number;
  valAccuracy: number | null;
  backend: string;
  /** What computed the forward and backward passes (onnxruntime or tfjs). */
  engine: string;
}

export interface StreamingCost {
  /** Run seconds (the done event: the whole training loop) per round, streaming on. */
  onSeconds: number[];
  offSeconds: number[];
  /** (median on - median off) / median off, in percent; on a shared machine mostly noise. */
  overheadPercent: number;
  /**
   * The streaming work itself, timed alone: every event of a streaming run appended to
   * events.jsonl, cloned as postMessage does, and validated as the main thread does.
   */
  streamingWorkMs: number;
  /** streamingWorkMs as a share of that run's seconds, in percent. */
  streamingWorkPercent: number;
  /** Events a streaming run sent, and how many of them batch and layerStats events. */
  eventsStreamed: number;
  progressEvents: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

interface OneRun {
  seconds: number;
  epoch: EpochEvent;
  backend: string;
  engine: string;
  samples: number;
  events: number;
  progress: number;
  streamed: RunEvent[];
}

/** One epoch of ResNet-8 on MNIST (10,000 digits, 20% held out: 8,000 trained on). */
async function mnistRun(streamEvents: boolean, runsDir: string): Promise<OneRun> {
  const graph = buildTemplate('resnet', { depth: 8, input: [28, 28, 1] });
  const handle = startRun({ graph, data: 'mnist', runsDir, config: { epochs: 1, seed: 1 }, streamEvents });
  let events = 0;
  let progress = 0;
  // A listener that reads every event, as the CLI and the studio do.
  handle.onEvent((e: RunEvent) => {
    events++;
    if (e.type === 'batch' || e.type === 'layerStats') progress++;
  });
  const result = await handle.done;
  if (result.status !== 'done') {
    throw new Error(`The MNIST run ended ${result.status}: ${result.final.type === 'error' ? result.final.message : result.final.type}`);
  }
  const epoch = handle.events.find((e): e is EpochEvent => e.type === 'epoch')!;
  const started = handle.events.find((e) => e.type === 'started');
  const done = result.final;
  return {
    streamed: [...handle.events],
    seconds: done.type === 'done' ? done.seconds : NaN,
    epoch,
    backend: started?.type === 'started' ? started.backend : '?',
    engine: started?.type === 'started' ? (started.engine ?? 'tfjs') : '?',
    samples: started?.type === 'started' ? started.samples : NaN,
    events,
    progress,
  };
}

/** Median milliseconds to write, pass and check `events` as a run streams them. */
function streamingWork(events: readonly RunEvent[], dir: string): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const runDir = join(dir, `replay-${i}`);
    mkdirSync(runDir);
    const t0 = performance.now();
    for (const e of events) {
      appendEvent(runDir, e);
      parseRunEvent(structuredClone(e));
    }
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Streaming on and off in the order on, off, off, on (and again per extra round), so a
 * machine getting busier or quieter during the bench weighs on both alike.
 */
export async function trainingFigures(rounds: number, log: (line: string) => void): Promise<{ mnist: MnistEpoch; streaming: StreamingCost }> {
  const runsDir = mkdtempSync(join(tmpdir(), 'reswire-bench-runs-'));
  try {
    const on: OneRun[] = [];
    const off: OneRun[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const stream of [true, false, false, true]) {
        const run = await mnistRun(stream, runsDir);
        (stream ? on : off).push(run);
        log(`  MNIST ResNet-8, streaming ${stream ? 'on ' : 'off'}: ${run.seconds.toFixed(1)} s (epoch ${run.epoch.seconds.toFixed(1)} s)`);
      }
    }
    const first = on[0];
    const workMs = streamingWork(first.streamed, runsDir);
    const onSeconds = on.map((r) => round(r.seconds));
    const offSeconds = off.map((r) => round(r.seconds));
    return {
      mnist: {
        epochSeconds: round(median(on.map((r) => r.epoch.seconds)), 1),
        trainSeconds: round(median(on.map((r) => r.samples / r.epoch.samplesPerSec)), 1),
        samples: first.samples,
        valAccuracy: first.epoch.valAccuracy,
        backend: first.backend,
        engine: first.engine,
      },
      streaming: {
        onSeconds,
        offSeconds,
        overheadPercent: round(((median(onSeconds) - median(offSeconds)) / median(offSeconds)) * 100, 1),
        streamingWorkMs: round(workMs, 1),
        streamingWorkPercent: round((workMs / (first.seconds * 1000)) * 100, 3),
        eventsStreamed: first.events,
        progressEvents: first.progress,
      },
    };
  } finally {
    rmSync(runsDir, { recursive: true, force: true });
  }
}
