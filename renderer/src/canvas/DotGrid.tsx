// The dotted canvas background. React Flow's <Background> moves an SVG pattern on every
// frame of a pan, so the whole pane is re-rasterised each frame (in software on machines
// without a GPU, the biggest cost of panning a large graph). Here the dots are one tiled
// layer that a pan only moves: while the view moves it is a compositor layer (app.css,
// `.is-moving`), redrawn only when the zoom changes. At rest it is not, since a composited
// layer under the graph would make the browser composite the nodes too (greyscale text).
import { memo, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

/** React Flow's default; the stylesheet's --xy-background-pattern-color wins. */
const DEFAULT_DOT_COLOR = '#91919a';

const transformOf = (s: ReactFlowState) => s.transform;

// `clip`, not `hidden`: a hidden overflow that the layer spills over is a scroller, which the
// browser composites, with the same effect on the nodes above it.
const frame: CSSProperties = { position: 'absolute', inset: 0, overflow: 'clip', pointerEvents: 'none', zIndex: -1 };

function positiveModulo(x: number, m: number): number {
  return ((x % m) + m) % m;
}

function DotGridView({ gap, size }: { gap: number; size: number }) {
  const [tx, ty, zoom] = useStore(transformOf);
  const ref = useRef<HTMLDivElement>(null);
  const [color, setColor] = useState(DEFAULT_DOT_COLOR);
  useLayoutEffect(() => {
    const themed = ref.current && getComputedStyle(ref.current).getPropertyValue('--xy-background-pattern-color').trim();
    if (themed) setColor(themed);
  }, []);
  const cell = gap * zoom || 1;
  const radius = (size * zoom) / 2;
  const tile = useMemo(() => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cell}" height="${cell}"><circle cx="${radius}" cy="${radius}" r="${radius}" fill="${color}"/></svg>`;
    return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
  }, [cell, radius, color]);
  // Dots sit where React Flow's pattern puts them: half a cell up and left of each multiple
  // of the gap. The layer reaches one cell past every side, so any shift keeps it covered.
  const x = positiveModulo(tx - cell / 2, cell) - cell;
  const y = positiveModulo(ty - cell / 2, cell) - cell;
  const layer: CSSProperties = {
    position: 'absolute',
    left: 0,
    top: 0,
    width: `calc(100% + ${2 * cell}px)`,
    height: `calc(100% + ${2 * cell}px)`,
    backgroundImage: tile,
    backgroundSize: `${cell}px ${cell}px`,
    transform: `translate(${x}px, ${y}px)`,
  };
  return (
    <div ref={ref} className="react-flow__background dot-grid" style={frame} data-testid="rf__background">
      <div className="dot-grid-layer" style={layer} />
    </div>
  );
}

export const DotGrid = memo(DotGridView);
