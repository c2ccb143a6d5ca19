import { describe, expect, it } from 'vitest';
import { intersects, segmentLengthInside } from './geometry';
import { ARC, placeLabel, wireRoute } from './edgeRoutes';

const LABEL = { width: 60, height: 18 };
const box = (at: { x: number; y: number }) => ({ x: at.x - LABEL.width / 2, y: at.y - LABEL.height / 2, ...LABEL });

describe('wireRoute', () => {
  it('arcs a shortcut out to the right of the column, its label halfway down the arc', () => {
    const r = wireRoute({ sourceX: 110, sourceY: 354, targetX: 160, targetY: 880, joinsMain: true });
    expect(r.label.x).toBe(160 + ARC);
    expect(r.label.y).toBeCloseTo((354 + 9 + 880 - 9) / 2);
    expect(r.points.some((p) => p.x === 160 + ARC)).toBe(true);
  });

  it('keeps a wire between neighbours a curve, labelled at its middle', () => {
    const r = wireRoute({ sourceX: 110, sourceY: 54, targetX: 110, targetY: 100, joinsMain: false });
    expect(r.label).toEqual({ x: 110, y: 77 });
    expect(r.path.startsWith('M110,54 C')).toBe(true);
  });
});

describe('placeLabel', () => {
  const shortcut = wireRoute({ sourceX: 110, sourceY: 354, targetX: 160, targetY: 880, joinsMain: true });

  it('leaves a label where it is when no note is near', () => {
    expect(placeLabel(shortcut, LABEL, [])).toBe(shortcut.label);
    expect(placeLabel(shortcut, LABEL, [{ x: -400, y: 0, width: 260, height: 60 }])).toBe(shortcut.label);
  });

  it('slides a label along its wire out from under a note', () => {
    const note = { x: 232, y: 557, width: 260, height: 60 };
    expect(intersects(box(shortcut.label), note)).toBe(true);
    const at = placeLabel(shortcut, LABEL, [note])!;
    expect(intersects(box(at), note)).toBe(false);
    // Still on the shortcut's run down the side, close to where it was.
    expect(at.x).toBe(shortcut.label.x);
    expect(Math.abs(at.y - shortcut.label.y)).toBeLessThan(80);
  });

  it('leaves the label out when the whole wire is under notes', () => {
    const short = wireRoute({ sourceX: 110, sourceY: 54, targetX: 110, targetY: 100, joinsMain: false });
    expect(placeLabel(short, LABEL, [{ x: 0, y: 0, width: 260, height: 200 }])).toBeNull();
  });
});

describe('segmentLengthInside', () => {
  it('measures the part of a segment inside a rectangle', () => {
    const r = { x: 0, y: 0, width: 10, height: 10 };
    expect(segmentLengthInside({ x: 5, y: -10 }, { x: 5, y: 20 }, r)).toBeCloseTo(10);
    expect(segmentLengthInside({ x: -5, y: -5 }, { x: -1, y: 20 }, r)).toBe(0);
    expect(segmentLengthInside({ x: 2, y: 2 }, { x: 4, y: 2 }, r)).toBeCloseTo(2);
  });
});
