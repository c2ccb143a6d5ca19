// Small starter networks for 28x28 images (MNIST, Fashion-MNIST): quick to train anywhere.
import type { GraphDocument } from '../graph/types';
import { ColumnBuilder } from './builder';
import { BATCH_NORM_PARAMS, activationParams, convParams, denseParams } from './nodes';

export interface StarterOptions {
  /** [H, W, C] or [N] */
  input?: number[];
  classes?: number;
}

/** Input -> (Flatten) -> Dense 128 ReLU -> Dropout 0.2 -> Dense(classes) -> Output. */
export function mlp(o: StarterOptions & { hidden?: number } = {}): GraphDocument {
  const input = o.input ?? [28, 28, 1];
  const classes = o.classes ?? 10;
  const hidden = o.hidden ?? 128;
  const b = new ColumnBuilder('MLP');
  b.layer('input', 'Input', { shape: input });
  if (input.length > 1) b.layer('flatten', 'Flatten', {});
  b.layer('hidden', 'Dense', denseParams(hidden, 'relu'));
  b.layer('dropout', 'Dropout', { rate: 0.2 });
  b.layer('fc', 'Dense', denseParams(classes));
  b.layer('output', 'Output', { classes, loss: 'crossentropy' });
  return b.build({ template: 'mlp', options: { input, classes, hidden } });
}

/** Two conv-BN-ReLU stages with max pooling (28 -> 14 -> 7), then a small dense head. */
export function cnn(o: StarterOptions = {}): GraphDocument {
  const input = o.input ?? [28, 28, 1];
  const classes = o.classes ?? 10;
  const b = new ColumnBuilder('Small CNN');
  b.layer('input', 'Input', { shape: input });
  [32, 64].forEach((filters, i) => {
    const s = i + 1;
    b.layer(`conv${s}`, 'Conv2D', convParams({ filters, kernelSize: 3, useBias: false }));
    b.layer(`bn${s}`, 'BatchNorm', { ...BATCH_NORM_PARAMS });
    b.layer(`relu${s}`, 'Activation', activationParams('relu'));
    b.layer(`pool${s}`, 'MaxPool2D', { poolSize: 2, strides: 2, padding: 'valid' });
  });
  b.layer('flatten', 'Flatten', {});
  b.layer('hidden', 'Dense', denseParams(128, 'relu'));
  b.layer('dropout', 'Dropout', { rate: 0.5 });
  b.layer('fc', 'Dense', denseParams(classes));
  b.layer('output', 'Output', { classes, loss: 'crossentropy' });
  return b.build({ template: 'cnn', options: { input, classes } });
}
