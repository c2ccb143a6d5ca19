// A node's optional display name; applied on Enter or when the field loses focus.
import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n';

export function LabelField({ value, placeholder, onCommit }: { value: string; placeholder: string; onCommit(label: string): void }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('props.label')}</label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
        data-testid="param-label"
      />
    </div>
  );
}
