// Does a dataset fit a compiled graph? Checked before the first batch, so a mismatch is one
// sentence naming the node, not a tfjs shape error in the middle of an epoch.
import { DataError, type Dataset, formatShape, sampleSize } from './types';

export interface GraphEnds {
  inputShape: readonly number[];
  inputNodeId: string;
  /** Units of the output layer. */
  classes: number;
  outputNodeId: string;
  loss: 'crossentropy' | 'binaryCrossentropy' | 'mse';
}

function what(ds: Dataset): string {
  return ds.kind === 'image' ? `${ds.name} images are ${formatShape(ds.shape)}` : `${ds.name} has ${ds.shape[0]} features per row`;
}

export function checkDatasetFitsGraph(ds: Dataset, g: GraphEnds): void {
  const sameShape = g.inputShape.length === ds.shape.length && g.inputShape.every((d, i) => d === ds.shape[i]);
  // Images into a flat Input of the same size (an MLP on MNIST) is fine: the data is flat already.
  const flatFit = g.inputShape.length === 1 && sampleSize(ds.shape) === g.inputShape[0];
  if (!sameShape && !flatFit) {
    const input = ds.kind === 'image' && g.inputShape.length === 3 ? formatShape(g.inputShape) : `[${g.inputShape.join(', ')}]`;
    const want = ds.kind === 'image' ? formatShape(ds.shape) : `[${ds.shape.join(', ')}]`;
    throw new DataError(
      `${what(ds)} but the graph's Input (node ${g.inputNodeId}) is ${input}; set the Input's shape to ${want} or pick data that matches it.`,
      g.inputNodeId,
    );
  }
  const n = ds.classNames.length;
  if (g.loss === 'binaryCrossentropy') {
    if (n !== 2 || g.classes !== 1) {
      throw new DataError(
        `The graph ends in a single sigmoid unit (node ${g.outputNodeId}), which fits 2 classes, but ${ds.name} has ${n}; ` +
          `end with a Dense of ${n} units and softmax instead.`,
        g.outputNodeId,
      );
    }
    return;
  }
  if (g.classes !== n) {
    throw new DataError(
      `${ds.name} has ${n} classes but the graph's output (node ${g.outputNodeId}) has ${g.classes} units; set its units to ${n}.`,
      g.outputNodeId,
    );
  }
}
