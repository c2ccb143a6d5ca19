// A node's errors, drawn as a note beside it with a Fix button where a fix exists. The note
// takes the side where it covers the least of the graph and is seen whole: a node near the
// right edge of the canvas (where the properties panel begins) gets its note on the left,
// one near the bottom gets a note that grows upwards. The note's box is published so that
// wire labels keep clear of it.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { GraphError } from '../../../shared/graph/analysis';
import { useT } from '../i18n';
import { useSay } from '../i18n/messageText';
import { useCanvasOverlays } from './canvasOverlays';
import { wireRoute, ARC } from './edgeRoutes';
import { nodeBox, wireEnds, type LayerFlowNode, type ShapeFlowEdge } from './flowModel';
import { intersects, type Point, type Rect } from './geometry';
import { NOTE_HEIGHT_ESTIMATE, PLACEMENTS, crowding, noteReach, noteRect, placeNote, roomInView, type NotePlacement } from './notePlacement';

const nodesOf = (s: ReactFlowState) => s.nodes as LayerFlowNode[];
const edgesOf = (s: ReactFlowState) => s.edges as ShapeFlowEdge[];

/** What a note of this node would cover at each placement: the layers and wires around it. */
function crowdAround(nodeId: string, nodes: readonly LayerFlowNode[], edges: readonly ShapeFlowEdge[], height: number): Record<NotePlacement, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = byId.get(nodeId);
  const crowd = { right: 0, left: 0, 'right-up': 0, 'left-up': 0 };
  if (!self) return crowd;
  const box = nodeBox(self);
  const reach = noteReach(box, height);
  const layers: Rect[] = [];
  for (const n of nodes) {
    if (n.id === nodeId) continue;
    const r = nodeBox(n);
    if (intersects(r, reach)) layers.push(r);
  }
  const wires: Point[][] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    const ends = wireEnds(source, target, e);
    // A wire stays between its ends, or within a shortcut's arc to their right.
    const left = Math.min(ends.sourceX, ends.targetX);
    const span = { x: left - 1, y: Math.min(ends.sourceY, ends.targetY) - 1, width: Math.abs(ends.targetX - ends.sourceX) + ARC + 2, height: Math.abs(ends.targetY - ends.sourceY) + 2 };
    if (intersects(span, reach)) wires.push(wireRoute(ends).points);
  }
  for (const p of PLACEMENTS) crowd[p] = crowding(noteRect(box, height, p), layers, wires);
  return crowd;
}

interface ErrorNotesProps {
  nodeId: string;
  errors: readonly GraphError[];
  onFix(index: number): void;
}

function ErrorNotesView({ nodeId, errors, onFix }: ErrorNotesProps) {
  const t = useT();
  const say = useSay();
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(NOTE_HEIGHT_ESTIMATE);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.offsetHeight);
    const observer = new ResizeObserver(() => setHeight(el.offsetHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const nodes = useStore(nodesOf);
  const edges = useStore(edgesOf);
  const crowd = useMemo(() => crowdAround(nodeId, nodes, edges, height), [nodeId, nodes, edges, height]);
  const covers = useCanvasOverlays((s) => s.covers);
  // Re-evaluated as the view moves, but the note re-renders only when its placement changes.
  const placementIn = useCallback(
    (s: ReactFlowState): NotePlacement => {
      const n = s.nodeLookup.get(nodeId);
      if (!n) return 'right';
      const box = { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 };
      const room = s.width > 0 && s.height > 0 ? roomInView(s.transform, s, covers) : null;
      return placeNote(box, height, crowd, room);
    },
    [nodeId, height, crowd, covers],
  );
  const placement = useStore(placementIn);

  const self = nodes.find((n) => n.id === nodeId);
  const box = useMemo(() => (self ? nodeBox(self) : null), [self]);
  const setNote = useCanvasOverlays((s) => s.setNote);
  useLayoutEffect(() => {
    if (box) setNote(nodeId, noteRect(box, height, placement));
  }, [setNote, nodeId, box, height, placement]);
  useEffect(() => () => setNote(nodeId, null), [setNote, nodeId]);

  return (
    <div ref={ref} className={`layer-node-errors nodrag is-${placement}`} data-testid={`error-${nodeId}`} data-placement={placement}>
      {errors.map((err, i) => (
        <div className="layer-node-error" key={i}>
          <span className="error-badge" aria-hidden>
            !
          </span>
          <span className="error-text" title={say(err)}>
            {say(err)}
          </span>
          {err.fix && (
            <button className="fix-button" onClick={() => onFix(i)} title={say(err.fix)} data-testid={`fix-${nodeId}`}>
              {t('node.fix')}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}

export const ErrorNotes = memo(ErrorNotesView);
