// Synthetic datasets for instant demos. Generated from a fixed seed, so "spirals" is the same
// data in every run; the training seed only changes order and initial weights.
import { createRng, type Rng } from './random';
import { DataError, type Dataset, type LoadOptions, formatShape } from './types';

const DATA_SEED = 20_240_601;

/** Three interleaved spirals in the plane: 2 features, 3 classes, 1,000 points each. */
export function loadSpirals(opts: LoadOptions = {}): Dataset {
  const classes = 3;
  const perClass = Math.min(1000, opts.limit ? Math.ceil(opts.limit / classes) : 1000);
  const rng = createRng(DATA_SEED, 'spirals');
  const count = classes * perClass;
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  let i = 0;
  for (let c = 0; c < classes; c++) {
    for (let k = 0; k < perClass; k++) {
      const r = k / perClass; // radius grows along the arm
      const angle = (c * 2 * Math.PI) / classes + r * 4 + rng.normal() * 0.2;
      x[2 * i] = r * Math.sin(angle);
      x[2 * i + 1] = r * Math.cos(angle);
      y[i++] = c;
    }
  }
  return {
    name: 'spirals', spec: 'spirals', kind: 'table', x, y, count, shape: [2],
    classNames: ['arm 1', 'arm 2', 'arm 3'], featureNames: ['x', 'y'],
    defaultAugment: { padCrop: false, flip: false },
  };
}

const SHAPE_NAMES = ['circle', 'square', 'triangle', 'cross'];

/** Is the point (u, v), in the shape's own frame with radius 1, inside the shape? */
function inside(kind: number, u: number, v: number): boolean {
  switch (kind) {
    case 0: return u * u + v * v <= 1;
    case 1: return Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
    case 2: return v >= -0.7 && v <= 0.95 - 1.75 * Math.abs(u); // apex up
    default: return (Math.abs(u) <= 0.28 && Math.abs(v) <= 1) || (Math.abs(v) <= 0.28 && Math.abs(u) <= 1);
  }
}

function drawShape(out: Float32Array, off: number, h: number, w: number, ch: number, kind: number, rng: Rng): void {
  const size = Math.min(h, w);
  const radius = size * (0.22 + rng.next() * 0.18);
  const cx = radius + rng.next() * (w - 2 * radius);
  const cy = radius + rng.next() * (h - 2 * radius);
  const rot = (rng.next() - 0.5) * 0.6; // a little rotation, so squares are not pixel-perfect
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  const fg = Array.from({ length: ch }, () => 0.6 + rng.next() * 0.4);
  const bg = Array.from({ length: ch }, () => rng.next() * 0.3);
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const dx = (px + 0.5 - cx) / radius;
      const dy = (py + 0.5 - cy) / radius;
      const u = dx * cos - dy * sin;
      const v = -(dx * sin + dy * cos);
      const on = inside(kind, u, v);
      for (let c = 0; c < ch; c++) {
        const value = (on ? fg[c] : bg[c]) + rng.normal() * 0.08;
        out[off + (py * w + px) * ch + c] = Math.min(1, Math.max(0, value));
      }
    }
  }
}

/** Filled shapes at a random place, size and colour, at the graph's input size (default 28x28x1). */
export function loadShapes(opts: LoadOptions = {}): Dataset {
  const shape = opts.targetShape && opts.targetShape.length === 3 ? opts.targetShape : [28, 28, 1];
  const [h, w, ch] = shape;
  if (h < 8 || w < 8) {
    throw new DataError(`shapes needs images of at least 8x8 pixels, but the graph's Input is ${formatShape(shape)}.`);
  }
  const perClass = Math.min(1000, opts.limit ? Math.ceil(opts.limit / SHAPE_NAMES.length) : 1000);
  const count = perClass * SHAPE_NAMES.length;
  const size = h * w * ch;
  const x = new Float32Array(count * size);
  const y = new Int32Array(count);
  const rng = createRng(DATA_SEED, 'shapes', formatShape(shape));
  for (let i = 0; i < count; i++) {
    const kind = i % SHAPE_NAMES.length;
    drawShape(x, i * size, h, w, ch, kind, rng);
    y[i] = kind;
  }
  return {
    name: 'shapes', spec: 'shapes', kind: 'image', x, y, count, shape: [h, w, ch],
    classNames: SHAPE_NAMES.slice(), defaultAugment: { padCrop: false, flip: true },
  };
}
