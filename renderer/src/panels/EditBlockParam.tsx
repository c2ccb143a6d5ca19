// Changing an existing block param in place: its default, and a choice's choices. Checked as
// it is typed, with the checks of adding one; Apply (or Enter) commits one undoable edit,
// Cancel (or Escape) leaves the param as it was.
import { useId, useState, type KeyboardEvent } from 'react';
import type { BlockParamSpec } from '../../../shared/graph/types';
import { changeOf, checkChange, type BlockParamChange } from '../editing/blockParams';
import { useT } from '../i18n';
import { currentScope, useDocument } from '../store/documentStore';
import { refusalText } from './blockParamRefusal';
import { optionText } from './layerText';

/** The choices as typed so far, for the default's list (the checks say what is wrong with them). */
function typedChoices(text: string): string[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  return parts.filter((p, i) => parts.indexOf(p) === i);
}

export function EditBlockParam({ name, spec, onDone }: { name: string; spec: BlockParamSpec; onDone(): void }) {
  const t = useT();
  const id = useId();
  const doc = useDocument((s) => s.doc);
  const scope = useDocument(currentScope);
  const [change, setChange] = useState<BlockParamChange>(() => changeOf(spec));
  const choices = spec.kind === 'enum' ? typedChoices(change.optionsText) : [];
  // A choice's default is picked from the choices typed; one that left the list gives way to the first.
  const typed = spec.kind === 'enum' && !choices.includes(change.defaultText) ? { ...change, defaultText: '' } : change;
  const check = scope === null ? null : checkChange(doc, scope, name, typed);
  const refusal = check && !check.ok ? check : null;

  const apply = () => {
    if (useDocument.getState().changeBlockParam(name, typed).ok) onDone();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') apply();
    if (e.key === 'Escape') onDone();
  };
  const marked = (field: string) => (refusal?.field === field ? 'has-error' : '');

  // A number param that offers fixed values (a stride of 1 or 2) picks its default among them.
  const offered = spec.kind !== 'enum' && spec.kind !== 'bool' && spec.options ? spec.options.map(String) : null;
  let defaultField;
  if (spec.kind === 'bool' || spec.kind === 'enum' || offered) {
    const values = offered ?? (spec.kind === 'bool' ? ['false', 'true'] : choices);
    const label = (v: string) => (spec.kind === 'bool' ? t(v === 'true' ? 'field.on' : 'field.off') : optionText(v));
    defaultField = (
      <select id={`${id}-default`} value={typed.defaultText || values[0]} onChange={(e) => setChange({ ...change, defaultText: e.target.value })} onKeyDown={onKeyDown} autoFocus data-testid={`edit-param-default-${name}`}>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    );
  } else {
    defaultField = (
      <input
        id={`${id}-default`}
        className={marked('default')}
        value={change.defaultText}
        spellCheck={false}
        onChange={(e) => setChange({ ...change, defaultText: e.target.value })}
        onKeyDown={onKeyDown}
        aria-invalid={refusal?.field === 'default'}
        autoFocus
        data-testid={`edit-param-default-${name}`}
      />
    );
  }

  return (
    <div className="edit-block-param" data-testid={`edit-param-${name}`}>
      <div className="field">
        <label htmlFor={`${id}-default`}>{t('blockDef.defaultValue')}</label>
        {defaultField}
      </div>
      {spec.kind === 'enum' && (
        <div className="field">
          <label htmlFor={`${id}-options`}>{t('blockDef.options')}</label>
          <input
            id={`${id}-options`}
            className={marked('options')}
            value={change.optionsText}
            spellCheck={false}
            onChange={(e) => setChange({ ...change, optionsText: e.target.value })}
            onKeyDown={onKeyDown}
            aria-invalid={refusal?.field === 'options'}
            data-testid={`edit-param-options-${name}`}
          />
        </div>
      )}
      {refusal ? (
        <div className="field-error" role="alert" data-testid="edit-param-error">
          {refusalText(refusal, t)}
        </div>
      ) : (
        <p className="field-help inline">{t('blockDef.editHint')}</p>
      )}
      <div className="props-actions">
        <button className="primary" onClick={apply} disabled={refusal !== null} data-testid={`apply-param-${name}`}>
          {t('blockDef.apply')}
        </button>
        <button onClick={onDone} data-testid={`cancel-param-${name}`}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
