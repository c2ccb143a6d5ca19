// One layer (or block instance) on the canvas: type, name, output shape, parameter count,
// ordered input ports, and any error with its Fix button.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { handleForPort } from '../editing/connect';
import { formatCount, formatExact } from '../editing/format';
import { useT } from '../i18n';
import { useDocument } from '../store/documentStore';
import { familyClass } from '../panels/families';
import type { LayerFlowNode } from './flowModel';

function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const t = useT();
  const hasError = data.errors.length > 0;
  const ports = Array.from({ length: data.ports }, (_, i) => i);
  const applyFix = (index: number) => {
    const fix = data.errors[index]?.fix;
    if (fix) useDocument.getState().edit(fix.edits);
  };
  const openBlock = () => {
    if (data.blockId) useDocument.getState().openBlock(data.blockId);
  };
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
          className={`port-in${data.usedPorts.includes(port) ? ' is-used' : ''}`}
          style={data.ports > 1 ? { left: `${((port + 1) / (data.ports + 1)) * 100}%` } : undefined}
          title={data.ports > 1 ? t('node.port', { n: port + 1 }) : t('node.input')}
        >
          {data.ports > 1 && <span className="port-number">{port + 1}</span>}
        </Handle>
      ))}
      <div className="layer-node-head">
        <span className="family-dot" />
        <span className="layer-node-type">{data.isBlock ? t('node.block') : data.type}</span>
        <span className="layer-node-id" title={id}>
          {id}
        </span>
      </div>
      {data.label && <div className="layer-node-label">{data.label}</div>}
      <div className="layer-node-stats">
        <span className="layer-node-shape" data-testid={`shape-${id}`}>
          {data.shape ?? '—'}
        </span>
        {data.params > 0 && (
          <span className="layer-node-params" title={t('node.paramsExact', { n: formatExact(data.params) })}>
            {t('node.params', { n: formatCount(data.params) })}
          </span>
        )}
      </div>
      {data.isBlock && (
        <button className="node-link nodrag" onClick={openBlock} title={t('node.openBlockHint')}>
          {t('node.openBlock')}
        </button>
      )}
      {data.errors.map((err, i) => (
        <div className="layer-node-error nodrag" key={i} data-testid={`error-${id}`}>
          <span className="error-badge" aria-hidden>
            !
          </span>
          <span className="error-text" title={err.message}>
            {err.message}
          </span>
          {err.fix && (
            <button className="fix-button" onClick={() => applyFix(i)} title={err.fix.title} data-testid={`fix-${id}`}>
              {t('node.fix')}
            </button>
          )}
        </div>
      ))}
      {data.hasOutput && <Handle id="out" type="source" position={Position.Bottom} className="port-out" title={t('node.output')} />}
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
