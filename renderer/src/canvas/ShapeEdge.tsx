// A wire labelled with the tensor shape it carries, routed by edgeRoutes. The label keeps
// clear of error notes: it slides along the wire to a free spot, or is left out when the
// wire runs under notes all the way (its source layer shows the same shape).
import { memo, useMemo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { formatShape } from '../editing/format';
import { useNodeInfo } from '../store/analysis';
import { useCanvasOverlays } from './canvasOverlays';
import { placeLabel, wireRoute } from './edgeRoutes';
import type { ShapeFlowEdge } from './flowModel';
import { LABEL_FONT_PX, labelSize } from './labelSize';

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

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>) {
  const { source, sourceX, sourceY, targetX, targetY, data, selected, markerEnd } = props;
  // The label is the shape its source puts out, read from the analysis store by each wire.
  const src = useNodeInfo(source);
  const joinsMain = data?.joinsMain ?? false;
  const route = useMemo(() => wireRoute({ sourceX, sourceY, targetX, targetY, joinsMain }), [sourceX, sourceY, targetX, targetY, joinsMain]);
  const text = src?.outputShape ? formatShape(src.outputShape) : '?';
  const notes = useCanvasOverlays((s) => s.noteRects);
  const at = useMemo(() => {
    const size = labelSize(text);
    return placeLabel(route, { width: size.width + 2 * LABEL_PAD_X, height: size.height + 2 * LABEL_PAD_Y }, notes);
  }, [route, text, notes]);
  const invalid = !src?.outputShape || src.errors.length > 0;
  return (
    <>
      <BaseEdge id={props.id} path={route.path} markerEnd={markerEnd} className={`shape-edge${invalid ? ' is-invalid' : ''}${selected ? ' is-selected' : ''}`} interactionWidth={14} />
      {at && <ShapeLabel x={at.x} y={at.y} text={text} />}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
