import { describe, expect, it } from 'vitest';
import v1Fixture from './fixtures/mnist-residual.v1.json';
import { inferGraph } from './infer';
import { migrateDocument, MIGRATIONS } from './migrations';
import { parseDocument } from './schema';
import { GRAPH_VERSION } from './types';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('document migrations', () => {
  it('has one migration per version bump', () => {
    for (let v = 1; v < GRAPH_VERSION; v++) expect(MIGRATIONS[v]?.from).toBe(v);
  });

  it('reads a version 1 file as a valid version 2 document', () => {
    const r = parseDocument(clone(v1Fixture));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.migratedFrom).toBe(1);
    expect(r.doc.version).toBe(2);
    expect(r.doc.blocks).toEqual({});
    expect(r.doc.meta).toEqual({ createdWith: 'ResWire 0.0.9' });
    expect(r.doc.nodes[2]).toEqual({
      id: 'c1',
      type: 'Conv2D',
      params: { filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' },
      position: { x: 320, y: 60 },
    });
    expect(r.doc.edges[0]).toEqual({ id: 'w1', source: 'in', target: 'stem', targetPort: 0 });
    expect(r.doc.edges[4]).toEqual({ id: 'w5', source: 'stem', target: 'sum', targetPort: 1 });
    const analysis = inferGraph(r.doc);
    expect(analysis.errors).toEqual([]);
    expect(analysis.nodes.get('out')!.outputShape).toEqual([10]);
  });

  it('does not change the input object', () => {
    const raw = clone(v1Fixture);
    migrateDocument(raw);
    expect(raw).toEqual(v1Fixture);
  });

  it('explains a malformed version 1 file in its own terms', () => {
    const raw: any = clone(v1Fixture);
    raw.nodes[3].x = 'far';
    delete raw.edges[1].to;
    expect(parseDocument(raw)).toMatchObject({
      ok: false,
      errors: [
        'nodes[3].x must be a number, not "far" (in the version 1 document).',
        'edges[1].to is missing; it must be a string (in the version 1 document).',
      ],
    });
  });

  it('refuses a file from a newer ResWire', () => {
    const raw = { ...clone(v1Fixture), version: GRAPH_VERSION + 1 };
    expect(migrateDocument(raw)).toMatchObject({
      ok: false,
      errors: [
        `This graph was written by a newer ResWire (document version ${GRAPH_VERSION + 1}; this build reads up to version ${GRAPH_VERSION}). Update ResWire to open it.`,
      ],
    });
  });

  it('refuses a wrong format or a version that is not a whole number', () => {
    expect(migrateDocument({ version: 1 })).toMatchObject({
      ok: false,
      errors: ['This is not a ResWire graph: it has no "format" field, expected "format": "reswire.graph".'],
    });
    expect(migrateDocument({ format: 'reswire.graph', version: '2' })).toMatchObject({
      ok: false,
      errors: [`version must be a whole number from 1 to ${GRAPH_VERSION}, not "2".`],
    });
  });
});
