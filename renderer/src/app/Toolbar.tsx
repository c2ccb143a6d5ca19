// The top bar: file actions, edit actions, block and layout actions, help and language.
import { useEffect, useRef, useState } from 'react';
import { canvasBridge } from '../canvas/canvasBridge';
import { groupSelection, openPlainTwin, tidy, ungroupSelection } from '../canvas/commands';
import { LANGUAGES, useLanguage, useT } from '../i18n';
import { confirmDiscard, openPath, openProject, refreshRecent, saveProject, saveProjectAs } from '../project/projectActions';
import { useApp } from '../store/appStore';
import { isDirty, useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';

function RecentMenu() {
  const t = useT();
  const recent = useApp((s) => s.recent);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    void refreshRecent();
    const close = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button onClick={() => setOpen(!open)} aria-expanded={open} data-testid="recent-button">
        {t('action.recent')} <span aria-hidden>▾</span>
      </button>
      {open && (
        <ul className="menu-list" role="menu">
          {recent.length === 0 && <li className="muted">{t('recent.none')}</li>}
          {recent.map((r) => (
            <li key={r.path}>
              <button
                role="menuitem"
                title={r.path}
                onClick={() => {
                  setOpen(false);
                  if (confirmDiscard()) void openPath(r.path);
                }}
              >
                <span>{r.name}</span>
                <span className="muted small">{r.path}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Toolbar() {
  const t = useT();
  const name = useDocument((s) => s.doc.name);
  const path = useDocument((s) => s.path);
  const dirty = useDocument(isDirty);
  const canUndo = useDocument((s) => s.history.past.length > 0);
  const canRedo = useDocument((s) => s.history.future.length > 0);
  const selectedCount = useUi((s) => s.selectedNodes.length);
  const language = useLanguage((s) => s.language);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${name} — ResWire`;
  }, [name, dirty]);
  const doc = useDocument.getState();
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ⟿
        </span>
        ResWire
      </div>
      <div className="doc-title" title={path ?? t('doc.notSaved')} data-testid="doc-title">
        <span className="doc-name">{name}</span>
        {path && <span className="doc-file">{path.split('/').pop()}</span>}
        {dirty && (
          <span className="dirty-dot" title={t('doc.dirty')} data-testid="dirty-marker">
            ●
          </span>
        )}
      </div>
      <div className="tool-group">
        <button onClick={() => useUi.getState().openDialog('gallery')} data-testid="new-button">
          {t('action.new')}
        </button>
        <button onClick={() => void openProject()} data-testid="open-button">
          {t('action.open')}
        </button>
        <RecentMenu />
        <button onClick={() => void saveProject()} data-testid="save-button">
          {t('action.save')}
        </button>
        <button onClick={() => void saveProjectAs()} data-testid="save-as-button">
          {t('action.saveAs')}
        </button>
      </div>
      <div className="tool-group">
        <button onClick={doc.undo} disabled={!canUndo} title={t('action.undo')} data-testid="undo-button">
          ↶ {t('action.undo')}
        </button>
        <button onClick={doc.redo} disabled={!canRedo} title={t('action.redo')} data-testid="redo-button">
          ↷ {t('action.redo')}
        </button>
      </div>
      <div className="tool-group">
        <button onClick={groupSelection} disabled={selectedCount === 0} data-testid="group-button">
          {t('action.group')}
        </button>
        <button onClick={ungroupSelection} disabled={selectedCount === 0} data-testid="ungroup-button">
          {t('action.ungroup')}
        </button>
        <button onClick={() => void tidy()} data-testid="tidy-button">
          {t('action.tidy')}
        </button>
        <button onClick={() => canvasBridge()?.fitView()}>{t('action.fit')}</button>
        <button onClick={openPlainTwin} title={t('action.plainTwinHint')} data-testid="plain-twin-button">
          {t('action.plainTwin')}
        </button>
      </div>
      <div className="tool-group end">
        <button className="icon-button" onClick={() => useUi.getState().openDialog('shortcuts')} title={t('action.shortcuts')} data-testid="shortcuts-button">
          ?
        </button>
        <select value={language} onChange={(e) => useLanguage.getState().setLanguage(e.target.value as 'en' | 'zh')} aria-label={t('action.language')} data-testid="language-select">
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}
