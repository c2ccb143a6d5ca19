// The minimap: layers as marks in their family's colour (red where a layer has an error), the
// view as a grey box (blue would read as a convolution), and for a graph too tall to show whole at a readable scale, a track
// along its right edge with the part shown and the view (minimapLayout). Drawn on a canvas,
// redrawn when the view moves: a few hundred rectangles, far cheaper than an SVG of every
// node re-rasterised each frame. Drag the box (or press anywhere) to move the view, drag
// along the track to travel the whole graph, use the wheel to zoom.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useT } from '../i18n';
import { FAMILY_COLORS } from '../panels/families';
import { useScopeAnalysis } from '../store/analysis';
import { nodeBox, type LayerFlowNode, type ShapeFlowEdge } from './flowModel';
import type { Point, Rect } from './geometry';
import { boundsOf, mapToFlow, minimapSize, minimapView, viewShiftFor, type MinimapView, type Size } from './minimapLayout';

const TRACK_WIDTH = 4;
const TRACK_INSET = 2;
const ERROR_COLOR = '#d23c36';
const OTHER_COLOR = '#98a1b0';
const VIEW_STROKE = '#5b6577';
const VIEW_FILL = 'rgba(91, 101, 119, 0.1)';
const ZOOM_STEP = 1.2;

const nodesOf = (s: ReactFlowState) => s.nodes as LayerFlowNode[];
const paneWidthOf = (s: ReactFlowState) => s.width;
const paneHeightOf = (s: ReactFlowState) => s.height;

function viewIn(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect {
  const [tx, ty, zoom] = s.transform;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
}

interface Marks {
  boxes: Rect[];
  colors: string[];
}

function draw(canvas: HTMLCanvasElement, size: Size, marks: Marks, map: MinimapView): void {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(size.width * ratio);
  const h = Math.round(size.height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  const { scale, origin } = map;
  for (let i = 0; i < marks.boxes.length; i++) {
    const b = marks.boxes[i];
    const x = (b.x - origin.x) * scale;
    const y = (b.y - origin.y) * scale;
    const width = Math.max(1, b.width * scale);
    const height = Math.max(1, b.height * scale);
    if (x > size.width || y > size.height || x + width < 0 || y + height < 0) continue;
    ctx.fillStyle = marks.colors[i];
    ctx.beginPath();
    ctx.roundRect(x, y, width, height, Math.min(2, height / 2, width / 2));
    ctx.fill();
  }
  const v = map.viewport;
  ctx.fillStyle = VIEW_FILL;
  ctx.fillRect(v.x, v.y, v.width, v.height);
  ctx.strokeStyle = VIEW_STROKE;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(v.x, v.y, v.width, v.height);
  if (map.track) drawTrack(ctx, size, map.track);
}

function drawTrack(ctx: CanvasRenderingContext2D, size: Size, track: NonNullable<MinimapView['track']>): void {
  const x = size.width - TRACK_WIDTH - TRACK_INSET;
  const top = TRACK_INSET;
  const length = size.height - 2 * TRACK_INSET;
  const at = (f: number) => top + Math.min(1, Math.max(0, f)) * length;
  ctx.fillStyle = '#e3e6ec';
  ctx.fillRect(x, top, TRACK_WIDTH, length);
  ctx.fillStyle = '#b9c0cc';
  ctx.fillRect(x, at(track.shown[0]), TRACK_WIDTH, Math.max(2, at(track.shown[1]) - at(track.shown[0])));
  ctx.fillStyle = VIEW_STROKE;
  ctx.fillRect(x, at(track.view[0]), TRACK_WIDTH, Math.max(2, at(track.view[1]) - at(track.view[0])));
}

function MinimapPanel() {
  const t = useT();
  const store = useStoreApi();
  const flow = useReactFlow<LayerFlowNode, ShapeFlowEdge>();
  const nodes = useStore(nodesOf);
  const paneWidth = useStore(paneWidthOf);
  const paneHeight = useStore(paneHeightOf);
  const analysis = useScopeAnalysis();
  const marks = useMemo<Marks>(() => {
    const boxes = nodes.map(nodeBox);
    const colors = nodes.map((n) => ((analysis.nodes.get(n.id)?.errors.length ?? 0) > 0 ? ERROR_COLOR : (FAMILY_COLORS[n.data.family] ?? OTHER_COLOR)));
    return { boxes, colors };
  }, [nodes, analysis]);
  const graph = useMemo(() => boundsOf(marks.boxes), [marks]);
  const size = useMemo(() => minimapSize(graph, { width: paneWidth, height: paneHeight }), [graph, paneWidth, paneHeight]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layout = useRef<MinimapView | null>(null);

  // Redrawn once per frame at most while the view moves, without re-rendering React.
  useLayoutEffect(() => {
    let frame = 0;
    const paint = () => {
      frame = 0;
      const canvas = canvasRef.current;
      if (!canvas) return;
      layout.current = minimapView(graph, viewIn(store.getState()), size);
      draw(canvas, size, marks, layout.current);
      canvas.parentElement?.setAttribute('data-scrolls', String(!!layout.current.track));
    };
    paint();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform && !frame) frame = requestAnimationFrame(paint);
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store, graph, size, marks]);

  const moveViewBy = useCallback(
    (shift: Point) => {
      const { x, y, zoom } = flow.getViewport();
      void flow.setViewport({ x: x - shift.x * zoom, y: y - shift.y * zoom, zoom });
    },
    [flow],
  );
  const centreViewOn = useCallback(
    (at: Point) => {
      const view = viewIn(store.getState());
      moveViewBy({ x: at.x - (view.x + view.width / 2), y: at.y - (view.y + view.height / 2) });
    },
    [store, moveViewBy],
  );

  const drag = useRef<{ last: Point; onTrack: boolean } | null>(null);
  const local = (e: ReactPointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  /** The flow point the track stands for at a height on it, level with the view's centre. */
  const trackAt = (map: MinimapView, p: Point): Point => {
    const [top, bottom] = map.track?.whole ?? [0, 0];
    const f = Math.min(1, Math.max(0, (p.y - TRACK_INSET) / (size.height - 2 * TRACK_INSET)));
    const view = viewIn(store.getState());
    return { x: view.x + view.width / 2, y: top + f * (bottom - top) };
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const map = layout.current;
    if (!map || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = local(e);
    const onTrack = !!map.track && p.x >= size.width - TRACK_WIDTH - 2 * TRACK_INSET - 4;
    drag.current = { last: p, onTrack };
    if (onTrack) return centreViewOn(trackAt(map, p));
    const v = map.viewport;
    const inView = p.x >= v.x && p.x <= v.x + v.width && p.y >= v.y && p.y <= v.y + v.height;
    // Pressing outside the box brings the view there; from then on it is dragged.
    if (!inView) centreViewOn(mapToFlow(map, p));
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const map = layout.current;
    const d = drag.current;
    if (!map || !d) return;
    const p = local(e);
    if (d.onTrack) centreViewOn(trackAt(map, p));
    else moveViewBy(viewShiftFor(map, { x: p.x - d.last.x, y: p.y - d.last.y }));
    d.last = p;
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  // Not React's onWheel: that listener is passive, and the page must not scroll.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { zoom } = flow.getViewport();
      void flow.zoomTo(zoom * (e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [flow]);

  return (
    <Panel position="bottom-right">
      <div
        ref={box}
        className="minimap nowheel"
        style={size}
        role="img"
        aria-label={t('canvas.minimap')}
        data-testid="minimap"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <canvas ref={canvasRef} style={size} />
      </div>
    </Panel>
  );
}

export const Minimap = memo(MinimapPanel);
