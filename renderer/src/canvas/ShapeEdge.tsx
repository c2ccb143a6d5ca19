// A wire labelled with the tensor shape it carries. A wire that skips far down a column
// (a shortcut) arcs out to the side instead of running through the layers it skips.
import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { formatShape } from '../editing/format';
import { useNodeInfo } from '../store/analysis';
import type { ShapeFlowEdge } from './flowModel';
import { LABEL_FONT_PX, labelSize } from './labelSize';

const SKIP_MIN_DY = 170;
const SKIP_MAX_DX = 90;
/** Wires spanning more than one row between columns take an elbow route. */
const ELBOW_MIN_DY = 120;
const ARC = 150;
/** How far below the source (and above the target) the shortcut runs sideways. */
const RUN_OFFSET = 9;
const CORNER = 6;
const LABEL_PAD_X = 5;
const LABEL_PAD_Y = 2;
const LABEL_STYLE = { fontSize: LABEL_FONT_PX };

/** The shape on a wire, drawn as React Flow's edge text is but sized without measuring the page. */
function ShapeLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const { width, height } = labelSize(text);
  return (
    <g transform={`translate(${x - width / 2} ${y - height / 2})`} className="react-flow__edge-textwrapper">
      <rect className="react-flow__edge-textbg" x={-LABEL_PAD_X} y={-LABEL_PAD_Y} width={width + 2 * LABEL_PAD_X} height={height + 2 * LABEL_PAD_Y} rx={4} ry={4} />
      <text className="react-flow__edge-text" y={height / 2} dy="0.3em" style={LABEL_STYLE}>
        {text}
      </text>
    </g>
  );
}

/**
 * A shortcut leaves just under its source, runs out to the side in the gap between layers,
 * down past the layers it skips, and back in just above its target: it never crosses them.
 */
function skipPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
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
  return [path, side, (y1 + y2) / 2];
}

/**
 * A wire between columns runs sideways in the gap next to one end: just below its source
 * when it branches off, just above its target when it joins the main path. Either way it
 * crosses the gap between two rows instead of the layers in a column.
 */
function elbowPath(sx: number, sy: number, tx: number, ty: number, nearTarget: boolean): [string, number, number] {
  const y = nearTarget ? ty - RUN_OFFSET : sy + RUN_OFFSET;
  const dir = tx > sx ? 1 : -1;
  const r = Math.min(CORNER * 2, Math.abs(tx - sx) / 2, RUN_OFFSET);
  const path = [
    `M ${sx},${sy}`,
    `L ${sx},${y - r} Q ${sx},${y} ${sx + dir * r},${y}`,
    `L ${tx - dir * r},${y} Q ${tx},${y} ${tx},${y + r}`,
    `L ${tx},${ty}`,
  ].join(' ');
  return nearTarget ? [path, sx, (sy + y) / 2] : [path, tx, (y + ty) / 2];
}

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  // The label is the shape its source puts out, read from the analysis store by each wire.
  const src = useNodeInfo(source);
  const dy = targetY - sourceY;
  const dx = Math.abs(targetX - sourceX);
  let route: [string, number, number];
  // Only a shortcut joining the main path arcs aside; a long wire along the column stays straight.
  if (data?.joinsMain && dy > SKIP_MIN_DY && dx < SKIP_MAX_DX) route = skipPath(sourceX, sourceY, targetX, targetY);
  else if (dy > ELBOW_MIN_DY && dx >= SKIP_MAX_DX) route = elbowPath(sourceX, sourceY, targetX, targetY, data?.joinsMain ?? false);
  else {
    const [path, x, y] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    route = [path, x, y];
  }
  const [path, labelX, labelY] = route;
  const invalid = !src?.outputShape || src.errors.length > 0;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={markerEnd} className={`shape-edge${invalid ? ' is-invalid' : ''}${selected ? ' is-selected' : ''}`} interactionWidth={14} />
      <ShapeLabel x={labelX} y={labelY} text={src?.outputShape ? formatShape(src.outputShape) : '?'} />
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
