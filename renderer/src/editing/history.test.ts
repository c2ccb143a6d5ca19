import { describe, expect, it } from 'vitest';
import { pushState, redoState, startHistory, undoState } from './history';

describe('undo history', () => {
  it('undoes and redoes every step in order', () => {
    let h = startHistory('a');
    h = pushState(h, 'b');
    h = pushState(h, 'c');
    h = undoState(h);
    expect(h.present).toBe('b');
    h = undoState(h);
    expect(h.present).toBe('a');
    expect(undoState(h)).toBe(h);
    h = redoState(redoState(h));
    expect(h.present).toBe('c');
    expect(redoState(h)).toBe(h);
  });
  it('drops the redo branch when a new edit follows an undo', () => {
    let h = pushState(pushState(startHistory(1), 2), 3);
    h = pushState(undoState(h), 9);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1, 2]);
  });
  it('forgets the oldest states beyond the limit', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 10; i++) h = pushState(h, i, 4);
    expect(h.past).toEqual([6, 7, 8, 9]);
  });
});
