// How a wire runs on the canvas, and where along it its shape label may sit. A wire that
// skips far down a column (a shortcut) arcs out to the side instead of running through the
// layers it skips; one between columns takes an elbow; the rest are React Flow's bezier.
import { getBezierPath, Position } from '@xyflow/react';
import { inflate, intersects, overlapArea, type Point, type Rect } from './geometry';

const SKIP_MIN_DY = 170;
const SKIP_MAX_DX = 90;
/** Wires spanning more than one row between columns take an elbow route. */
const ELBOW_MIN_DY = 120;
/** How far right of the column a shortcut runs. */
export const ARC = 150;
/** How far below the source (and above the target) the shortcut runs sideways. */
const RUN_OFFSET = 9;
const CORNER = 6;
/** React Flow's default bezier curvature (used only when a wire runs upwards). */
const CURVATURE = 0.25;
/** Steps a label slides along its wire to get clear of a note. */
const SLIDE_STEP = 8;

/** A stretch of the wire a label may sit on: its default spot is the middle. */
type Track = { kind: 'line'; a: Point; b: Point } | { kind: 'curve'; p: [Point, Point, Point, Point] };

export interface WireRoute {
  path: string;
  /** The wire as a polyline (a curve sampled), to tell what it passes under. */
  points: Point[];
  /** Where the label sits when nothing is in the way. */
  label: Point;
  tracks: Track[];
}

export interface WireEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  /** Enters a merge layer on a port after the first: a shortcut joining the main path. */
  joinsMain: boolean;
}

/**
 * A shortcut leaves just under its source, runs out to the side in the gap between layers,
 * down past the layers it skips, and back in just above its target: it never crosses them.
 */
function skipRoute(sx: number, sy: number, tx: number, ty: number): WireRoute {
  const side = Math.max(sx, tx) + ARC;
  const y1 = sy + RUN_OFFSET;
  const y2 = ty - RUN_OFFSET;
  const r = CORNER;
  const path = [
    `M ${sx},${sy}`,
    `L ${sx},${y1 - r} Q ${sx},${y1} ${sx + r},${y1}`,
    `L ${side - r},${y1} Q ${side},${y1} ${side},${y1 + r}`,
    `L ${side},${y2 - r} Q ${side},${y2} ${side - r},${y2}`,
    `L ${tx + (side > tx ? r : -r)},${y2} Q ${tx},${y2} ${tx},${y2 + r}`,
    `L ${tx},${ty}`,
  ].join(' ');
  const points = [{ x: sx, y: sy }, { x: sx, y: y1 }, { x: side, y: y1 }, { x: side, y: y2 }, { x: tx, y: y2 }, { x: tx, y: ty }];
  const tracks: Track[] = [
    { kind: 'line', a: { x: side, y: y1 }, b: { x: side, y: y2 } },
    { kind: 'line', a: { x: sx, y: y1 }, b: { x: side, y: y1 } },
    { kind: 'line', a: { x: tx, y: y2 }, b: { x: side, y: y2 } },
  ];
  return { path, points, label: { x: side, y: (y1 + y2) / 2 }, tracks };
}

/**
 * A wire between columns runs sideways in the gap next to one end: just below its source
 * when it branches off, just above its target when it joins the main path. Either way it
 * crosses the gap between two rows instead of the layers in a column.
 */
function elbowRoute(sx: number, sy: number, tx: number, ty: number, nearTarget: boolean): WireRoute {
  const y = nearTarget ? ty - RUN_OFFSET : sy + RUN_OFFSET;
  const dir = tx > sx ? 1 : -1;
  const r = Math.min(CORNER * 2, Math.abs(tx - sx) / 2, RUN_OFFSET);
  const path = [
    `M ${sx},${sy}`,
    `L ${sx},${y - r} Q ${sx},${y} ${sx + dir * r},${y}`,
    `L ${tx - dir * r},${y} Q ${tx},${y} ${tx},${y + r}`,
    `L ${tx},${ty}`,
  ].join(' ');
  const points = [{ x: sx, y: sy }, { x: sx, y }, { x: tx, y }, { x: tx, y: ty }];
  const run: Track = { kind: 'line', a: { x: sx, y }, b: { x: tx, y } };
  const stub: Track = nearTarget ? { kind: 'line', a: { x: sx, y: sy }, b: { x: sx, y } } : { kind: 'line', a: { x: tx, y }, b: { x: tx, y: ty } };
  const label = nearTarget ? { x: sx, y: (sy + y) / 2 } : { x: tx, y: (y + ty) / 2 };
  return { path, points, label, tracks: [stub, run] };
}

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

