// What the main thread and the training worker say to each other. Control goes through a
// shared Int32 word (read between batches, so pause/stop never wait for a message queue).
import type { GraphDocument } from '../../../shared/graph/types';
import type { RunEvent, RunStatus, TrainConfig } from '../../../shared/api/runEvents';

export const CONTROL_RUN = 0;
export const CONTROL_PAUSE = 1;
export const CONTROL_STOP = 2;

export interface WorkerInput {
  runId: string;
  runDir: string;
  graph: GraphDocument;
  dataSpec: string;
  config: TrainConfig;
  /** Int32Array(1) over this buffer: CONTROL_RUN / PAUSE / STOP. */
  control: SharedArrayBuffer;
  /** false: batch and layerStats events are neither written nor sent (see StartRunOptions.streamEvents). */
  streamEvents?: boolean;
}

export type WorkerMessage =
  | { kind: 'event'; event: RunEvent }
  /** The worker has written its last file; it can be terminated. */
  | { kind: 'finished'; status: RunStatus };
