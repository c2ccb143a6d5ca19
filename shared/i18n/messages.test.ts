import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../catalog';
import { inferGraph } from '../graph/infer';
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/types';
import { RESIDUAL_BLOCKS } from '../templates/blocks';
import { buildTemplate } from '../templates/registry';
import { TemplateError } from '../templates/errors';
import { EN_MESSAGES, ENGLISH, blockNameArg, english, list, msg, placeholdersOf, renderMessage, type MessageLanguage } from './messages';

/** A stand-in second language: the text of every template upper-cased, lists joined with "+". */
const SHOUTY: MessageLanguage = {
  templates: Object.fromEntries(Object.entries(EN_MESSAGES).map(([k, v]) => [k, v.replace(/(^|\})([^{]*)/g, (_, brace: string, text: string) => brace + text.toUpperCase())])) as MessageLanguage['templates'],
  join: { ...ENGLISH.join, and: (items) => items.join(' + ') },
  blockName: (id) => `<${id}>`,
};

describe('messages', () => {
  it('render English plurals, lists, nested messages and block names', () => {
    expect(english(msg('layer.takesNoInputs', { node: 'Input in', n: 1 }))).toBe('Input in takes no inputs, got 1; remove the edge into it.');
    expect(english(msg('layer.takesNoInputs', { node: 'Input in', n: 3 }))).toBe('Input in takes no inputs, got 3; remove the edges into it.');
    const gap = msg('ports.gap', {
      node: 'Add a',
      has: msg('ports.hasMany', { ports: list([0, 2, 9], 'and') }),
      missing: msg('ports.missingMany', { ports: list([1, msg('ports.more', { count: 6 })], 'and') }),
    });
    expect(english(gap)).toBe('Add a has inputs on ports 0, 2 and 9 but nothing on ports 1 and 6 more; number its inputs 0, 1, 2, ... without gaps.');
    const fix = msg('fix.projectionShortcut', { id: 'b3', name: blockNameArg('basic', 'Basic residual block') });
    expect(english(fix)).toBe('Use a projection shortcut in block b3 (Basic residual block)');
    expect(renderMessage(fix, SHOUTY)).toBe('USE A PROJECTION SHORTCUT IN BLOCK b3 (<basic>)');
  });

  it('render nested messages in the language asked for, and fall back to English for a missing template', () => {
    const inner = msg('merge.mismatch', { node: 'Add add', shapes: 'x', hint: msg('merge.matchBranches', {}) });
    const outer = msg('block.inside', { id: 'b1', name: 'B', inner });
    expect(renderMessage(outer, SHOUTY)).toBe('INSIDE BLOCK b1 (B): Add add NEEDS INPUTS OF IDENTICAL SHAPE, GOT x. MAKE THE BRANCHES MATCH (E.G. WITH A CONV2D, DENSE OR POOLING) BEFORE IT.');
    const partial: MessageLanguage = { ...SHOUTY, templates: { ...SHOUTY.templates, 'block.inside': undefined as unknown as string } };
    expect(renderMessage(outer, partial)).toMatch(/^Inside block b1 \(B\): Add add NEEDS INPUTS/);
  });

  it('keep a placeholder visible when its value is missing, and write undefined values as JavaScript does', () => {
    expect(renderMessage({ code: 'graph.cycle', args: {} }, ENGLISH)).toBe('Layers {cycle} form a cycle; data must flow one way, so remove one of these connections.');
    expect(renderMessage({ code: 'edge.missingTarget', args: { edge: 'e1', node: undefined as unknown as string } }, ENGLISH)).toMatch(/^Edge e1 points to node "undefined"/);
  });

  it('name each placeholder once per template, and none is empty', () => {
    for (const [key, template] of Object.entries(EN_MESSAGES)) {
      expect(template.trim(), key).not.toBe('');
      const names = [...template.matchAll(/\{(\w+)/g)].map((m) => m[1]);
      expect(placeholdersOf(template), key).toEqual([...new Set(names)].sort());
    }
  });
});

// Every message a user can meet carries its structured form, and its English is rendered from it.
const LAYER_TYPES = [...LAYERS.map((l) => l.type), 'Block', 'Nope'];
const BLOCK_IDS = [...Object.keys(RESIDUAL_BLOCKS), 'missing'];
const nodeArb = (i: number) =>
  fc.record({
    type: fc.constantFrom(...LAYER_TYPES),
    param: fc.constantFrom<[string, unknown][]>([], [['filters', 0]], [['strides', 2]], [['padding', 'valid']], [['kernelSize', 9]], [['units', 'x']], [['bogus', 1]], [['axis', 5]]),
    block: fc.constantFrom(...BLOCK_IDS),
    shortcut: fc.constantFrom('identity', 'projection', 'zap'),
  }).map(({ type, param, block, shortcut }): GraphNode => {
    const params: Record<string, unknown> = type === 'Block' ? { block, shortcut, stride: 2, filters: 8 } : Object.fromEntries(param);
    return { id: `n${i}`, type, params: params as GraphNode['params'], position: { x: 0, y: i * 80 } };
  });

const docArb = fc
  .tuple(fc.constantFrom<number[]>([8, 8, 3], [16], [8, 8], [32, 32, 16]), fc.integer({ min: 1, max: 6 }), fc.boolean())
  .chain(([shape, n, output]) =>
    fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(i))), fc.array(fc.tuple(fc.nat(n + 1), fc.nat(n + 1), fc.nat(2)), { maxLength: n + 3 })).map(([inner, wires]) => {
      const nodes: GraphNode[] = [{ id: 'in', type: 'Input', params: { shape }, position: { x: 0, y: 0 } }, ...inner];
      if (output) nodes.push({ id: 'out', type: 'Output', params: { classes: 10 }, position: { x: 0, y: 900 } });
      const chain: GraphEdge[] = nodes.slice(1).map((node, i) => ({ id: `c${i}`, source: nodes[i].id, target: node.id, targetPort: 0 }));
      const extra: GraphEdge[] = wires.map(([a, b, port], i) => ({ id: `w${i}`, source: nodes[a % nodes.length].id, target: nodes[b % nodes.length].id, targetPort: port }));
      const blocks = Object.fromEntries(Object.entries(RESIDUAL_BLOCKS).map(([id, b]) => [id, b.definition]));
      return { format: 'reswire.graph', version: 2, name: 'g', nodes, edges: [...chain, ...extra], blocks } as GraphDocument;
    }),
  );

describe('messages a user can meet', () => {
  it('every graph error and fix carries a message whose English is the sentence shown', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        for (const e of inferGraph(doc).errors) {
          expect(e.text, e.message).toBeDefined();
          expect(english(e.text!)).toBe(e.message);
          if (e.fix) expect(english(e.fix.text!)).toBe(e.fix.title);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('template errors carry their message too', () => {
    for (const [id, options] of [['nope', {}], ['resnet', { depth: 21 }], ['mlp', { input: [0] }], ['cnn', { zap: 1 }]] as const) {
      let error: unknown;
      try {
        buildTemplate(id, options as never);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(TemplateError);
      expect(english((error as TemplateError).text!)).toBe((error as TemplateError).message);
    }
  });
});
