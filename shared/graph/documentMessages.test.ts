// A document that cannot be read says why as message data (code and args) as well as in
// English: the English is rendered from the data, so the CLI's sentences stay the same and a
// UI can show the same problems in its own language.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english, renderMessage, type Message, type MessageLanguage, ENGLISH } from '../i18n/messages';
import { RESIDUAL_BLOCKS } from '../templates/blocks';
import { parseDocument } from './schema';

/** A stand-in second language that marks every param it is asked to name. */
const MARKING: MessageLanguage = { ...ENGLISH, paramName: ({ layer, param }) => `<${layer}.${param}>` };

const basic = () => JSON.parse(JSON.stringify(RESIDUAL_BLOCKS.basic.definition));
const valid = () => ({
  format: 'reswire.graph',
  version: 2,
  name: 'g',
  nodes: [
    { id: 'in', type: 'Input', params: { shape: [8, 8, 3] }, position: { x: 0, y: 0 } },
    { id: 'c', type: 'Conv2D', params: { filters: 4 }, position: { x: 0, y: 80 } },
    { id: 'out', type: 'Output', params: { classes: 2 }, position: { x: 0, y: 160 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'c', targetPort: 0 },
    { id: 'e2', source: 'c', target: 'out', targetPort: 0 },
  ],
  blocks: {} as Record<string, unknown>,
});

function refusal(json: unknown): { errors: string[]; texts: Message[] } {
  const r = parseDocument(json);
  if (r.ok) throw new Error('expected the document to be refused');
  return r;
}

describe('a document that cannot be read', () => {
  it('carries one message per problem, whose English is the sentence in errors', () => {
    const docs: unknown[] = [
      '{"format": ',
      [1],
      { version: 2 },
      { format: 'reswire.run', version: 2 },
      { format: 'reswire.graph', version: 'two' },
      { format: 'reswire.graph', version: 7 },
      { format: 'reswire.graph', version: 1, name: 'a', nodes: [{ id: 'a', type: 'Input', params: {}, x: 'q' }], edges: [{}] },
      { ...valid(), name: 3, nodes: [{ ...valid().nodes[0], position: { x: 'left' } }] },
      { ...valid(), edges: [{ id: 'e1', source: 'nowhere', target: 'gone', targetPort: -1 }] },
      { ...valid(), nodes: [...valid().nodes, { id: 'x', type: 'Conv3D', params: { filters: { $param: 'f' } }, position: { x: 0, y: 0 } }] },
      { ...valid(), blocks: { basic: { ...basic(), id: 'other', params: { q: { kind: 'enum', default: 'z', options: ['a'] } } } } },
    ];
    for (const doc of docs) {
      const { errors, texts } = refusal(doc);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.map(english)).toEqual(errors);
    }
  });

  it('keeps the English sentences the CLI prints', () => {
    const doc = valid();
    doc.nodes[1].type = 'Conv3D';
    doc.edges[1].target = 'gone';
    expect(refusal(doc).errors).toEqual([
      'unknown layer type "Conv3D" on node c (nodes[1].type).',
      'edges[1].target refers to node "gone", which does not exist.',
    ]);
    expect(refusal({ format: 'reswire.graph', version: 1, name: 'a', nodes: [], edges: [{ id: 'w', from: 'a' }] }).errors).toEqual([
      'edges[0].to is missing; it must be a string (in the version 1 document).',
    ]);
    expect(refusal({ ...valid(), nodes: [{ ...valid().nodes[0], params: { shape: { v: 1 } } }] }).errors).toEqual([
      'nodes[0].params.shape must be a number, a string, true or false, a list of numbers, null or a {"$param": ...} reference, not {"v":1}.',
    ]);
  });

  it('names block params as data, so a UI can show their labels', () => {
    const block = basic();
    const conv = block.nodes.find((n: { type: string }) => n.type === 'Conv2D');
    conv.params.strides = { $param: 'stride2' };
    const { texts } = refusal({ ...valid(), blocks: { basic: block } });
    const shown = texts.map((t) => renderMessage(t, MARKING));
    expect(shown.some((s) => s.includes('refers to block param "<Block.stride2>"'))).toBe(true);
  });

  it('carries messages for arbitrary broken documents too', () => {
    const mutation = fc.record({
      path: fc.constantFrom('name', 'nodes.0.id', 'nodes.1.type', 'nodes.1.params.filters', 'nodes.2.position', 'edges.0.source', 'edges.1.targetPort', 'version', 'blocks'),
      value: fc.constantFrom<unknown>(undefined, null, '', 'nope', -1, 1.5, [], {}, { $param: 'width' }, true),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const doc: any = valid();
        for (const { path, value } of mutations) {
          const keys = path.split('.');
          let target = doc;
          for (const k of keys.slice(0, -1)) target = target?.[k];
          if (target && typeof target === 'object') target[keys[keys.length - 1]] = value;
        }
        const r = parseDocument(doc);
        if (!r.ok) expect(r.texts.map(english)).toEqual(r.errors);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
