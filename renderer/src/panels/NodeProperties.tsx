// Properties of one selected node: its params as validated fields, its shapes and counts,
// and for a block instance the block's own params plus open/ungroup.
import { getLayer } from '../../../shared/catalog';
import type { ParamSpec } from '../../../shared/catalog/types';
import { BLOCK_NODE_TYPE, type GraphNode, type ParamValue } from '../../../shared/graph/types';
import { ungroupSelection } from '../canvas/commands';
import { formatCount, formatExact, formatShape } from '../editing/format';
import { replaceScopeGraph, scopeGraph } from '../editing/scope';
import { useT } from '../i18n';
import { useSay } from '../i18n/messageText';
import { useScopeAnalysis } from '../store/analysis';
import { currentScope, useDocument } from '../store/documentStore';
import { blockDescription, blockName, describeLayer, paramText } from './layerText';
import { ParamField } from './ParamField';
import { LabelField } from './LabelField';
import { RichText } from './RichText';

function visible(spec: ParamSpec, params: GraphNode['params'], all: Record<string, ParamSpec>): boolean {
  if (!spec.shownWhen) return true;
  const v = params[spec.shownWhen.param] ?? all[spec.shownWhen.param]?.default;
  return spec.shownWhen.oneOf.includes(v as never);
}

export function NodeProperties({ node }: { node: GraphNode }) {
  const t = useT();
  const say = useSay();
  const doc = useDocument((s) => s.doc);
  const scope = useDocument(currentScope);
  const info = useScopeAnalysis().nodes.get(node.id);
  const setParam = (name: string, value: ParamValue) => useDocument.getState().edit([{ op: 'setParams', nodeId: node.id, params: { [name]: value } }]);
  const setLabel = (label: string) => {
    const view = scopeGraph(doc, scope);
    const nodes = view.nodes.map((n) => {
      if (n.id !== node.id) return n;
      const { label: _old, ...rest } = n;
      return label.trim() ? { ...rest, label: label.trim() } : rest;
    });
    useDocument.getState().commit(replaceScopeGraph(doc, scope, { nodes, edges: view.edges }));
  };
  const scopeParams = scope ? Object.keys(doc.blocks[scope]?.params ?? {}) : undefined;
  const fieldError = (name: string) => {
    const error = info?.errors.find((e) => e.field === name);
    return error && say(error);
  };

  let title: string;
  let description: string;
  let fields: React.ReactNode[];
  const isBlock = node.type === BLOCK_NODE_TYPE;
  const def = isBlock && typeof node.params.block === 'string' ? doc.blocks[node.params.block] : undefined;
  if (isBlock) {
    title = def ? blockName(def) : t('props.missingBlock');
    description = (def && blockDescription(def)) ?? t('props.blockDescription', { n: def?.nodes.length ?? 0 });
    fields = Object.entries(def?.params ?? {}).map(([name, spec]) => {
      const text = paramText('Block', name, spec);
      return (
        <ParamField key={name} name={name} label={text.label} help={text.help} spec={spec} value={node.params[name]} storedError={fieldError(name)} onCommit={(v) => setParam(name, v)} />
      );
    });
  } else {
    const layer = getLayer(node.type);
    title = layer?.label ?? node.type;
    description = layer ? describeLayer(node.type, layer.description) : t('props.unknownType', { type: node.type });
    const specs = (layer?.params ?? {}) as Record<string, ParamSpec>;
    fields = Object.entries(specs)
      .filter(([, spec]) => visible(spec, node.params, specs))
      .map(([name, spec]) => {
        const text = paramText(node.type, name, spec);
        return (
          <ParamField
            key={name}
            name={name}
            label={text.label}
            help={text.help}
            spec={spec}
            value={node.params[name]}
            storedError={fieldError(name)}
            blockParams={scopeParams}
            onCommit={(v) => setParam(name, v)}
          />
        );
      });
  }

  const params = info ? info.trainableParams + info.nonTrainableParams : 0;
  return (
    <div className="properties" data-testid="node-properties">
      <div className="props-head">
        <h2>{title}</h2>
        <code className="props-id">{node.id}</code>
      </div>
      <p className="props-description">
        <RichText text={description} />
      </p>
      <LabelField value={node.label ?? ''} placeholder={isBlock ? (def ? blockName(def) : '') : node.type} onCommit={setLabel} />
      {fields.length > 0 && <div className="props-section-title">{t(isBlock ? 'props.blockParams' : 'props.params')}</div>}
      {fields}
      {isBlock && def && (
        <div className="props-actions">
          <button onClick={() => useDocument.getState().openBlock(def.id)} data-testid="open-block">
            {t('props.openBlock')}
          </button>
          <button onClick={ungroupSelection} data-testid="ungroup">
            {t('props.ungroup')}
          </button>
        </div>
      )}
      <div className="props-section-title">{t('props.shapes')}</div>
      <dl className="props-stats">
        <dt>{t('props.inputs')}</dt>
        <dd>{info && info.inputShapes.length ? info.inputShapes.map((s) => formatShape(s)).join(', ') : '—'}</dd>
        <dt>{t('props.output')}</dt>
        <dd data-testid="props-output-shape">{info?.outputShape ? formatShape(info.outputShape) : '—'}</dd>
        <dt>{t('props.weights')}</dt>
        <dd title={formatExact(params)}>
          {formatCount(params)}
          {info && info.nonTrainableParams > 0 && <span className="muted"> ({t('props.nonTrainable', { n: formatCount(info.nonTrainableParams) })})</span>}
        </dd>
        <dt>{t('props.macs')}</dt>
        <dd title={formatExact(info?.macs ?? 0)}>{formatCount(info?.macs ?? 0)}</dd>
      </dl>
      {info && info.errors.length > 0 && (
        <>
          <div className="props-section-title">{t('props.problems')}</div>
          <ul className="problem-list">
            {info.errors.map((e, i) => (
              <li key={i}>
                <span>{say(e)}</span>
                {e.fix && (
                  <button className="fix-button" onClick={() => useDocument.getState().edit(e.fix!.edits)} title={say(e.fix)}>
                    {t('node.fix')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
