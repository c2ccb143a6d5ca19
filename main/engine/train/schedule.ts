// Learning rate over time: linear warm-up, then constant, step or cosine decay.
import type { TrainConfig } from '../../../shared/api/runEvents';

/**
 * The learning rate at `progress` epochs into training (fractional: 1.5 = halfway through
 * the second epoch). Pure, so the CLI, the UI and the tests compute the same curve.
 */
export function learningRateAt(c: Pick<TrainConfig, 'lr' | 'schedule' | 'warmupEpochs' | 'epochs'>, progress: number): number {
  if (c.warmupEpochs > 0 && progress < c.warmupEpochs) {
    // Never exactly 0: the first step already moves a little.
    return (c.lr * Math.max(progress, c.warmupEpochs / 1000)) / c.warmupEpochs;
  }
  const s = c.schedule;
  switch (s.kind) {
    case 'constant':
      return c.lr;
    case 'step':
      return c.lr * Math.pow(s.gamma, Math.floor(progress / s.stepSize));
    case 'cosine': {
      const span = Math.max(c.epochs - c.warmupEpochs, 1e-9);
      const t = Math.min(1, Math.max(0, (progress - c.warmupEpochs) / span));
      return s.minLr + (c.lr - s.minLr) * 0.5 * (1 + Math.cos(Math.PI * t));
    }
  }
}
