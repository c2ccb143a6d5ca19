import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../../shared/graph/infer';
import { parseDocument } from '../../../shared/graph/schema';
import type { GraphDocument } from '../../../shared/graph/types';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { instanceParams } from './blocks';
import { addBlockParam, blockParamUsers, changeBlockParam, changeOf, checkChange, draftSpec, removeBlockParam, type BlockParamDraft } from './blockParams';
import { doc, e, n } from './testGraphs';

/** input -> b1 (an instance of "branch": one Conv2D of 8 filters) -> gap -> out, and "basic" beside it. */
function project(): GraphDocument {
  const branch = {
    id: 'branch',
    name: 'Branch',
    params: {},
    nodes: [n('in', 'BlockInput', { index: 0 }), n('conv', 'Conv2D', { filters: 8, padding: 'same' }, 100), n('out', 'BlockOutput', {}, 200)],
    edges: [e('in', 'conv'), e('conv', 'out')],
  };
  return doc(
    [n('input', 'Input', { shape: [8, 8, 3] }), n('b1', 'Block', { block: 'branch' }, 100), n('gap', 'GlobalAvgPool2D', {}, 200), n('o', 'Output', { classes: 8 }, 300)],
    [e('input', 'b1'), e('b1', 'gap'), e('gap', 'o')],
    { branch, basic: structuredClone(RESIDUAL_BLOCKS.basic.definition) },
  );
}

const draft = (over: Partial<BlockParamDraft>): BlockParamDraft => ({ name: 'width', kind: 'int', defaultText: '16', optionsText: '', ...over });

function added(d: GraphDocument, blockId: string, over: Partial<BlockParamDraft>): GraphDocument {
  const r = addBlockParam(d, blockId, draft(over));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

describe('adding a block param', () => {
  it('adds it with its kind and default; instances take the default and the document stays valid', () => {
    const before = project();
    const after = added(before, 'branch', {});
    expect(after.blocks.branch.params).toEqual({ width: { kind: 'int', default: 16 } });
    expect(before.blocks.branch.params).toEqual({});
    const b1 = after.nodes.find((x) => x.id === 'b1')!;
    expect(instanceParams(after.blocks.branch, b1.params)).toEqual({ width: 16 });
    expect(parseDocument(JSON.parse(JSON.stringify(after))).ok).toBe(true);
    // An inner layer can now use it, and the instance's value flows in.
    const conv = after.blocks.branch.nodes[1];
    const using = { ...after, blocks: { ...after.blocks, branch: { ...after.blocks.branch, nodes: after.blocks.branch.nodes.map((x) => (x === conv ? { ...x, params: { ...x.params, filters: { $param: 'width' } } } : x)) } } };
    expect(inferGraph(using).nodes.get('b1')?.outputShape).toEqual([8, 8, 16]);
  });

  it('reads each kind: numbers, on/off, and choices (numeric choices as numbers)', () => {
    const def = project().blocks.branch;
    expect(draftSpec(def, draft({ kind: 'float', defaultText: '0.25' }))).toMatchObject({ ok: true, spec: { kind: 'float', default: 0.25 } });
    expect(draftSpec(def, draft({ kind: 'bool', defaultText: 'true' }))).toMatchObject({ ok: true, spec: { kind: 'bool', default: true } });
    expect(draftSpec(def, draft({ kind: 'enum', defaultText: '', optionsText: 'relu, gelu ,swish' }))).toMatchObject({
      ok: true,
      spec: { kind: 'enum', default: 'relu', options: ['relu', 'gelu', 'swish'] },
    });
    expect(draftSpec(def, draft({ kind: 'enum', defaultText: '2', optionsText: '1, 2' }))).toMatchObject({ ok: true, spec: { default: 2, options: [1, 2] } });
  });

  it('refuses a missing, invalid, reserved or duplicate name, saying which', () => {
    const d = added(project(), 'branch', {});
    expect(addBlockParam(d, 'branch', draft({ name: '  ' }))).toMatchObject({ ok: false, error: 'blockParam.nameRequired', field: 'name' });
    expect(addBlockParam(d, 'branch', draft({ name: '2x' }))).toMatchObject({ ok: false, error: 'blockParam.nameInvalid', vars: { name: '2x' } });
    expect(addBlockParam(d, 'branch', draft({ name: 'my width' }))).toMatchObject({ ok: false, error: 'blockParam.nameInvalid' });
    expect(addBlockParam(d, 'branch', draft({ name: 'block' }))).toMatchObject({ ok: false, error: 'blockParam.nameReserved' });
    expect(addBlockParam(d, 'branch', draft({ name: ' width ' }))).toMatchObject({ ok: false, error: 'blockParam.nameTaken', vars: { name: 'width' } });
  });

  it('refuses a default that does not fit its kind, and choices that do not make a choice', () => {
    const d = project();
    expect(addBlockParam(d, 'branch', draft({ defaultText: '1.5' }))).toMatchObject({ ok: false, error: 'field.int', field: 'default' });
    expect(addBlockParam(d, 'branch', draft({ defaultText: '' }))).toMatchObject({ ok: false, error: 'field.required' });
    expect(addBlockParam(d, 'branch', draft({ kind: 'float', defaultText: 'half' }))).toMatchObject({ ok: false, error: 'field.number' });
    expect(addBlockParam(d, 'branch', draft({ kind: 'enum', optionsText: 'relu' }))).toMatchObject({ ok: false, error: 'blockParam.optionsNeeded', field: 'options' });
    expect(addBlockParam(d, 'branch', draft({ kind: 'enum', optionsText: 'a, b, a' }))).toMatchObject({ ok: false, error: 'blockParam.optionRepeated', vars: { option: 'a' } });
    expect(addBlockParam(d, 'branch', draft({ kind: 'enum', defaultText: 'c', optionsText: 'a, b' }))).toMatchObject({ ok: false, error: 'blockParam.defaultNotOption', vars: { options: 'a, b' } });
    expect(addBlockParam(d, 'nope', draft({}))).toMatchObject({ ok: false, error: 'blockParam.noBlock' });
  });
});

describe('removing a block param', () => {
  it('removes an unused param and the values instances set for it, as a document that stays valid', () => {
    const d = added(project(), 'branch', {});
    const set = { ...d, nodes: d.nodes.map((x) => (x.id === 'b1' ? { ...x, params: { ...x.params, width: 32 } } : x)) };
    const r = removeBlockParam(set, 'branch', 'width');
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.blocks.branch.params).toEqual({});
    expect(r.doc.nodes.find((x) => x.id === 'b1')!.params).toEqual({ block: 'branch' });
    expect(r.doc.blocks.basic).toBe(set.blocks.basic);
    expect(inferGraph(r.doc).errors).toEqual([]);
  });

  it('refuses while layers or wires inside still use it, naming them', () => {
    const d = project();
    expect(removeBlockParam(d, 'basic', 'filters')).toMatchObject({
      ok: false,
      error: 'blockParam.inUse',
      vars: { name: 'filters' },
      users: { layers: expect.arrayContaining(['Conv2D conv1', 'Conv2D conv2']) },
    });
    const shortcut = blockParamUsers(d.blocks.basic, 'shortcut');
    expect(shortcut.layers.length).toBeGreaterThan(0);
    expect(removeBlockParam(d, 'basic', 'shortcut')).toMatchObject({ ok: false, error: 'blockParam.inUse', vars: { name: 'shortcut' } });
    expect(removeBlockParam(d, 'branch', 'width')).toMatchObject({ ok: false, error: 'blockParam.noBlock' });
  });
});

