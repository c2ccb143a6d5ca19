// Merge rules: Add, Multiply and Concatenate shapes and errors.
import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { evaluateLayer, mergeProjection } from './index';

function run(type: string, inputs: Shape[], params: Params = {}, nodeId = 'm1') {
  return evaluateLayer(type, inputs, params, nodeId);
}
function errorOf(type: string, inputs: Shape[], params: Params = {}, nodeId = 'm1') {
  const r = run(type, inputs, params, nodeId);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.shape)}`);
  return r.error;
}

describe('Add and Multiply', () => {
  it('pass through identical shapes, any number of inputs', () => {
    for (const type of ['Add', 'Multiply']) {
      expect(run(type, [[8, 8, 16], [8, 8, 16]])).toMatchObject({ ok: true, shape: [8, 8, 16], macs: 0, params: { trainable: 0, nonTrainable: 0 } });
      expect(run(type, [[10], [10], [10], [10]])).toMatchObject({ ok: true, shape: [10] });
    }
  });

  it('need at least two inputs', () => {
    expect(errorOf('Add', [[8]], {}, 'a1').message).toBe('Add a1 needs at least 2 inputs, got 1; connect another layer to it.');
    expect(errorOf('Multiply', [], {}, 'x').message).toBe('Multiply x needs at least 2 inputs, got 0; connect more layers to it.');
  });

  it('Add names the shapes and proposes a strided 1x1 projection on the shortcut', () => {
    const e = errorOf('Add', [[16, 16, 32], [32, 32, 16]], {}, 'a7');
    expect(e.message).toBe(
      'Add a7 needs inputs of identical shape, got [16, 16, 32] (input 0), [32, 32, 16] (input 1). Insert a 1x1 projection (stride 2, 32 filters) with batch norm on the shortcut (input 1) so it matches [16, 16, 32].',
    );
    // Without a graph there is nothing to splice into.
    expect(e.fix).toBeUndefined();
  });

  it('Add finds the stride for odd sizes and for channel-only changes', () => {
    expect(errorOf('Add', [[7, 7, 64], [4, 4, 128]]).message).toMatch(/1x1 projection \(stride 2, 128 filters\) with batch norm on the shortcut \(input 0\)/);
    expect(errorOf('Add', [[8, 8, 64], [8, 8, 256]]).message).toMatch(/1x1 projection \(stride 1, 256 filters\)/);
    expect(errorOf('Add', [[8, 6, 64], [4, 6, 64]]).message).toMatch(/1x1 projection \(stride 2x1, 64 filters\)/);
  });

  it('Add projects mismatched vectors with a Dense', () => {
    expect(errorOf('Add', [[64], [128]]).message).toMatch(/Insert a Dense\(64\) projection on the shortcut \(input 1\) so it matches \[64\]\.$/);
  });

  it('Add projects every odd input when there are several', () => {
    expect(errorOf('Add', [[16, 16, 16], [8, 8, 32], [8, 8, 16]]).message).toMatch(
      /Insert a 1x1 projection \(stride 2, 32 filters\) with batch norm on input 0 and a 1x1 projection \(stride 1, 32 filters\) with batch norm on input 2 so they match \[8, 8, 32\]\.$/,
    );
  });

  it('Add gives up on a projection when no stride fits or ranks differ', () => {
    expect(errorOf('Add', [[8, 8, 16], [6, 6, 16]]).message).toBe(
      'Add m1 needs inputs of identical shape, got [8, 8, 16] (input 0), [6, 6, 16] (input 1). Make the branches match (e.g. with a Conv2D, Dense or pooling) before it.',
    );
    expect(errorOf('Add', [[8, 8, 16], [1024]]).message).toMatch(/Make the branches match/);
  });

  it('Multiply names the shapes and leaves the fix to the user', () => {
    const e = errorOf('Multiply', [[8, 8, 16], [1, 1, 16]], {}, 'gate');
    expect(e.message).toBe(
      'Multiply gate needs inputs of identical shape, got [8, 8, 16] (input 0), [1, 1, 16] (input 1). Make the branches match (e.g. with a Conv2D, Dense or pooling) before it.',
    );
    expect(e.fix).toBeUndefined();
  });
});

describe('mergeProjection', () => {
  it('is available to other merges and names them in the fix title', () => {
    const p = mergeProjection('Multiply', {
      nodeId: 'gate',
      inputs: [[8, 8, 16], [16, 16, 16]],
      params: {},
      inputEdges: [
        { edgeId: 'e0', sourceId: 'a', targetPort: 0 },
        { edgeId: 'e1', sourceId: 'b', targetPort: 1 },
      ],
      freshId: (s) => s,
    });
    expect(p?.hint).toBe(' Insert a 1x1 projection (stride 2, 16 filters) with batch norm on the shortcut (input 1) so it matches [8, 8, 16].');
    expect(p?.fix?.title).toBe('Insert a 1x1 projection (stride 2, 16 filters) with batch norm on the shortcut (input 1) into Multiply gate');
    expect(mergeProjection('Multiply', { nodeId: 'g', inputs: [[8, 8], [4, 4]], params: {} })).toBeUndefined();
  });
});

describe('Concatenate', () => {
  it('joins along channels by default', () => {
    expect(run('Concatenate', [[8, 8, 16], [8, 8, 32], [8, 8, 8]])).toMatchObject({ ok: true, shape: [8, 8, 56] });
    expect(run('Concatenate', [[10], [5]])).toMatchObject({ ok: true, shape: [15] });
  });

  it('joins along any axis, counted with or without a minus sign', () => {
    expect(run('Concatenate', [[8, 8, 3], [4, 8, 3]], { axis: 0 })).toMatchObject({ ok: true, shape: [12, 8, 3] });
    expect(run('Concatenate', [[8, 2, 3], [8, 5, 3]], { axis: -2 })).toMatchObject({ ok: true, shape: [8, 7, 3] });
  });

  it('names the dimension that differs', () => {
    expect(errorOf('Concatenate', [[8, 8, 16], [4, 4, 16]], {}, 'cat').message).toBe(
      'Concatenate cat joins along axis 2, so all other dimensions must match, but dimension 0 differs: [8, 8, 16] (input 0), [4, 4, 16] (input 1). Resize the branches to match or choose another axis.',
    );
  });

  it('rejects mixed ranks and out-of-range axes', () => {
    expect(errorOf('Concatenate', [[8, 8, 16], [16]], {}, 'cat').message).toBe(
      'Concatenate cat needs inputs of the same rank, got [8, 8, 16] (input 0), [16] (input 1). Flatten or reshape the odd one out.',
    );
    expect(errorOf('Concatenate', [[8, 8, 16], [8, 8, 16]], { axis: 3 }, 'cat').message).toBe(
      'Concatenate cat axis 3 is out of range for rank-3 inputs; use an axis from -3 to 2 (-1 is the last).',
    );
    expect(errorOf('Concatenate', [[8], [8]], { axis: -2 }, 'cat').message).toMatch(/axis -2 is out of range for rank-1 inputs/);
    expect(errorOf('Concatenate', [[8], [8]], { axis: 1.5 }, 'cat').message).toBe('Concatenate cat param "axis" must be an integer, got 1.5.');
  });
});
