// The "add a parameter" form of an opened block definition: name, type, default (and the
// choices of a choice param). A name that cannot work is explained as it is typed; the rest
// when the user asks to add it. Adding is one undoable edit of the document.
import { useId, useState, type KeyboardEvent } from 'react';
import type { BlockDefinition } from '../../../shared/graph/types';
import { BLOCK_PARAM_KINDS, draftSpec, type BlockParamDraft, type BlockParamKind } from '../editing/blockParams';
import { useT } from '../i18n';
import { useDocument } from '../store/documentStore';

const EMPTY: BlockParamDraft = { name: '', kind: 'int', defaultText: '', optionsText: '' };

export function AddBlockParam({ def }: { def: BlockDefinition }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<BlockParamDraft>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const check = draftSpec(def, draft);
  // A bad name shows at once; a missing default or choice only once the user tries to add.
  const refusal = check.ok ? null : attempted || (check.field === 'name' && draft.name.trim() !== '') ? check : null;
  const change = (part: Partial<BlockParamDraft>) => setDraft((d) => ({ ...d, ...part }));
  const setKind = (kind: BlockParamKind) => change({ kind, defaultText: kind === 'bool' ? 'false' : '', optionsText: kind === 'enum' ? draft.optionsText : '' });

  const add = () => {
    setAttempted(true);
    const result = useDocument.getState().addBlockParam(draft);
    if (!result.ok) return;
    setDraft(EMPTY);
    setAttempted(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') add();
  };
  const marked = (field: string) => (refusal?.field === field ? 'has-error' : '');

  return (
    <div className="add-block-param" data-testid="add-param-form">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('blockDef.name')}</label>
        <input
          id={`${id}-name`}
          className={marked('name')}
          value={draft.name}
          placeholder={t('blockDef.namePlaceholder')}
          spellCheck={false}
          onChange={(e) => change({ name: e.target.value })}
          onKeyDown={onKeyDown}
          aria-invalid={refusal?.field === 'name'}
          data-testid="new-param-name"
        />
      </div>
      <div className="add-block-param-pair">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('blockDef.kind')}</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(e) => setKind(e.target.value as BlockParamKind)} data-testid="new-param-kind">
            {BLOCK_PARAM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`blockDef.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-default`}>{t('blockDef.defaultValue')}</label>
          {draft.kind === 'bool' ? (
            <select id={`${id}-default`} value={draft.defaultText} onChange={(e) => change({ defaultText: e.target.value })} data-testid="new-param-default">
              <option value="false">{t('field.off')}</option>
              <option value="true">{t('field.on')}</option>
            </select>
          ) : (
            <input
              id={`${id}-default`}
              className={marked('default')}
              value={draft.defaultText}
              placeholder={draft.kind === 'enum' ? t('blockDef.firstChoice') : draft.kind === 'int' ? '16' : '0.5'}
              spellCheck={false}
              onChange={(e) => change({ defaultText: e.target.value })}
              onKeyDown={onKeyDown}
              aria-invalid={refusal?.field === 'default'}
              data-testid="new-param-default"
            />
          )}
        </div>
      </div>
      {draft.kind === 'enum' && (
        <div className="field">
          <label htmlFor={`${id}-options`}>{t('blockDef.options')}</label>
          <input
            id={`${id}-options`}
            className={marked('options')}
            value={draft.optionsText}
            placeholder={t('blockDef.optionsPlaceholder')}
            spellCheck={false}
            onChange={(e) => change({ optionsText: e.target.value })}
            onKeyDown={onKeyDown}
            aria-invalid={refusal?.field === 'options'}
            data-testid="new-param-options"
          />
        </div>
      )}
      {refusal && (
        <div className="field-error" role="alert" data-testid="add-param-error">
          {t(refusal.error, refusal.vars)}
        </div>
      )}
      <div className="props-actions">
        <button className="primary" onClick={add} data-testid="add-param">
          {t('blockDef.add')}
        </button>
      </div>
    </div>
  );
}
