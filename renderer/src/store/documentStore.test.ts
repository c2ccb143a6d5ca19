import { beforeEach, describe, expect, it } from 'vitest';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { doc, e, n, residualChain } from '../editing/testGraphs';
import { useAnalysis } from './analysis';
import { isDirty, useDocument } from './documentStore';

describe('document store', () => {
  beforeEach(() => useDocument.getState().load(residualChain(), 'net.reswire.json'));

  it('makes every edit undoable and redoable, and tracks unsaved changes', () => {
    const s = useDocument.getState();
    expect(isDirty(useDocument.getState())).toBe(false);
    s.edit([{ op: 'setParams', nodeId: 'conv1', params: { strides: 2 } }]);
    s.edit([{ op: 'moveNode', nodeId: 'conv1', position: { x: 5, y: 5 } }]);
    expect(isDirty(useDocument.getState())).toBe(true);
    s.undo();
    s.undo();
    expect(useDocument.getState().doc.nodes.find((x) => x.id === 'conv1')?.params.strides).toBeUndefined();
    // Back at the saved state: nothing unsaved.
    expect(isDirty(useDocument.getState())).toBe(false);
    s.redo();
    expect(useDocument.getState().doc.nodes.find((x) => x.id === 'conv1')?.params.strides).toBe(2);
  });

  it('re-infers shapes on every change, in its own store', () => {
    expect(useAnalysis.getState().analysis.nodes.get('add')?.outputShape).toEqual([32, 32, 32]);
    useDocument.getState().edit([{ op: 'setParams', nodeId: 'conv1', params: { strides: 2 } }]);
    const add = useAnalysis.getState().analysis.nodes.get('add');
    expect(add?.outputShape).toBeNull();
    expect(add?.errors[0]?.fix).toBeDefined();
    useDocument.getState().edit(add!.errors[0].fix!.edits);
    expect(useAnalysis.getState().analysis.nodes.get('add')?.outputShape).toEqual([16, 16, 32]);
  });

  it('applies edits made inside an open block to its definition, and leaves a block that undo removed', () => {
    const basic = structuredClone(RESIDUAL_BLOCKS.basic.definition);
    useDocument.getState().load(doc([n('input', 'Input', { shape: [8, 8, 16] }), n('b', 'Block', { block: 'basic', filters: 16, stride: 1, shortcut: 'identity' })], [e('input', 'b')], { basic }), null);
    const s = useDocument.getState();
    s.openBlock('basic');
    s.edit([{ op: 'setParams', nodeId: 'conv1', params: { kernelSize: 5 } }]);
    expect(useDocument.getState().doc.blocks.basic.nodes.find((x) => x.id === 'conv1')?.params.kernelSize).toBe(5);
    expect(useDocument.getState().doc.nodes).toHaveLength(2);
    s.closeBlocksTo(0);
    s.commit({ ...useDocument.getState().doc, blocks: { ...useDocument.getState().doc.blocks, extra: { ...basic, id: 'extra' } } });
    s.openBlock('extra');
    s.undo();
    expect(useDocument.getState().scopePath).toEqual([]);
  });

  it('adds and removes a param of the open block as undoable steps, and a refusal changes nothing', () => {
    const basic = structuredClone(RESIDUAL_BLOCKS.basic.definition);
    useDocument.getState().load(doc([n('input', 'Input', { shape: [8, 8, 16] }), n('b', 'Block', { block: 'basic' })], [e('input', 'b')], { basic }), null);
    const s = useDocument.getState();
    expect(s.addBlockParam({ name: 'width', kind: 'int', defaultText: '16', optionsText: '' })).toMatchObject({ ok: false, error: 'blockParam.noBlock' });
    s.openBlock('basic');
    expect(s.addBlockParam({ name: 'width', kind: 'int', defaultText: '16', optionsText: '' }).ok).toBe(true);
    expect(useDocument.getState().doc.blocks.basic.params.width).toEqual({ kind: 'int', default: 16 });
    const before = useDocument.getState().doc;
    expect(s.addBlockParam({ name: 'width', kind: 'int', defaultText: '8', optionsText: '' })).toMatchObject({ ok: false, error: 'blockParam.nameTaken' });
    expect(s.removeBlockParam('filters')).toMatchObject({ ok: false, error: 'blockParam.inUse' });
    expect(useDocument.getState().doc).toBe(before);
    expect(s.removeBlockParam('width').ok).toBe(true);
    expect(useDocument.getState().doc.blocks.basic.params.width).toBeUndefined();
    s.undo();
    expect(useDocument.getState().doc.blocks.basic.params.width).toBeDefined();
    s.undo();
    expect(useDocument.getState().doc.blocks.basic.params.width).toBeUndefined();
    expect(useDocument.getState().scopePath).toEqual(['basic']);
  });

  it('changes a param’s default of the open block as one undoable step; a refusal or no change commits nothing', () => {
    const basic = structuredClone(RESIDUAL_BLOCKS.basic.definition);
    useDocument.getState().load(doc([n('input', 'Input', { shape: [8, 8, 16] }), n('b', 'Block', { block: 'basic' })], [e('input', 'b')], { basic }), null);
    const s = useDocument.getState();
    s.openBlock('basic');
    const start = useDocument.getState().doc;
    expect(s.changeBlockParam('filters', { defaultText: '64', optionsText: '' }).ok).toBe(true);
    expect(useDocument.getState().doc).toBe(start);
    expect(s.changeBlockParam('filters', { defaultText: '0', optionsText: '' })).toMatchObject({ ok: false, error: 'field.min' });
    expect(useDocument.getState().doc).toBe(start);
    expect(s.changeBlockParam('filters', { defaultText: '16', optionsText: '' }).ok).toBe(true);
    expect(useDocument.getState().doc.blocks.basic.params.filters.default).toBe(16);
    expect(useAnalysis.getState().analysis.nodes.get('b')?.outputShape).toEqual([8, 8, 16]);
    s.undo();
    expect(useDocument.getState().doc).toBe(start);
    expect(isDirty(useDocument.getState())).toBe(false);
  });
});
