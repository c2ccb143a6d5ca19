// Compiled models must match what the catalog and whole-graph inference promise: the same
// output shape at every node and the same parameter count, for every template.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../../shared/catalog';
import { expandBlocks, type GraphDocument, inferGraph } from '../../../shared/graph';
import { buildTemplate, type TemplateOptions } from '../../../shared/templates';
import { initBackend } from '../backend';
import { type CompiledModel, compileGraph } from './index';
import { LAYER_BUILDERS, STRUCTURAL_TYPES } from './layers';

beforeAll(async () => {
  await initBackend('cpu');
});

/** Per node: the TF.js output shape (batch dropped) must equal inference's shape. */
function expectShapesMatchInference(doc: GraphDocument, compiled: CompiledModel): void {
  const flat = inferGraph(expandBlocks(doc));
  expect(compiled.layerOfNode.size).toBe(flat.nodes.size);
  for (const [id, info] of flat.nodes) {
    const layer = compiled.model.getLayer(compiled.layerOfNode.get(id)!);
    const shape = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
    expect(shape.slice(1), `node ${id}`).toEqual(info.outputShape);
  }
}

const templates: [string, TemplateOptions][] = [
  ['resnet', { depth: 20 }],
  ['resnet', { depth: 8, plain: true }],
  ['resnet', { depth: 8, preact: true }],
  ['resnet', { depth: 20, preact: true, plain: true }],
  ['resnet18', {}],
  ['resnet50', {}],
  ['mlp', {}],
  ['mlp', { input: [784] }],
  ['cnn', {}],
];

describe('compileGraph on templates', () => {
  it.each(templates)('%s %j: shapes per node and parameter count match the catalog', (id, options) => {
    const doc = buildTemplate(id, options);
    const compiled = compileGraph(doc, tf);
    const analysis = inferGraph(doc);
    expect(compiled.model.countParams()).toBe(analysis.totals.params);
    expectShapesMatchInference(doc, compiled);
    expect(compiled.inputShape).toEqual(compiled.model.inputs[0].shape.slice(1));
    expect(compiled.model.outputs[0].shape).toEqual([null, compiled.classes]);
    expect(compiled.loss).toBe('crossentropy');
    compiled.model.dispose();
  });
});

describe('the layer mapping table', () => {
  it('maps every layer type of the catalog except block ports', () => {
    const structural = new Set<string>(STRUCTURAL_TYPES);
    const missing = LAYERS.map((l) => l.type).filter((t) => !structural.has(t) && !(t in LAYER_BUILDERS));
    expect(missing).toEqual([]);
    for (const t of STRUCTURAL_TYPES) expect(LAYERS.find((l) => l.type === t)?.internal).toBe(true);
  });
});
