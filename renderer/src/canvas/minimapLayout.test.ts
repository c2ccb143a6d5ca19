import { describe, expect, it } from 'vitest';
import { MAP_PAD, READABLE_SCALE, boundsOf, mapToFlow, minimapSize, minimapView, viewShiftFor } from './minimapLayout';

const PANE = { width: 860, height: 814 };
/** A flat ResNet-152: one column of 518 layers with a projection column beside it. */
const RESNET152 = { x: 0, y: 0, width: 480, height: 49954 };
/** The view at zoom 0.75 over the pane. */
const viewAt = (x: number, y: number) => ({ x, y, width: PANE.width / 0.75, height: PANE.height / 0.75 });

describe('minimapSize', () => {
  it('gives a very tall graph a tall, narrow map within the canvas', () => {
    const size = minimapSize(RESNET152, PANE);
    expect(size.height).toBeGreaterThan(2.5 * size.width);
    expect(size.height).toBeLessThanOrEqual(0.42 * PANE.height + 1);
    expect(size.width).toBeGreaterThanOrEqual(96);
  });

  it('keeps about the usual box for a graph of ordinary proportions, shaped like it, and widens it for a wide one', () => {
    expect(minimapSize({ x: 0, y: 0, width: 680, height: 480 }, PANE)).toEqual({ width: 170, height: 120 });
    const square = minimapSize({ x: 0, y: 0, width: 600, height: 600 }, PANE);
    expect(square.width).toBe(square.height);
    expect(square.height).toBeGreaterThan(120);
    expect(square.height).toBeLessThanOrEqual(170);
    const wide = minimapSize({ x: 0, y: 0, width: 4000, height: 300 }, PANE);
    expect(wide.width).toBeGreaterThan(170);
    expect(wide.height).toBeLessThan(120);
  });

  it('keeps the map of a small graph small, however tall its proportions', () => {
    const size = minimapSize({ x: 0, y: 0, width: 220, height: 560 }, PANE);
    expect(size.height).toBeLessThan(170);
    expect(size.width).toBeLessThan(120);
  });

  it('has the usual box for an empty graph', () => {
    expect(minimapSize(null, PANE)).toEqual({ width: 170, height: 120 });
  });
});

describe('minimapView', () => {
  const size = minimapSize(RESNET152, PANE);

  it('shows a very tall graph at a readable scale, scrolling with the view from top to bottom', () => {
    const top = minimapView(RESNET152, viewAt(-300, -50), size);
    expect(top.scale).toBeCloseTo(READABLE_SCALE);
    expect(top.track).not.toBeNull();
    expect(top.viewport.y).toBeGreaterThanOrEqual(0);
    expect(top.track!.view[0]).toBeCloseTo(0, 2);

    const bottom = minimapView(RESNET152, viewAt(-300, RESNET152.height - viewAt(0, 0).height + 50), size);
    expect(bottom.viewport.y + bottom.viewport.height).toBeLessThanOrEqual(size.height);
    expect(bottom.track!.view[1]).toBeCloseTo(1, 2);

    const middle = minimapView(RESNET152, viewAt(-300, RESNET152.height / 2), size);
    expect(middle.viewport.y).toBeGreaterThan(top.viewport.y);
    expect(middle.viewport.y + middle.viewport.height).toBeLessThan(bottom.viewport.y + bottom.viewport.height);
    // The map shows the part of the graph the view is in.
    const shownTop = mapToFlow(middle, { x: 0, y: 0 }).y;
    const shownBottom = mapToFlow(middle, { x: 0, y: size.height }).y;
    expect(shownTop).toBeLessThan(RESNET152.height / 2);
    expect(shownBottom).toBeGreaterThan(RESNET152.height / 2 + viewAt(0, 0).height);
  });

  it('keeps the column on the map when the view is far wider than the graph', () => {
    const map = minimapView(RESNET152, viewAt(-300, 1000), size);
    const left = (RESNET152.x - map.origin.x) * map.scale;
    const right = (RESNET152.x + RESNET152.width - map.origin.x) * map.scale;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(size.width);
  });

  it('shows a graph that fits whole, with the view, and no track', () => {
    const graph = { x: 0, y: 0, width: 220, height: 1554 };
    const small = minimapSize(graph, PANE);
    const map = minimapView(graph, viewAt(-400, -50), small);
    expect(map.track).toBeNull();
    const top = (graph.y - map.origin.y) * map.scale;
    const bottom = (graph.y + graph.height - map.origin.y) * map.scale;
    expect(top).toBeGreaterThanOrEqual(MAP_PAD - 0.01);
    expect(bottom).toBeLessThanOrEqual(small.height - MAP_PAD + 0.01);
    // Its layers are bigger marks than the readable minimum.
    expect(map.scale).toBeGreaterThan(READABLE_SCALE);
  });

  it('moves the view so that its box follows the pointer on a scrolling map', () => {
    const view = viewAt(-300, 20000);
    const before = minimapView(RESNET152, view, size);
    const shift = viewShiftFor(before, { x: 0, y: 15 });
    const after = minimapView(RESNET152, { ...view, y: view.y + shift.y }, size);
    expect(after.viewport.y - before.viewport.y).toBeCloseTo(15, 5);
  });

  it('maps map pixels back to flow points', () => {
    const map = minimapView(RESNET152, viewAt(-300, 5000), size);
    const p = mapToFlow(map, { x: map.viewport.x, y: map.viewport.y });
    expect(p.x).toBeCloseTo(-300, 5);
    expect(p.y).toBeCloseTo(5000, 5);
  });
});

describe('boundsOf', () => {
  it('is null for no boxes and spans all of them otherwise', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: -5, width: 5, height: 5 }])).toEqual({ x: 0, y: -5, width: 25, height: 15 });
  });
});
