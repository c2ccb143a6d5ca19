import { describe, expect, it } from 'vitest';
import { checkConnection } from './connect';
import { doc, e, n, residualChain } from './testGraphs';

describe('checkConnection (wires refused while dragging)', () => {
  const d = residualChain();
  it('accepts a wire into a free single input', () => {
    const g = doc([n('a', 'Input', { shape: [4] }), n('b', 'Dense')], []);
    expect(checkConnection(g, g, 'a', 'b', 'in0')).toEqual({ ok: true, port: 0 });
  });
  it('refuses a second input into a one-input layer', () => {
    expect(checkConnection(d, d, 'input', 'bn', 'in0')).toMatchObject({ ok: false, reason: 'inputTaken' });
  });
  it('refuses a wire that closes a loop', () => {
    const g = doc(d.nodes, d.edges.filter((x) => x.target !== 'conv1'));
    expect(checkConnection(g, g, 'relu', 'conv1', 'in0')).toMatchObject({ ok: false, reason: 'cycle', source: 'relu', target: 'conv1' });
  });
  it('refuses wires into an Input layer and out of an Output layer, and self-loops', () => {
    const g = doc([n('i', 'Input'), n('o', 'Output'), n('d', 'Dense')], []);
    expect(checkConnection(g, g, 'd', 'i', 'in0')).toMatchObject({ ok: false, reason: 'noInputs' });
    expect(checkConnection(g, g, 'o', 'd', 'in0')).toMatchObject({ ok: false, reason: 'noOutput' });
    expect(checkConnection(g, g, 'd', 'd', 'in0')).toMatchObject({ ok: false, reason: 'self' });
  });
  it('gives an Add a wire on its free numbered port and refuses a taken one', () => {
    const g = doc(d.nodes.concat(n('extra', 'Input', { shape: [32, 32, 32] })), d.edges);
    expect(checkConnection(g, g, 'extra', 'add', 'in2')).toEqual({ ok: true, port: 2 });
    expect(checkConnection(g, g, 'extra', 'add', 'in1')).toMatchObject({ ok: false, reason: 'portTaken' });
  });
  it('limits a block instance to its definition’s input ports', () => {
    const blocks = { b: { id: 'b', name: 'B', params: {}, nodes: [n('in', 'BlockInput', { index: 0 }), n('out', 'BlockOutput')], edges: [e('in', 'out')] } };
    const g = doc([n('i', 'Input'), n('j', 'Input'), n('inst', 'Block', { block: 'b' })], [e('i', 'inst')], blocks);
    expect(checkConnection(g, g, 'j', 'inst', 'in0')).toMatchObject({ ok: false, reason: 'inputTaken' });
  });
});