function cubicAt(p: [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x, y: a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y };
}

/** React Flow's bezier from a bottom handle to a top one, with the control points it uses. */
function bezierRoute(sx: number, sy: number, tx: number, ty: number): WireRoute {
  const [path, labelX, labelY] = getBezierPath({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, sourcePosition: Position.Bottom, targetPosition: Position.Top });
  const off = controlOffset(ty - sy);
  const p: [Point, Point, Point, Point] = [{ x: sx, y: sy }, { x: sx, y: sy + off }, { x: tx, y: ty - off }, { x: tx, y: ty }];
  const points = Array.from({ length: 9 }, (_, i) => cubicAt(p, i / 8));
  return { path, points, label: { x: labelX, y: labelY }, tracks: [{ kind: 'curve', p }] };
}

export function wireRoute({ sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, joinsMain }: WireEnds): WireRoute {
  const dy = ty - sy;
  const dx = Math.abs(tx - sx);
  // Only a shortcut joining the main path arcs aside; a long wire along the column stays straight.
  if (joinsMain && dy > SKIP_MIN_DY && dx < SKIP_MAX_DX) return skipRoute(sx, sy, tx, ty);
  if (dy > ELBOW_MIN_DY && dx >= SKIP_MAX_DX) return elbowRoute(sx, sy, tx, ty, joinsMain);
  return bezierRoute(sx, sy, tx, ty);
}

/** Label spots along a track, from its middle outwards, keeping the label on the track. */
function* trackSpots(track: Track, size: { width: number; height: number }): Generator<Point> {
  if (track.kind === 'curve') {
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) yield cubicAt(track.p, t);
    return;
  }
  const { a, b } = track;
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length === 0) return;
  const along = Math.abs(b.x - a.x) > Math.abs(b.y - a.y) ? size.width : size.height;
  const reach = Math.max(0, length / 2 - along / 2 - 2);
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  yield mid;
  for (let d = SLIDE_STEP; d <= reach; d += SLIDE_STEP) {
    yield { x: mid.x + ux * d, y: mid.y + uy * d };
    yield { x: mid.x - ux * d, y: mid.y - uy * d };
  }
}

const labelBox = (at: Point, size: { width: number; height: number }): Rect => ({ x: at.x - size.width / 2, y: at.y - size.height / 2, ...size });

/** Room kept between a label and a note. */
const CLEARANCE = 4;

/**
 * Where the label goes: its usual spot, or the nearest spot along the wire that keeps it
 * clear of every note. Null when the whole wire is under notes: the label is not drawn
 * (its source layer shows the same shape).
 */
export function placeLabel(route: WireRoute, size: { width: number; height: number }, notes: readonly Rect[]): Point | null {
  if (notes.length === 0) return route.label;
  const near = notes.filter((n) => route.points.some((p, i) => i > 0 && intersects(segmentBox(route.points[i - 1], p, size), n)));
  if (near.length === 0) return route.label;
  const clear = (at: Point) => {
    const box = inflate(labelBox(at, size), CLEARANCE);
    return near.every((n) => overlapArea(box, n) === 0);
  };
  if (clear(route.label)) return route.label;
  for (const track of route.tracks) for (const at of trackSpots(track, size)) if (clear(at)) return at;
  return null;
}

/** The area a label centred anywhere on the segment could cover. */
function segmentBox(a: Point, b: Point, size: { width: number; height: number }): Rect {
  const x = Math.min(a.x, b.x) - size.width / 2 - CLEARANCE;
  const y = Math.min(a.y, b.y) - size.height / 2 - CLEARANCE;
  return { x, y, width: Math.abs(b.x - a.x) + size.width + 2 * CLEARANCE, height: Math.abs(b.y - a.y) + size.height + 2 * CLEARANCE };
}
