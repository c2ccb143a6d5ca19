import { describe, expect, it } from 'vitest';
import { NOTE_GAP, NOTE_WIDTH, crowding, hiddenArea, noteRect, placeNote, roomInView, type NotePlacement } from './notePlacement';

const NODE = { x: 0, y: 0, width: 220, height: 54 };
const HEIGHT = 60;
const none: Record<NotePlacement, number> = { right: 0, left: 0, 'right-up': 0, 'left-up': 0 };
const crowdOf = (layers: { x: number; y: number; width: number; height: number }[], wires: { x: number; y: number }[][]) =>
  Object.fromEntries((['right', 'left', 'right-up', 'left-up'] as const).map((p) => [p, crowding(noteRect(NODE, HEIGHT, p), layers, wires)])) as Record<NotePlacement, number>;
/** A view that shows the node with plenty of room around it. */
const roomy = { visible: { x: -1000, y: -1000, width: 2220, height: 2000 }, covered: [] };

describe('noteRect', () => {
  it('sits beside the node, level with its top, or with its bottom when it grows upwards', () => {
    expect(noteRect(NODE, HEIGHT, 'right')).toEqual({ x: 220 + NOTE_GAP, y: 0, width: NOTE_WIDTH, height: HEIGHT });
    expect(noteRect(NODE, HEIGHT, 'left')).toEqual({ x: -NOTE_GAP - NOTE_WIDTH, y: 0, width: NOTE_WIDTH, height: HEIGHT });
    expect(noteRect(NODE, HEIGHT, 'right-up').y + HEIGHT).toBe(NODE.height);
  });
});

describe('placeNote', () => {
  it('reads on the right when nothing is in the way', () => {
    expect(placeNote(NODE, HEIGHT, none, roomy)).toBe('right');
    expect(placeNote(NODE, HEIGHT, none, null)).toBe('right');
  });

  it('takes the left when a shortcut runs down the right', () => {
    const shortcut = [{ x: 260, y: -300 }, { x: 260, y: 400 }];
    expect(placeNote(NODE, HEIGHT, crowdOf([], [shortcut]), roomy)).toBe('left');
  });

  it('takes the left when a layer sits on the right', () => {
    expect(placeNote(NODE, HEIGHT, crowdOf([{ x: 260, y: 0, width: 220, height: 54 }], []), roomy)).toBe('left');
  });

  it('takes the left near the right edge of the canvas, even over a layer', () => {
    const room = { visible: { x: -1000, y: -1000, width: 1240, height: 2000 }, covered: [] };
    expect(placeNote(NODE, HEIGHT, crowdOf([{ x: -300, y: 0, width: 220, height: 54 }], []), room)).toBe('left');
  });

  it('takes the right near the left edge, even over a shortcut', () => {
    const room = { visible: { x: -20, y: -1000, width: 2000, height: 2000 }, covered: [] };
    expect(placeNote(NODE, HEIGHT, crowdOf([], [[{ x: 260, y: -300 }, { x: 260, y: 400 }]]), room)).toBe('right');
  });

  it('grows upwards near the bottom edge, and keeps clear of the minimap', () => {
    const bottom = { visible: { x: -1000, y: -1000, width: 2220, height: 1056 }, covered: [] };
    expect(placeNote(NODE, 90, none, bottom)).toBe('right-up');
    const minimap = { ...roomy, covered: [{ x: 200, y: -10, width: 400, height: 200 }] };
    expect(placeNote(NODE, HEIGHT, none, minimap)).toBe('left');
  });
});

describe('hiddenArea and roomInView', () => {
  it('measures what of a note is outside the canvas or under a panel, in flow units', () => {
    // Zoom 2, the flow origin at the pane's (100, 50): the pane shows flow x -50..(400-100)/2.
    const room = roomInView([100, 50, 2], { width: 400, height: 300 }, [{ x: 300, y: 200, width: 100, height: 100 }]);
    expect(room.visible.x).toBeCloseTo(-47);
    expect(room.visible.width).toBeCloseTo(194);
    expect(room.covered[0]).toEqual({ x: 100, y: 75, width: 50, height: 50 });
    expect(hiddenArea({ x: 0, y: 0, width: 10, height: 10 }, room)).toBe(0);
    expect(hiddenArea({ x: 140, y: 0, width: 20, height: 10 }, room)).toBeCloseTo(130);
  });
});
