// A name field (a node's label, the graph's name); applied on Enter or when it loses focus.
import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n';

export interface LabelFieldProps {
  value: string;
  placeholder: string;
  /** Defaults to the node's "Name on canvas". */
  label?: string;
  testId?: string;
  onCommit(label: string): void;
}

export function LabelField({ value, placeholder, label, testId = 'param-label', onCommit }: LabelFieldProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('props.label')}</label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setDraft(value);
        }}
        data-testid={testId}
      />
    </div>
  );
}
