// One validated properties field. Typed text is checked on every keystroke; a bad value
// shows an inline error and is never applied; Enter or leaving the field applies a good one.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ParamValue } from '../../../shared/graph/types';
import { fieldText, parseField, parseRef, refText, type FieldSpec } from '../editing/paramFields';
import { useT } from '../i18n';
import { optionText } from './layerText';

export interface ParamFieldProps {
  name: string;
  label: string;
  help?: string;
  spec: FieldSpec;
  value: ParamValue | undefined;
  /** Problem the analysis found with the stored value (e.g. from a loaded file). */
  storedError?: string;
  /** Inside a block definition: block params a value may refer to with @name. */
  blockParams?: readonly string[];
  onCommit(value: ParamValue): void;
}

export function ParamField({ name, label, help, spec, value, storedError, blockParams, onCommit }: ParamFieldProps) {
  const t = useT();
  const id = useId();
  const shown = refText(value) ?? fieldText(value ?? spec.default);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);

  const check = (text: string) => {
    if (blockParams && text.trim().startsWith('@')) return parseRef(text, blockParams);
    return parseField(spec, text);
  };
  const result = check(draft);
  const error = result.ok ? null : t(result.error, result.vars);
  const commit = () => {
    if (!result.ok || draft === shown) return;
    onCommit(result.value as ParamValue);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter applies and leaves the field, so the next Ctrl+Z undoes the change in the graph.
    if (e.key === 'Enter' && result.ok) e.currentTarget.blur();
    if (e.key === 'Escape') setDraft(shown);
  };

  const options = 'options' in spec && spec.options && !refText(value) ? spec.options.map(String) : null;
  let control;
  if (spec.kind === 'bool') {
    control = (
      <label className="switch">
        <input id={id} type="checkbox" checked={value === true || (value === undefined && spec.default === true)} onChange={(e) => onCommit(e.target.checked)} data-testid={`param-${name}`} />
        <span>{value === true || (value === undefined && spec.default === true) ? t('field.on') : t('field.off')}</span>
      </label>
    );
  } else if (options) {
    control = (
      <select
        id={id}
        value={shown}
        onChange={(e) => {
          const r = parseField(spec, e.target.value);
          if (r.ok) onCommit(r.value as ParamValue);
        }}
        data-testid={`param-${name}`}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {optionText(o)}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        className={error ? 'has-error' : ''}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        spellCheck={false}
        aria-invalid={!!error}
        data-testid={`param-${name}`}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id} title={help}>
        {label}
      </label>
      {control}
      {error && (
        <div className="field-error" role="alert" data-testid={`param-error-${name}`}>
          {error}
        </div>
      )}
      {!error && storedError && <div className="field-error">{storedError}</div>}
      {help && !error && <div className="field-help">{help}</div>}
    </div>
  );
}
