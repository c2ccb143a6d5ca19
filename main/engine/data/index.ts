// Loading a dataset by spec, splitting it (seeded) and normalising it for training.
import { loadCifar10 } from './cifar10';
import { loadCsv } from './csv';
import { loadFolder } from './folder';
import { loadFashionMnist, loadMnist } from './mnist';
import { permutation, createRng } from './random';
import { type DataSpec, parseDataSpec } from './spec';
import { loadShapes, loadSpirals } from './synthetic';
import { DataError, type Dataset, type LoadOptions, sampleSize } from './types';

export { DataError, type Dataset, type LoadOptions, formatShape, sampleSize } from './types';
export { parseDataSpec, describeSpec, DATA_SPEC_HELP, type DataSpec } from './spec';
export { checkDatasetFitsGraph } from './check';
export { makeBatch, type Batch } from './batches';

/** Loads the dataset a spec names. Every problem is a DataError with one sentence. */
export async function loadDataset(spec: string | DataSpec, opts: LoadOptions = {}): Promise<Dataset> {
  let s: DataSpec;
  try {
    s = typeof spec === 'string' ? parseDataSpec(spec) : spec;
  } catch (e) {
    throw new DataError((e as Error).message);
  }
  switch (s.kind) {
    case 'mnist': return loadMnist(opts);
    case 'fashion-mnist': return loadFashionMnist(opts);
    case 'spirals': return loadSpirals(opts);
    case 'shapes': return loadShapes(opts);
    case 'cifar10': return loadCifar10(s.path, opts);
    case 'folder': return loadFolder(s.path, opts);
    case 'csv': return loadCsv(s.path, s.label, opts);
  }
}

/** A set of samples ready for training: standardised inputs and class indices. */
export interface Split {
  x: Float32Array;
  y: Int32Array;
  count: number;
}

export interface PreparedData {
  train: Split;
  val: Split;
  /** Per channel (images) or per feature (tables), computed on the training split. */
  mean: number[];
  std: number[];
}

function gather(ds: Dataset, indices: ArrayLike<number>): Split {
  const size = sampleSize(ds.shape);
  const x = new Float32Array(indices.length * size);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const src = indices[i];
    x.set(ds.x.subarray(src * size, (src + 1) * size), i * size);
    y[i] = ds.y[src];
  }
  return { x, y, count: indices.length };
}

/** Index range [from, to) in a seeded random order. */
function shuffledRange(from: number, to: number, seed: number, label: string): Int32Array {
  const p = permutation(to - from, createRng(seed, label));
  for (let i = 0; i < p.length; i++) p[i] += from;
  return p;
}

/**
 * Seeded shuffle and split (the dataset's own held-out part when it has one), then
 * standardisation with the training split's mean and std. `limit` caps the total samples.
 */
export function prepareData(ds: Dataset, o: { validationSplit: number; seed: number; limit?: number }): PreparedData {
  let trainIdx: Int32Array;
  let valIdx: Int32Array;
  const limit = o.limit ?? Infinity;
  if (ds.presetValStart !== undefined && o.validationSplit > 0) {
    trainIdx = shuffledRange(0, ds.presetValStart, o.seed, 'train');
    valIdx = shuffledRange(ds.presetValStart, ds.count, o.seed, 'val');
    if (Number.isFinite(limit)) {
      trainIdx = trainIdx.slice(0, Math.max(1, Math.round(limit * (1 - o.validationSplit))));
      valIdx = valIdx.slice(0, Math.max(1, Math.round(limit * o.validationSplit)));
    }
  } else {
    const end = ds.presetValStart ?? ds.count;
    const all = shuffledRange(0, end, o.seed, 'split').slice(0, Math.min(end, limit));
    const nVal = Math.round(all.length * o.validationSplit);
    valIdx = all.slice(0, nVal);
    trainIdx = all.slice(nVal);
  }
  if (trainIdx.length === 0) {
    throw new DataError(`${ds.name} leaves no training samples after the validation split; lower --val-split or raise --limit.`);
  }
  const train = gather(ds, trainIdx);
  const val = gather(ds, valIdx);
  const { mean, std } = channelStats(train, ds.shape);
  standardise(train, mean, std);
  standardise(val, mean, std);
  return { train, val, mean, std };
}

/** Mean and std along the last axis (channels or features). */
export function channelStats(s: Split, shape: readonly number[]): { mean: number[]; std: number[] } {
  const c = shape[shape.length - 1];
  const sum = new Float64Array(c);
  const sq = new Float64Array(c);
  for (let i = 0; i < s.x.length; i++) {
    const v = s.x[i];
    sum[i % c] += v;
    sq[i % c] += v * v;
  }
  const n = s.x.length / c;
  const mean = Array.from(sum, (v) => v / n);
  // A constant column would divide by zero: leave it unscaled.
  const std = Array.from(sq, (v, k) => Math.sqrt(Math.max(0, v / n - mean[k] * mean[k])) || 1);
  return { mean, std };
}

export function standardise(s: { x: Float32Array }, mean: readonly number[], std: readonly number[]): void {
  const c = mean.length;
  for (let i = 0; i < s.x.length; i++) s.x[i] = (s.x[i] - mean[i % c]) / std[i % c];
}
