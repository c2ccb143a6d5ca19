// Assembling one training batch, with the image augmentation applied per sample.
import type { Augment } from '../../../shared/api/runEvents';
import type { Rng } from './random';
import { sampleSize } from './types';

export interface Batch {
  x: Float32Array;
  y: Int32Array;
  size: number;
}

const PAD = 4;

/**
 * Copies samples `order[from..to)` of `src` into one batch. For images, pad-and-crop shifts each
 * sample by up to 4 pixels (zero = the mean after standardisation) and flip mirrors half of them.
 */
export function makeBatch(
  src: { x: Float32Array; y: Int32Array },
  shape: readonly number[],
  order: ArrayLike<number>,
  from: number,
  to: number,
  augment: Augment | null,
  rng: Rng,
): Batch {
  const size = sampleSize(shape);
  const n = to - from;
  const x = new Float32Array(n * size);
  const y = new Int32Array(n);
  const image = shape.length === 3 && augment && (augment.padCrop || augment.flip);
  for (let i = 0; i < n; i++) {
    const s = order[from + i];
    y[i] = src.y[s];
    const sample = src.x.subarray(s * size, (s + 1) * size);
    if (!image) {
      x.set(sample, i * size);
      continue;
    }
    const [h, w, c] = shape;
    const dy = augment.padCrop ? rng.int(2 * PAD + 1) - PAD : 0;
    const dx = augment.padCrop ? rng.int(2 * PAD + 1) - PAD : 0;
    const flip = augment.flip && rng.next() < 0.5;
    const out = i * size;
    for (let r = 0; r < h; r++) {
      const sr = r + dy;
      if (sr < 0 || sr >= h) continue; // padded rows stay 0
      for (let col = 0; col < w; col++) {
        const sc = (flip ? w - 1 - col : col) + dx;
        if (sc < 0 || sc >= w) continue;
        const to_ = out + (r * w + col) * c;
        const from_ = (sr * w + sc) * c;
        for (let k = 0; k < c; k++) x[to_ + k] = sample[from_ + k];
      }
    }
  }
  return { x, y, size: n };
}