describe('changing a block param’s default', () => {
  /** project() with an instance of "basic" that sets nothing, and one set to a projection shortcut. */
  function withBasics(): GraphDocument {
    const d = project();
    return { ...d, nodes: [...d.nodes, n('r1', 'Block', { block: 'basic' }, 400), n('r2', 'Block', { block: 'basic', shortcut: 'projection', filters: 8 }, 500)] };
  }
  const change = (defaultText: string, optionsText = '') => ({ defaultText, optionsText });
  function changed(d: GraphDocument, blockId: string, name: string, defaultText: string, optionsText = ''): GraphDocument {
    const r = changeBlockParam(d, blockId, name, change(defaultText, optionsText));
    if (!r.ok) throw new Error(r.error);
    return r.doc;
  }

  it('changes it in place, keeping the label, help and limits; instances that leave it unset follow', () => {
    const before = withBasics();
    const after = changed(before, 'basic', 'filters', ' 32 ');
    expect(after.blocks.basic.params.filters).toEqual({ ...before.blocks.basic.params.filters, default: 32 });
    expect(before.blocks.basic.params.filters.default).toBe(64);
    const instance = (id: string) => instanceParams(after.blocks.basic, after.nodes.find((x) => x.id === id)!.params);
    expect(instance('r1').filters).toBe(32);
    expect(instance('r2').filters).toBe(8);
    expect(parseDocument(JSON.parse(JSON.stringify(after))).ok).toBe(true);
    expect(changed(before, 'basic', 'stride', '2').blocks.basic.params.stride.default).toBe(2);
    expect(changed(added(before, 'branch', { kind: 'bool', defaultText: 'false', name: 'bias' }), 'branch', 'bias', 'true').blocks.branch.params.bias.default).toBe(true);
  });

  it('refuses a default that does not fit, as adding does, and the param’s own limits', () => {
    const d = withBasics();
    expect(changeBlockParam(d, 'basic', 'filters', change('1.5'))).toMatchObject({ ok: false, error: 'field.int', field: 'default' });
    expect(changeBlockParam(d, 'basic', 'filters', change(''))).toMatchObject({ ok: false, error: 'field.required' });
    expect(changeBlockParam(d, 'basic', 'filters', change('0'))).toMatchObject({ ok: false, error: 'field.min', vars: { min: 1 } });
    expect(changeBlockParam(d, 'basic', 'stride', change('3'))).toMatchObject({ ok: false, error: 'field.max', vars: { max: 2 } });
    const offered = { ...d, blocks: { ...d.blocks, basic: { ...d.blocks.basic, params: { ...d.blocks.basic.params, filters: { kind: 'int' as const, default: 16, options: [16, 32, 64] } } } } };
    expect(changeBlockParam(offered, 'basic', 'filters', change('48'))).toMatchObject({ ok: false, error: 'blockParam.defaultNotOption', vars: { options: '16, 32, 64' } });
    expect(changed(offered, 'basic', 'filters', '64').blocks.basic.params.filters).toEqual({ kind: 'int', default: 64, options: [16, 32, 64] });
    const f = added(d, 'branch', { kind: 'float', defaultText: '0.5', name: 'rate' });
    expect(changeBlockParam(f, 'branch', 'rate', change('half'))).toMatchObject({ ok: false, error: 'field.number' });
    expect(changeBlockParam(d, 'basic', 'nope', change('1'))).toMatchObject({ ok: false, error: 'blockParam.noBlock' });
    expect(changeBlockParam(d, 'nope', 'filters', change('1'))).toMatchObject({ ok: false, error: 'blockParam.noBlock' });
  });

  it('changes a choice’s default and its choices, with the checks of adding one', () => {
    const d = withBasics();
    expect(changeOf(d.blocks.basic.params.shortcut)).toEqual({ defaultText: 'identity', optionsText: 'identity, projection' });
    expect(changed(d, 'basic', 'shortcut', 'projection', 'identity, projection').blocks.basic.params.shortcut).toMatchObject({ default: 'projection', options: ['identity', 'projection'] });
    expect(changed(d, 'basic', 'shortcut', '', 'projection, identity, none').blocks.basic.params.shortcut).toMatchObject({ default: 'projection', options: ['projection', 'identity', 'none'] });
    expect(changeBlockParam(d, 'basic', 'shortcut', change('none', 'identity, projection'))).toMatchObject({ ok: false, error: 'blockParam.defaultNotOption', field: 'default' });
    expect(changeBlockParam(d, 'basic', 'shortcut', change('', 'identity'))).toMatchObject({ ok: false, error: 'blockParam.optionsNeeded', field: 'options' });
    expect(changeBlockParam(d, 'basic', 'shortcut', change('', 'identity, identity'))).toMatchObject({ ok: false, error: 'blockParam.optionRepeated' });
  });

  it('refuses to drop a choice still in use, naming the layers, wires and instances that use it', () => {
    const d = withBasics();
    const refused = changeBlockParam(d, 'basic', 'shortcut', change('identity', 'identity, none'));
    expect(refused).toMatchObject({ ok: false, error: 'blockParam.choiceInUse', field: 'options', vars: { option: 'projection' } });
    if (refused.ok) return;
    expect(refused.users?.layers.length).toBeGreaterThan(0);
    expect(refused.users?.instances).toEqual(['r2']);

    // A choice only an instance uses, in another block's graph too.
    const act = added(d, 'branch', { name: 'act', kind: 'enum', defaultText: 'relu', optionsText: 'relu, gelu, swish' });
    const outer = { ...act.blocks.basic, id: 'outer', nodes: [...act.blocks.basic.nodes, n('inner', 'Block', { block: 'branch', act: 'gelu' })] };
    const nested = { ...act, blocks: { ...act.blocks, outer } };
    expect(checkChange(nested, 'branch', 'act', change('relu', 'relu, swish'))).toMatchObject({ ok: false, error: 'blockParam.choiceInUse', users: { layers: [], wires: [], instances: ['inner'] } });
    // An unused one may go, and numeric choices stay numbers.
    expect(changed(nested, 'branch', 'act', 'relu', 'relu, gelu').blocks.branch.params.act.options).toEqual(['relu', 'gelu']);
    expect(changed(d, 'basic', 'stride', '1', '1, 2').blocks.basic.params.stride.options).toEqual([1, 2]);
  });

  it('gives back the same document when nothing changes', () => {
    const d = withBasics();
    const same = changeBlockParam(d, 'basic', 'shortcut', change('identity', 'identity ,projection'));
    expect(same).toEqual({ ok: true, doc: d });
    expect(same.ok && same.doc).toBe(d);
  });
});
