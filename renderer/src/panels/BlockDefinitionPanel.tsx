// With a block definition open and nothing selected: the block's own params, each with an
// edit button (its default, and a choice's choices) and a remove button (refused, with the
// layers named, while layers inside still use it), and the form that adds one. Instances show
// every param with its default until they set it.
import { useState } from 'react';
import { BLOCK_NODE_TYPE, type BlockDefinition, type BlockParamSpec, type GraphDocument } from '../../../shared/graph/types';
import type { Refusal } from '../editing/blockParams';
import { useT, type Translate } from '../i18n';
import { useDocument } from '../store/documentStore';
import { AddBlockParam } from './AddBlockParam';
import { refusalText } from './blockParamRefusal';
import { EditBlockParam } from './EditBlockParam';
import { blockDescription, blockName, optionText, paramText } from './layerText';
import '../styles/blockParams.css';

function instanceCount(doc: GraphDocument, blockId: string): number {
  const graphs = [doc.nodes, ...Object.values(doc.blocks).map((b) => b.nodes)];
  return graphs.reduce((sum, nodes) => sum + nodes.filter((n) => n.type === BLOCK_NODE_TYPE && n.params.block === blockId).length, 0);
}

function defaultText(spec: BlockParamSpec, t: Translate): string {
  if (typeof spec.default === 'boolean') return spec.default ? t('field.on') : t('field.off');
  return spec.kind === 'enum' ? optionText(String(spec.default)) : String(spec.default);
}

export function BlockDefinitionPanel({ def }: { def: BlockDefinition }) {
  const t = useT();
  const doc = useDocument((s) => s.doc);
  const [refused, setRefused] = useState<{ name: string; refusal: Refusal } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const params = Object.entries(def.params);
  const remove = (name: string) => {
    const result = useDocument.getState().removeBlockParam(name);
    setRefused(result.ok ? null : { name, refusal: result });
  };
  const edit = (name: string) => {
    setRefused(null);
    setEditing(editing === name ? null : name);
  };

  return (
    <div className="properties" data-testid="block-definition">
      <div className="props-head">
        <h2>{blockName(def)}</h2>
        <code className="props-id">{def.id}</code>
      </div>
      <p className="props-description">
        {blockDescription(def) && (
          <>
            {blockDescription(def)}
            <br />
          </>
        )}
        {t('blockDef.instances', { n: instanceCount(doc, def.id) })}
      </p>
      <div className="props-section-title">{t('props.blockParams')}</div>
      {params.length === 0 ? (
        <p className="props-description">{t('blockDef.noParams')}</p>
      ) : (
        <ul className="block-param-list" data-testid="block-param-list">
          {params.map(([name, spec]) => (
            <li key={name} data-testid={`block-param-${name}`}>
              <div className="block-param-row">
                <div className="block-param-text">
                  <span className="block-param-label">{paramText(BLOCK_NODE_TYPE, name, spec).label}</span>
                  <code className="block-param-ref">@{name}</code>
                  <span className="block-param-meta">
                    {t(`blockDef.kind.${spec.kind}`)} · {t('blockDef.default', { value: defaultText(spec, t) })}
                  </span>
                </div>
                <button
                  className={`icon-button block-param-edit ${editing === name ? 'is-active' : ''}`}
                  onClick={() => edit(name)}
                  title={t(spec.kind === 'enum' ? 'blockDef.editChoices' : 'blockDef.edit', { name })}
                  aria-label={t(spec.kind === 'enum' ? 'blockDef.editChoices' : 'blockDef.edit', { name })}
                  aria-expanded={editing === name}
                  data-testid={`edit-param-button-${name}`}
                >
                  ✎
                </button>
                <button
                  className="icon-button block-param-remove"
                  onClick={() => remove(name)}
                  title={t('blockDef.remove', { name })}
                  aria-label={t('blockDef.remove', { name })}
                  data-testid={`remove-param-${name}`}
                >
                  ×
                </button>
              </div>
              {editing === name && <EditBlockParam key={`${def.id}:${name}`} name={name} spec={spec} onDone={() => setEditing(null)} />}
              {refused?.name === name && def.params[name] && (
                <div className="field-error" role="alert" data-testid="remove-param-error">
                  {refusalText(refused.refusal, t)}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="field-help inline">{t('blockDef.refHint')}</p>
      <div className="props-section-title">{t('blockDef.addTitle')}</div>
      <AddBlockParam def={def} />
    </div>
  );
}
