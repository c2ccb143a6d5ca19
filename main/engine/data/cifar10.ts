// CIFAR-10 "binary version": data_batch_1..5.bin and test_batch.bin, each a run of 3073-byte
// records (1 label byte, then 1024 red, 1024 green and 1024 blue bytes, row-major 32x32).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, type Dataset, type LoadOptions } from './types';

export const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
const RECORD = 3073;
const PLANE = 1024;

/** The folder may be the batches folder itself or one holding `cifar-10-batches-bin/`. */
function batchesDir(dir: string): string {
  if (!existsSync(dir)) throw new DataError(`The CIFAR-10 folder ${dir} does not exist; check the path after "cifar10:".`);
  if (!statSync(dir).isDirectory()) throw new DataError(`cifar10:${dir} must be a folder holding data_batch_*.bin files, not a file.`);
  const nested = join(dir, 'cifar-10-batches-bin');
  return existsSync(nested) && statSync(nested).isDirectory() ? nested : dir;
}

function readBatch(file: string, maxRecords: number): { bytes: Buffer; records: number } {
  const bytes = readFileSync(file);
  if (bytes.length === 0 || bytes.length % RECORD !== 0) {
    throw new DataError(
      `${file} is ${bytes.length} bytes, not a whole number of 3073-byte CIFAR-10 records; ` +
        'it is truncated or not from the binary version of CIFAR-10.',
    );
  }
  return { bytes, records: Math.min(bytes.length / RECORD, maxRecords) };
}

function classNamesFrom(dir: string): string[] {
  const meta = join(dir, 'batches.meta.txt');
  if (!existsSync(meta)) return CIFAR10_CLASSES.slice();
  const names = readFileSync(meta, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return names.length === 10 ? names : CIFAR10_CLASSES.slice();
}

export function loadCifar10(path: string, opts: LoadOptions = {}): Dataset {
  const dir = batchesDir(path);
  const files = readdirSync(dir);
  const trainFiles = files.filter((f) => /^data_batch_\d+\.bin$/.test(f)).sort();
  if (trainFiles.length === 0) {
    throw new DataError(
      `${dir} has no data_batch_*.bin files; cifar10:DIR expects the binary version of CIFAR-10 (cifar-10-batches-bin).`,
    );
  }
  const testFile = files.includes('test_batch.bin') ? 'test_batch.bin' : null;
  // With a limit, keep the usual 5:1 train:test proportion.
  const trainLimit = opts.limit ? Math.ceil(opts.limit * (testFile ? 5 / 6 : 1)) : Infinity;
  const testLimit = opts.limit ? Math.max(1, opts.limit - trainLimit) : Infinity;

  const batches: { bytes: Buffer; records: number; file: string }[] = [];
  let left = trainLimit;
  for (const f of trainFiles) {
    if (left <= 0) break;
    const b = readBatch(join(dir, f), left);
    batches.push({ ...b, file: f });
    left -= b.records;
  }
  const trainCount = batches.reduce((a, b) => a + b.records, 0);
  if (testFile) batches.push({ ...readBatch(join(dir, testFile), testLimit), file: testFile });
  const count = batches.reduce((a, b) => a + b.records, 0);

  const x = new Float32Array(count * 3 * PLANE);
  const y = new Int32Array(count);
  let i = 0;
  for (const b of batches) {
    for (let r = 0; r < b.records; r++, i++) {
      const off = r * RECORD;
      const label = b.bytes[off];
      if (label > 9) {
        throw new DataError(`${join(dir, b.file)} record ${r + 1} has label ${label}; CIFAR-10 labels are 0 to 9.`);
      }
      y[i] = label;
      // Planar RGB -> interleaved HWC, scaled to [0, 1].
      const out = i * 3 * PLANE;
      for (let p = 0; p < PLANE; p++) {
        x[out + p * 3] = b.bytes[off + 1 + p] / 255;
        x[out + p * 3 + 1] = b.bytes[off + 1 + PLANE + p] / 255;
        x[out + p * 3 + 2] = b.bytes[off + 1 + 2 * PLANE + p] / 255;
      }
    }
  }
  return {
    name: 'cifar10', spec: `cifar10:${path}`, kind: 'image', x, y, count, shape: [32, 32, 3],
    classNames: classNamesFrom(dir),
    presetValStart: testFile ? trainCount : undefined,
    defaultAugment: { padCrop: true, flip: true },
  };
}
