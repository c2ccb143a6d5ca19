// A wire labelled with the tensor shape it carries. A wire that skips far down a column
// (a shortcut) arcs out to the side instead of running through the layers it skips.
import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ShapeFlowEdge } from './flowModel';

const SKIP_MIN_DY = 170;
const SKIP_MAX_DX = 90;
const ARC = 150;

function skipPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const dy = ty - sy;
  const side = Math.max(sx, tx) + ARC;
  const path = `M ${sx},${sy} C ${sx},${sy + 50} ${side},${sy + 40} ${side},${sy + Math.min(140, dy / 3)} L ${side},${ty - Math.min(140, dy / 3)} C ${side},${ty - 40} ${tx},${ty - 50} ${tx},${ty}`;
  return [path, side, sy + dy / 2];
}

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const isSkip = targetY - sourceY > SKIP_MIN_DY && Math.abs(targetX - sourceX) < SKIP_MAX_DX;
  const [path, labelX, labelY] = isSkip
    ? skipPath(sourceX, sourceY, targetX, targetY)
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const invalid = data?.invalid ?? false;
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={markerEnd}
      className={`shape-edge${invalid ? ' is-invalid' : ''}${selected ? ' is-selected' : ''}`}
      label={data?.label}
      labelX={labelX}
      labelY={labelY}
      labelShowBg
      labelBgPadding={[5, 2]}
      labelBgBorderRadius={4}
      labelStyle={{ fontSize: 10.5 }}
      interactionWidth={14}
    />
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
