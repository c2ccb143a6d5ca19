// One layer (or block instance) on the canvas: type, name, output shape, parameter count,
// ordered input ports, and any error (a note beside it, see ErrorNotes) with its Fix button.
import { memo, useCallback, useEffect, useRef } from 'react';
import { Handle, Position, useStore, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { handleForPort } from '../editing/connect';
import { portFraction } from '../editing/layout';
import { formatCount, formatExact, formatShape } from '../editing/format';
import { useT } from '../i18n';
import { useNodeInfo } from '../store/analysis';
import { useDocument } from '../store/documentStore';
import { familyClass } from '../panels/families';
import { blockName } from '../panels/layerText';
import { ErrorNotes } from './ErrorNotes';
import { shownPortCount, type LayerFlowNode } from './flowModel';

const NO_ERRORS: never[] = [];
const connectingSelector = (s: { connection: { inProgress: boolean } }) => s.connection.inProgress;

function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const t = useT();
  // Shape, weights and errors come from the analysis store, so a re-inference re-renders
  // only the nodes whose results changed (and only those on screen).
  const info = useNodeInfo(id);
  const errors = info?.errors ?? NO_ERRORS;
  const params = info ? info.trainableParams + info.nonTrainableParams : 0;
  const hasError = errors.length > 0;
  const def = useDocument((s) => (data.blockId ? s.doc.blocks[data.blockId] : undefined));
  const title = data.label ?? (data.isBlock ? (def ? blockName(def) : data.blockId) : data.type);
  // A spare input port on a merge layer appears only while a wire is being dragged.
  const connecting = useStore(connectingSelector);
  const portCount = shownPortCount(data, connecting);
  const ports = Array.from({ length: portCount }, (_, i) => i);
  // React Flow measures handles with the node; a port added while dragging must be re-measured.
  const updateNodeInternals = useUpdateNodeInternals();
  const shownPorts = useRef(portCount);
  useEffect(() => {
    if (shownPorts.current === portCount) return;
    shownPorts.current = portCount;
    updateNodeInternals(id);
  }, [portCount, id, updateNodeInternals]);
  const applyFix = useCallback(
    (index: number) => {
      const fix = errors[index]?.fix;
      if (fix) useDocument.getState().edit(fix.edits);
    },
    [errors],
  );
  return (
    <div
      className={`layer-node ${familyClass(data.family)}${selected ? ' is-selected' : ''}${hasError ? ' has-error' : ''}${data.isBlock ? ' is-block' : ''}`}
      data-testid={`node-${id}`}
      data-node-type={data.type}
    >
      {ports.map((port) => (
        <Handle
          key={port}
          id={handleForPort(port)}
          type="target"
          position={Position.Top}
          className={`port-in${data.usedPorts.includes(port) ? ' is-used' : ''}${data.multiInput ? ' is-numbered' : ''}`}
          style={data.multiInput ? { left: `${portFraction(port, portCount) * 100}%` } : undefined}
          title={data.multiInput ? t('node.port', { n: port + 1 }) : t('node.input')}
        >
          {data.multiInput && <span className="port-number">{port + 1}</span>}
        </Handle>
      ))}
      <div className="layer-node-head" title={`${title} (${data.isBlock ? t('node.block') : data.type})`}>
        <span className="family-dot" />
        <span className="layer-node-type">{title}</span>
        {!data.isBlock && (
          <span className="layer-node-id" title={id}>
            {id}
          </span>
        )}
      </div>
      {/* A block's name is long: its id gets a line of its own. */}
      {data.isBlock && (
        <div className="layer-node-sub" title={id}>
          {id}
        </div>
      )}
      <div className="layer-node-stats">
        <span className="layer-node-shape" data-testid={`shape-${id}`}>
          {info?.outputShape ? formatShape(info.outputShape) : '—'}
        </span>
        {params > 0 && (
          <span className="layer-node-params" title={t('node.paramsExact', { n: formatExact(params) })}>
            {t('node.params', { n: formatCount(params) })}
          </span>
        )}
      </div>
      {errors.length > 0 && <ErrorNotes nodeId={id} errors={errors} onFix={applyFix} />}
      {data.hasOutput && <Handle id="out" type="source" position={Position.Bottom} className="port-out" title={t('node.output')} />}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
