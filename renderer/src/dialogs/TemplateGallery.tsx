// New: a blank canvas or a template, with its options (depth, plain twin, pre-activation).
import { useMemo, useState } from 'react';
import { TEMPLATES, buildTemplate, type TemplateInfo } from '../../../shared/templates/registry';
import { useLanguage, useT } from '../i18n';
import { useSay } from '../i18n/messageText';
import { ZH_TEMPLATES, ZH_TEMPLATE_OPTIONS } from '../i18n/templateText';
import { confirmDiscard, newDocument } from '../project/projectActions';
import { emptyDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { Modal } from './Modal';
import { initialDrafts, readOptions, type OptionDrafts } from './templateOptions';

const BLANK = 'blank';

function useTemplateText() {
  const zh = useLanguage((s) => s.language) === 'zh';
  return {
    template: (info: TemplateInfo) => (zh && ZH_TEMPLATES[info.id]) || { label: info.label, description: info.description },
    option: (name: string, spec: { label: string; help: string }) => (zh && ZH_TEMPLATE_OPTIONS[name]) || spec,
  };
}

export function TemplateGallery() {
  const t = useT();
  const text = useTemplateText();
  const [selected, setSelected] = useState<string>('resnet');
  const info = TEMPLATES.find((x) => x.id === selected);
  const [drafts, setDrafts] = useState<Record<string, OptionDrafts>>({});
  const current = useMemo(() => drafts[selected] ?? (info ? initialDrafts(info.options) : {}), [drafts, selected, info]);
  // The error itself, so its message follows a language switch while the dialog is open.
  const [failure, setFailure] = useState<{ message: string } | null>(null);
  const say = useSay();
  const close = () => useUi.getState().openDialog('none');
  const setDraft = (name: string, value: string | boolean) => {
    setDrafts({ ...drafts, [selected]: { ...current, [name]: value } });
    setFailure(null);
  };
  const read = info ? readOptions(info.id, info.options, current) : null;
  const problem = read && 'problem' in read ? read.problem : null;

  const create = () => {
    if (!confirmDiscard()) return;
    if (!info) {
      newDocument(emptyDocument(t('doc.untitled')));
      close();
      return;
    }
    if (!read || 'problem' in read) return;
    try {
      newDocument(buildTemplate(info.id, read.values));
      useUi.getState().notify('success', 'notice.created', { name: text.template(info).label });
      close();
    } catch (err) {
      setFailure(err instanceof Error ? err : { message: String(err) });
    }
  };

  return (
    <Modal title={t('gallery.title')} onClose={close} wide testId="template-gallery">
      <div className="gallery">
        <ul className="gallery-list">
          <li>
            <button className={`gallery-card${selected === BLANK ? ' is-active' : ''}`} onClick={() => setSelected(BLANK)} data-testid="template-blank">
              <span className="gallery-card-title">{t('gallery.blank')}</span>
              <span className="gallery-card-text">{t('gallery.blankText')}</span>
            </button>
          </li>
          {TEMPLATES.map((tpl) => (
            <li key={tpl.id}>
              <button className={`gallery-card${selected === tpl.id ? ' is-active' : ''}`} onClick={() => setSelected(tpl.id)} data-testid={`template-${tpl.id}`}>
                <span className="gallery-card-title">{text.template(tpl).label}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="gallery-detail">
          <h3>{info ? text.template(info).label : t('gallery.blank')}</h3>
          <p className="props-description">{info ? text.template(info).description : t('gallery.blankText')}</p>
          {info &&
            Object.entries(info.options).map(([name, spec]) => {
              const label = text.option(name, spec);
              const fieldId = `tpl-${name}`;
              if (spec.kind === 'bool') {
                return (
                  <label key={name} className="check-row" title={label.help}>
                    <input type="checkbox" checked={current[name] === true} onChange={(e) => setDraft(name, e.target.checked)} data-testid={`option-${name}`} />
                    <span>
                      {label.label}
                      <span className="field-help inline">{label.help}</span>
                    </span>
                  </label>
                );
              }
              return (
                <div className="field" key={name}>
                  <label htmlFor={fieldId}>{label.label}</label>
                  <input id={fieldId} value={String(current[name])} onChange={(e) => setDraft(name, e.target.value)} className={problem?.name === name ? 'has-error' : ''} data-testid={`option-${name}`} />
                  {spec.kind === 'int' && spec.suggestions && (
                    <div className="chips">
                      {spec.suggestions.map((s) => (
                        <button key={s} className={`chip${String(current[name]) === String(s) ? ' is-active' : ''}`} onClick={() => setDraft(name, String(s))}>
                          {s}
                        </button>
                      ))}
                    </div>
                  )}
                  {problem?.name === name ? <div className="field-error">{t(problem.key, problem.vars)}</div> : <div className="field-help">{label.help}</div>}
                </div>
              );
            })}
          {failure && <p className="field-error">{say(failure)}</p>}
          <div className="modal-actions">
            <button onClick={close}>{t('action.cancel')}</button>
            <button className="primary" onClick={create} disabled={!!problem} data-testid="gallery-create">
              {t('gallery.create')}
            </button>
          </div>
        </div>
      </div>
    </Modal>
  );
}
