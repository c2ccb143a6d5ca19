// Seeded randomness for everything a run shuffles, augments or generates, so the same seed
// gives the same run. sfc32: small, fast, and good enough for shuffling and augmentation.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

/** Mixes a seed and any number of stream labels (e.g. epoch numbers) into 32-bit state words. */
function hashWords(seed: number, labels: readonly (number | string)[]): number[] {
  let h = 0x9e3779b9;
  const mix = (v: number) => {
    h = Math.imul(h ^ v, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  };
  mix(seed >>> 0);
  mix(Math.floor(seed / 2 ** 32) >>> 0);
  for (const l of labels) {
    if (typeof l === 'number') mix(l >>> 0);
    else for (let i = 0; i < l.length; i++) mix(l.charCodeAt(i));
    mix(0x5bd1e995);
  }
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    mix(i + 1);
    out.push(h);
  }
  return out;
}

/** A generator for `seed`, optionally split into independent streams by labels. */
export function createRng(seed: number, ...labels: (number | string)[]): Rng {
  let [a, b, c, d] = hashWords(seed, labels);
  const next32 = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  let spare: number | null = null;
  const next = () => next32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace<T extends { length: number; [i: number]: any }>(arr: T, rng: Rng): T {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
  return arr;
}

/** 0..n-1 in a seeded random order. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return shuffleInPlace(p, rng);
}
