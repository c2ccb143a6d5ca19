// What every dataset loader returns, and the error every bad dataset raises.
import type { Augment } from '../../../shared/api/runEvents';

/** A bad dataset: one sentence saying what is wrong and what to do. The CLI exits 2 on it. */
export class DataError extends Error {
  readonly exitCode = 2;
  override name = 'DataError';
  /** The graph node the problem is about (the Input, the output layer), when there is one. */
  readonly nodeId?: string;
  constructor(message: string, nodeId?: string) {
    super(message);
    if (nodeId !== undefined) this.nodeId = nodeId;
  }
}

export interface Dataset {
  /** Short name for messages, e.g. "mnist", "cifar10", "folder photos". */
  name: string;
  /** The spec it was loaded from, e.g. "cifar10:/data/cifar". */
  spec: string;
  kind: 'image' | 'table';
  /** All samples, row-major: count * prod(shape). Images are scaled to [0, 1]. */
  x: Float32Array;
  /** Class index per sample. */
  y: Int32Array;
  count: number;
  /** Per-sample shape: [H, W, C] for images, [features] for tables. */
  shape: number[];
  classNames: string[];
  featureNames?: string[];
  /** Samples from this index on are the dataset's own held-out set (e.g. CIFAR-10's test_batch). */
  presetValStart?: number;
  /** Augmentation that suits the data when the user picks none (no flips for digits). */
  defaultAugment: Augment;
}

export interface LoadOptions {
  /** The graph's Input shape: folder and shapes data are rendered/resized to it. */
  targetShape?: number[];
  /** Load at most about this many samples (balanced over classes where the format allows). */
  limit?: number;
}

export function sampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function formatShape(shape: readonly number[]): string {
  return shape.join('x');
}
