import { describe, expect, it } from 'vitest';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { copySelection, parseClipboard, pastePayload } from './clipboard';
import { doc, e, n, residualChain } from './testGraphs';

describe('copy and paste', () => {
  it('pastes copies with fresh ids and their inner wires, offset from the originals', () => {
    const d = residualChain();
    const payload = copySelection(d, d, new Set(['conv1', 'bn']))!;
    const text = JSON.stringify(payload);
    const r = pastePayload(d, null, parseClipboard(text)!);
    expect(r.nodeIds).toEqual(['conv1_2', 'bn_2']);
    const wire = r.doc.edges.find((x) => x.source === 'conv1_2');
    expect(wire?.target).toBe('bn_2');
    expect(r.doc.nodes.find((x) => x.id === 'conv1_2')?.position).toEqual({ x: 40, y: 140 });
    // Wires to layers outside the selection are not copied.
    expect(r.doc.edges).toHaveLength(d.edges.length + 1);
  });
  it('carries block definitions into another project, renaming a different one of the same id', () => {
    const basic = structuredClone(RESIDUAL_BLOCKS.basic.definition);
    const source = doc([n('b1', 'Block', { block: 'basic', filters: 16, stride: 1, shortcut: 'identity' })], [], { basic });
    const payload = copySelection(source, source, new Set(['b1']))!;
    const empty = doc([], []);
    const into = pastePayload(empty, null, payload, { x: 10, y: 10 });
    expect(into.doc.blocks.basic).toEqual(basic);
    expect(into.doc.nodes[0].position).toEqual({ x: 10, y: 10 });
    const clash = doc([], [], { basic: { ...basic, name: 'my own basic' } });
    const renamed = pastePayload(clash, null, payload);
    expect(renamed.doc.blocks.basic.name).toBe('my own basic');
    expect(renamed.doc.blocks.basic_2).toMatchObject({ id: 'basic_2', name: basic.name });
    expect(renamed.doc.nodes[0].params.block).toBe('basic_2');
  });
  it('ignores clipboard text that is not ResWire layers', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"nodes": []}')).toBeNull();
    expect(parseClipboard(JSON.stringify({ format: 'reswire.clipboard', nodes: [{ id: 1 }], edges: [] }))).toBeNull();
  });
  it('pastes into an open block definition', () => {
    const basic = structuredClone(RESIDUAL_BLOCKS.basic.definition);
    const d = doc([n('input', 'Input')], [], { basic });
    const payload = copySelection(d, { nodes: [n('x', 'Dropout', { rate: 0.1 })], edges: [e('x', 'x')] }, new Set(['x']))!;
    const r = pastePayload(d, 'basic', payload);
    expect(r.doc.blocks.basic.nodes.some((x) => x.type === 'Dropout')).toBe(true);
    expect(r.doc.nodes).toHaveLength(1);
  });
});
