// Everything before the first batch: backend, seeded weights, compiled graph, dataset, and the
// checks that turn a mismatch into one sentence instead of a failure mid-epoch.
import type { RunDataset, RunEventBody, StepEngine } from '../../../shared/api/runEvents';
import { initBackend } from '../backend';
import { compileGraph } from '../compile';
import { checkDatasetFitsGraph, describeSpec, loadDataset, parseDataSpec, prepareData } from '../data/index';
import type { TrainInputs } from './loop';
import { chooseStepEngine } from './step';
import type { WorkerInput } from './protocol';
import { seedMathRandom } from './seed';

export interface PreparedRun {
  backend: string;
  engine: StepEngine;
  params: number;
  inputNodeId: string;
  outputNodeId: string;
  dataset: RunDataset;
  trainInputs: TrainInputs;
  startedEvent: RunEventBody;
  dispose(): void;
}

export async function prepareRun(input: WorkerInput): Promise<PreparedRun> {
  const c = input.config;
  const backend = await initBackend(c.backend);
  // Initial weights (and dropout masks) come from Math.random: seed it before building.
  seedMathRandom(c.seed);
  const compiled = compileGraph(input.graph, backend.tf);
  const model = compiled.model;
  try {
    const spec = parseDataSpec(input.dataSpec);
    const ds = await loadDataset(spec, { targetShape: compiled.inputShape, limit: c.limit });
    checkDatasetFitsGraph(ds, compiled);
    const data = prepareData(ds, c);
    const augment = ds.kind === 'image' ? (c.augment ?? ds.defaultAugment) : { padCrop: false, flip: false };
    const chosen = await chooseStepEngine(model, compiled.loss, c.engine);
    const nodeOfLayer = new Map([...compiled.layerOfNode].map(([nodeId, layer]) => [layer, nodeId]));
    const params = model.countParams();
    const dataset: RunDataset = {
      spec: describeSpec(spec), name: ds.name, kind: ds.kind, shape: ds.shape, classNames: ds.classNames,
      trainSamples: data.train.count, valSamples: data.val.count, mean: data.mean, std: data.std,
      ...(ds.featureNames ? { featureNames: ds.featureNames } : {}), augment,
    };
    return {
      backend: backend.name,
      engine: chosen.engine,
      params,
      inputNodeId: compiled.inputNodeId,
      outputNodeId: compiled.outputNodeId,
      dataset,
      trainInputs: {
        model, loss: compiled.loss, classes: compiled.classes, data, inputShape: compiled.inputShape, config: c,
        augment: augment.padCrop || augment.flip ? augment : null, nodeOfLayer, makeStep: chosen.make,
      },
      startedEvent: {
        type: 'started', backend: backend.name, engine: chosen.engine, ...(chosen.fallback ? { engineNote: chosen.fallback } : {}), params, samples: data.train.count, valSamples: data.val.count,
        dataset: dataset.spec, inputShape: compiled.inputShape.slice(), classes: ds.classNames.length,
        epochs: c.epochs, batchSize: c.batchSize, stepsPerEpoch: Math.ceil(data.train.count / c.batchSize), runDir: input.runDir,
      },
      dispose: () => model.dispose(),
    };
  } catch (e) {
    model.dispose();
    throw e;
  }
}
