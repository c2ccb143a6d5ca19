// TF.js draws initial weights and dropout masks from Math.random when no seed is given, so a
// seeded Math.random (in the training worker, which does nothing else) makes both repeatable.
import { createRng } from '../data/random';

/** Replaces Math.random with a generator seeded by `seed`; returns a function that restores it. */
export function seedMathRandom(seed: number): () => void {
  const original = Math.random;
  const rng = createRng(seed, 'weights');
  Math.random = () => rng.next();
  return () => {
    Math.random = original;
  };
}
