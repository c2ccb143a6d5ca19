// The minimap's geometry. Its box takes the graph's proportions within limits (a deep ResNet
// gets a tall, narrow map instead of a 170x120 box with a one-pixel line in it). When the
// whole graph and view fit at a scale where layers are still visible marks, the map shows
// all of it; a graph too tall for that (a flat ResNet-152 is ~100 times taller than wide)
// is shown at that readable scale, and the map scrolls with the view the way an editor's
// minimap does: at the graph's top when the view is, at its bottom when the view is, in
// proportion between. A track along its edge then shows the part shown and the view
// within the whole graph.
import type { Point, Rect } from './geometry';

export interface Size {
  width: number;
  height: number;
}

/** The map's box for a normal graph, as React Flow's default minimap. */
const BASE: Size = { width: 170, height: 120 };
const MIN_WIDTH = 96;
const MIN_HEIGHT = 72;
/** Map pixels around the content. */
export const MAP_PAD = 8;
/** Map pixels per flow unit below which a layer (220x54, 26 apart) stops being a distinct mark. */
export const READABLE_SCALE = 0.08;
/** Map pixels per flow unit a map needs no more than: a small graph gets a small map. */
const LARGEST_SCALE = 0.25;
/** A scrolling map still shows this much more than the view's height. */
const VIEW_SHARE = 0.6;

/** Taller than the usual map's box: the map grows down, and the view is a band across it. */
function isTall(graph: Rect): boolean {
  return graph.height * BASE.width >= graph.width * BASE.height;
}

/** The map's box: the graph's aspect within limits set by the canvas (pane) size. */
export function minimapSize(graph: Rect | null, pane: Size): Size {
  if (!graph || graph.width <= 0 || graph.height <= 0) return BASE;
  const maxWidth = clamp(pane.width * 0.25, BASE.width, 260);
  const maxHeight = clamp(pane.height * 0.42, BASE.height, 380);
  const aspect = graph.height / graph.width;
  if (isTall(graph)) {
    const height = clamp(Math.min(BASE.width * aspect, graph.height * LARGEST_SCALE + 2 * MAP_PAD), BASE.height, maxHeight);
    // A graph shown at the readable scale needs its width in marks, not its aspect.
    const width = clamp(Math.max(height / aspect, Math.min(BASE.width, graph.width * READABLE_SCALE + 2 * MAP_PAD)), MIN_WIDTH, BASE.width);
    return { width: Math.round(width), height: Math.round(height) };
  }
  const width = clamp(Math.min(BASE.height / aspect, graph.width * LARGEST_SCALE + 2 * MAP_PAD), BASE.width, maxWidth);
  const height = clamp(width * aspect, MIN_HEIGHT, BASE.height);
  return { width: Math.round(width), height: Math.round(height) };
}

export interface MinimapView {
  /** Map pixels per flow unit. */
  scale: number;
  /** The flow point at the map's top left corner. */
  origin: Point;
  /** The view, in map pixels. */
  viewport: Rect;
  /** Per axis, how far the shown part moves when the view moves one unit (0: still, 1: with it). */
  follow: Point;
  /** When the map shows only part of the graph's height: the whole height (flow units), and what the map shows and the view as fractions of it. */
  track: { whole: [number, number]; shown: [number, number]; view: [number, number] } | null;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

interface AxisWindow {
  start: number;
  follow: number;
}

/**
 * Where a window of `length` starts on one axis, for a graph spanning g0..g1 and the part of
 * the view that must be on the map, c0..c1. Both fit: the window stays put around them.
 * Otherwise it scrolls over them in proportion to the view, so that part is always inside;
 * a part longer than the window is centred.
 */
function axisWindow(g0: number, g1: number, c0: number, c1: number, length: number): AxisWindow {
  const u0 = Math.min(g0, c0);
  const u1 = Math.max(g1, c1);
  const whole = u1 - u0;
  const core = c1 - c0;
  if (whole <= length) return { start: (u0 + u1) / 2 - length / 2, follow: 0 };
  if (core >= length) return { start: (c0 + c1) / 2 - length / 2, follow: 1 };
  const progress = (c0 - u0) / (whole - core);
  return { start: u0 + progress * (whole - length), follow: (whole - length) / (whole - core) };
}

const span = (a0: number, a1: number, b0: number, b1: number) => Math.max(a1, b1) - Math.min(a0, b0);

/**
 * What the map shows for a graph (its nodes' bounds) and the view (both in flow units).
 * Along the graph's long axis the map shows the whole view; across it, the view's centre
 * (a view far wider than a tall graph is a band across the map, not a reason to shrink it).
 */
export function minimapView(graph: Rect | null, view: Rect, size: Size): MinimapView {
  const g = graph ?? view;
  const inner = { width: Math.max(1, size.width - 2 * MAP_PAD), height: Math.max(1, size.height - 2 * MAP_PAD) };
  const tall = isTall(g);
  const mid = { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  const core = {
    x0: tall ? mid.x : view.x,
    x1: tall ? mid.x : view.x + view.width,
    y0: tall ? view.y : mid.y,
    y1: tall ? view.y + view.height : mid.y,
  };
  const spanX = Math.max(1, span(g.x, g.x + g.width, core.x0, core.x1));
  const spanY = Math.max(1, span(g.y, g.y + g.height, core.y0, core.y1));
  const fit = Math.min(inner.width / spanX, inner.height / spanY);
  const roomy = VIEW_SHARE * (tall ? inner.height / Math.max(1, view.height) : inner.width / Math.max(1, view.width));
  const scale = Math.max(fit, Math.min(READABLE_SCALE, roomy));
  const lengthX = inner.width / scale;
  const lengthY = inner.height / scale;
  const x = axisWindow(g.x, g.x + g.width, core.x0, core.x1, lengthX);
  const y = axisWindow(g.y, g.y + g.height, core.y0, core.y1, lengthY);
  const origin = { x: x.start - MAP_PAD / scale, y: y.start - MAP_PAD / scale };
  const viewport = { x: (view.x - origin.x) * scale, y: (view.y - origin.y) * scale, width: view.width * scale, height: view.height * scale };
  const top = Math.min(g.y, core.y0);
  const whole = Math.max(1, spanY);
  const fraction = (v: number) => (v - top) / whole;
  const track =
    whole > lengthY + 1
      ? {
          whole: [top, top + whole] as [number, number],
          shown: [fraction(y.start), fraction(y.start + lengthY)] as [number, number],
          view: [fraction(view.y), fraction(view.y + view.height)] as [number, number],
        }
      : null;
  return { scale, origin, viewport, follow: { x: x.follow, y: y.follow }, track };
}

/** The flow point under a point of the map. */
export function mapToFlow(map: MinimapView, at: Point): Point {
  return { x: map.origin.x + at.x / map.scale, y: map.origin.y + at.y / map.scale };
}

/**
 * How far (in flow units) to move the view so that its box on the map moves by `delta` map
 * pixels. The shown part moves too while the map scrolls, so the view moves further than
 * the pointer; on an axis where the map keeps the view centred, the view moves as dragged.
 */
export function viewShiftFor(map: MinimapView, delta: Point): Point {
  const along = (d: number, follow: number) => (follow >= 0.999 ? d / map.scale : d / (map.scale * (1 - follow)));
  return { x: along(delta.x, map.follow.x), y: along(delta.y, map.follow.y) };
}

/** The bounds of boxes, or null for none. */
export function boundsOf(boxes: Iterable<Rect>): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
