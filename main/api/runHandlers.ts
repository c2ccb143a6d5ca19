// Handlers for training runs: start, pause, resume, stop (runs this studio started), and
// reading any run in the project's runs/ folder. Every event of a live run goes out as a
// runEvent; the engine has already appended it to the run's events.jsonl.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { StudioApiError } from '../../shared/api/errors';
import { isFinalEvent, type RunEvent, type RunRecord } from '../../shared/api/runEvents';
import type { RunSummary } from '../../shared/api/schemas';
import { describeSpec } from '../engine/data';
import { DEFAULT_RUNS_DIR, listRuns, readRunEvents, RUN_FILE } from '../engine/runs/store';
import { type RunHandle, RunOptionsError, startRun } from '../engine/train/run';
import type { StudioContext } from './context';
import { resolveDataSpec } from './datasetPreview';
import type { StudioHandlers } from './dispatch';

type RunHandlers = Pick<StudioHandlers, 'startRun' | 'pauseRun' | 'resumeRun' | 'stopRun' | 'listRuns' | 'getRunEvents'>;
type LiveState = 'running' | 'paused' | 'stopping';

interface LiveRun {
  handle: RunHandle;
  state: LiveState;
}

/** How long closing the studio waits for stopped runs to write their last files. */
const DISPOSE_WAIT_MS = 10_000;

function summarize(record: RunRecord, live: boolean): RunSummary {
  return {
    id: record.id,
    status: record.status,
    live,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
    graphName: record.graphName,
    dataset: record.dataset.name,
    backend: record.backend,
    params: record.params,
    epochs: record.config.epochs,
    epochsCompleted: record.epochsCompleted,
    bestValAccuracy: record.bestValAccuracy,
    bestValLoss: record.bestValLoss,
    error: record.error,
  };
}

export function createRunHandlers(ctx: StudioContext): { handlers: RunHandlers; dispose(): Promise<void> } {
  const live = new Map<string, LiveRun>();
  const runsDir = () => path.join(ctx.folder.root, DEFAULT_RUNS_DIR);

  function liveRun(runId: string): LiveRun {
    const run = live.get(runId);
    if (!run) {
      throw new StudioApiError(`Run ${runId} is not training in this studio (it may have finished already); only a run in progress can be paused, resumed or stopped.`);
    }
    return run;
  }

  function follow(handle: RunHandle): void {
    const run: LiveRun = { handle, state: 'running' };
    live.set(handle.runId, run);
    handle.onEvent((event: RunEvent) => {
      if (event.type === 'paused') run.state = 'paused';
      if (event.type === 'resumed') run.state = 'running';
      // A run whose last event is out can no longer be controlled: list it as finished at once.
      if (isFinalEvent(event)) live.delete(handle.runId);
      ctx.events.emit('runEvent', event);
    });
    void handle.done.then(() => live.delete(handle.runId));
  }

  const handlers: RunHandlers = {
    async startRun({ graph, trainConfig, dataSpec }) {
      // Data on disk must be inside the project folder, like every other path the UI names.
      const data = describeSpec(resolveDataSpec(dataSpec, ctx.folder));
      let handle: RunHandle;
      try {
        handle = startRun({ graph, data, config: trainConfig, runsDir: runsDir() });
      } catch (e) {
        if (e instanceof RunOptionsError) throw new StudioApiError(e.message);
        throw e;
      }
      follow(handle);
      return { runId: handle.runId };
    },

    async pauseRun({ runId }) {
      const run = liveRun(runId);
      run.handle.pause();
      if (run.state === 'running') run.state = 'paused';
      return { runId, state: run.state };
    },

    async resumeRun({ runId }) {
      const run = liveRun(runId);
      run.handle.resume();
      if (run.state === 'paused') run.state = 'running';
      return { runId, state: run.state };
    },

    async stopRun({ runId }) {
      const run = liveRun(runId);
      run.handle.stop();
      run.state = 'stopping';
      return { runId, state: run.state };
    },

    async listRuns() {
      return { runs: listRuns(runsDir()).map((record) => summarize(record, live.has(record.id))) };
    },

    async getRunEvents({ runId }) {
      const run = live.get(runId);
      if (run) return { runId, events: [...run.handle.events] };
      const dir = path.join(runsDir(), runId);
      if (!existsSync(path.join(dir, RUN_FILE))) {
        throw new StudioApiError(`There is no run ${runId} in ${runsDir()}; choose one from the runs list.`);
      }
      try {
        return { runId, events: readRunEvents(dir) };
      } catch (e) {
        throw new StudioApiError(`Could not read the events of run ${runId}: ${(e as Error).message}`);
      }
    },
  };

  return {
    handlers,
    async dispose() {
      const endings = [...live.values()].map((run) => {
        run.handle.stop();
        return run.handle.done;
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISPOSE_WAIT_MS)));
      await Promise.race([Promise.all(endings), timeout]);
      clearTimeout(timer);
    },
  };
}
