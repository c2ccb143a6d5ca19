// Where a node's error note goes: beside the node, on the side where it covers the least of
// the graph (other layers, wires), and never where it would be cut off by the edge of the
// canvas (the properties panel begins there) or hidden under the minimap.
import { overlapArea, segmentLengthInside, type Point, type Rect } from './geometry';

/** Mirrored in app.css (.layer-node-errors). */
export const NOTE_WIDTH = 260;
export const NOTE_GAP = 12;
/** A note's height before it is measured: one error of two lines. */
export const NOTE_HEIGHT_ESTIMATE = 52;

/** Right or left of the node; "up" notes end level with the node's bottom and grow upwards. */
export type NotePlacement = 'right' | 'left' | 'right-up' | 'left-up';
export const PLACEMENTS: readonly NotePlacement[] = ['right', 'left', 'right-up', 'left-up'];

/** A wire under a note counts as a strip this wide. */
const WIRE_STRIP = 12;
/** Being cut off is far worse than covering something: a note is drawn above the graph. */
const HIDDEN_WEIGHT = 100;
/** Right and top-aligned read best; the others are for when those are in the way. */
const PREFERENCE: Record<NotePlacement, number> = { right: 0, left: 1, 'right-up': 400, 'left-up': 401 };
/** Room kept between a note and the edges of the canvas, in screen pixels. */
export const EDGE_MARGIN = 6;

export function noteRect(node: Rect, height: number, placement: NotePlacement): Rect {
  const right = placement === 'right' || placement === 'right-up';
  const up = placement === 'right-up' || placement === 'left-up';
  return {
    x: right ? node.x + node.width + NOTE_GAP : node.x - NOTE_GAP - NOTE_WIDTH,
    y: up ? node.y + node.height - height : node.y,
    width: NOTE_WIDTH,
    height,
  };
}

/** The span all placements of a note can reach. */
export function noteReach(node: Rect, height: number): Rect {
  const top = Math.min(node.y, node.y + node.height - height);
  return { x: node.x - NOTE_GAP - NOTE_WIDTH, y: top, width: node.width + 2 * (NOTE_GAP + NOTE_WIDTH), height: Math.max(height, node.height) + (node.y - top) };
}

/** How much of the graph a note there would cover: other layers' area, and wires as strips. */
export function crowding(rect: Rect, layers: readonly Rect[], wires: readonly Point[][]): number {
  let covered = 0;
  for (const l of layers) covered += overlapArea(rect, l);
  for (const w of wires) for (let i = 1; i < w.length; i++) covered += WIRE_STRIP * segmentLengthInside(w[i - 1], w[i], rect);
  return covered;
}

/** What of the canvas a note can be seen in, in flow coordinates. */
export interface NoteRoom {
  /** The canvas shown, less a small margin. */
  visible: Rect;
  /** Parts of it drawn over (the minimap). */
  covered: readonly Rect[];
}

/** The part of a note that would not be seen. */
export function hiddenArea(rect: Rect, room: NoteRoom): number {
  let hidden = rect.width * rect.height - overlapArea(rect, room.visible);
  for (const c of room.covered) hidden += overlapArea(rect, c);
  return hidden;
}

/**
 * The placement that is seen whole and covers the least, given what each placement would
 * cover (`crowd`, from `crowding`). Without a known view, the least crowded one.
 */
export function placeNote(node: Rect, height: number, crowd: Readonly<Record<NotePlacement, number>>, room: NoteRoom | null): NotePlacement {
  let best: NotePlacement = 'right';
  let bestScore = Infinity;
  for (const p of PLACEMENTS) {
    const hidden = room ? hiddenArea(noteRect(node, height, p), room) : 0;
    const score = HIDDEN_WEIGHT * hidden + crowd[p] + PREFERENCE[p];
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** React Flow's view (translate x, y and zoom) and pane size as the room a note has, in flow coordinates. */
export function roomInView(transform: readonly [number, number, number], pane: { width: number; height: number }, overlays: readonly Rect[]): NoteRoom {
  const [tx, ty, zoom] = transform;
  const toFlow = (r: Rect): Rect => ({ x: (r.x - tx) / zoom, y: (r.y - ty) / zoom, width: r.width / zoom, height: r.height / zoom });
  const m = EDGE_MARGIN;
  return { visible: toFlow({ x: m, y: m, width: pane.width - 2 * m, height: pane.height - 2 * m }), covered: overlays.map(toFlow) };
}
