// Web mode's Open and Save As: a file list over the project folder, since a browser page
// cannot show the machine's own dialogs for the server's folder.
import { useCallback, useEffect, useState } from 'react';
import type { ProjectEntry } from '../../../shared/api/schemas';
import { getStudioApi } from '../api/client';
import { useT, type MessageKey } from '../i18n';
import { saidBy, useSay, type Said } from '../i18n/messageText';
import { suggestedFileName, tryOpenPath, trySaveTo } from '../project/projectActions';
import { useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { Modal } from './Modal';
import '../styles/filePicker.css';

function parentOf(dir: string): string {
  const i = dir.lastIndexOf('/');
  return i < 0 ? '' : dir.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/** What went wrong, kept as data so it follows a language switch; one about the name goes once it is edited. */
type Problem = ({ key: MessageKey } | { said: Said }) & { aboutName?: boolean };

export function FilePicker({ mode }: { mode: 'open' | 'saveAs' }) {
  const t = useT();
  const say = useSay();
  const [dir, setDir] = useState('');
  const [root, setRoot] = useState('');
  const [entries, setEntries] = useState<ProjectEntry[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [name, setName] = useState(() => suggestedFileName(useDocument.getState().doc));
  const [busy, setBusy] = useState(false);
  const close = useCallback(() => useUi.getState().openDialog('none'), []);

  useEffect(() => {
    let live = true;
    setEntries(null);
    getStudioApi()
      .listProjectFiles({ dir })
      .then((res) => {
        if (!live) return;
        setRoot(res.root);
        setEntries(res.entries);
        setProblem(null);
      })
      .catch((err: unknown) => live && setProblem({ said: saidBy(err) }));
    return () => {
      live = false;
    };
  }, [dir]);

  const shown = (entries ?? []).filter((e) => e.kind === 'folder' || e.name.endsWith('.json'));
  // A file that cannot be opened or saved is explained here, in the picker, where the user is
  // looking (a notice would sit behind the backdrop).
  const open = async (path: string) => {
    setBusy(true);
    const result = await tryOpenPath(path);
    setBusy(false);
    if (result.ok) close();
    else setProblem({ said: result.problem });
  };
  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed || /[\\/]/.test(trimmed)) {
      setProblem({ key: 'picker.badName', aboutName: true });
      return;
    }
    const exists = (entries ?? []).some((e) => e.kind === 'file' && (e.name === trimmed || e.name === `${trimmed}.reswire.json`));
    if (exists && !window.confirm(t('picker.overwrite', { name: trimmed }))) return;
    setBusy(true);
    const result = await trySaveTo(join(dir, trimmed));
    setBusy(false);
    if (result.ok) close();
    else setProblem({ said: result.problem, aboutName: true });
  };
  const rename = (next: string) => {
    setName(next);
    if (problem?.aboutName) setProblem(null);
  };
  const choose = (entry: ProjectEntry) => {
    if (entry.kind === 'folder') setDir(entry.path);
    else if (mode === 'open') void open(entry.path);
    else rename(entry.name);
  };

  return (
    <Modal title={t(mode === 'open' ? 'picker.openTitle' : 'picker.saveTitle')} onClose={close} testId="file-picker">
      <div className="picker-path">
        <button className="link" disabled={!dir} onClick={() => setDir(parentOf(dir))}>
          {t('picker.up')}
        </button>
        <code title={root}>{dir ? `${root}/${dir}` : root}</code>
      </div>
      <ul className="picker-list" data-testid="picker-list">
        {entries === null && !problem && <li className="muted">{t('picker.loading')}</li>}
        {entries !== null && shown.length === 0 && <li className="muted">{t('picker.empty')}</li>}
        {shown.map((e) => (
          <li key={e.path}>
            <button className={`picker-entry ${e.kind}`} onClick={() => choose(e)} onDoubleClick={() => e.kind === 'file' && mode === 'saveAs' && void save()} disabled={busy}>
              <span className="picker-icon" aria-hidden>
                {e.kind === 'folder' ? '▸' : '◇'}
              </span>
              <span className="picker-name">{e.name}</span>
              {e.kind === 'file' && <span className="picker-date">{new Date(e.modified).toLocaleString()}</span>}
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="field-error picker-problem" role="alert" data-testid="picker-problem">
          {'key' in problem ? t(problem.key) : say(problem.said)}
        </p>
      )}
      {mode === 'saveAs' && (
        <div className="picker-save">
          <label htmlFor="picker-name">{t('picker.fileName')}</label>
          <input id="picker-name" value={name} onChange={(e) => rename(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} data-testid="picker-name" autoFocus />
          <button className="primary" onClick={() => void save()} disabled={busy} data-testid="picker-save">
            {t('action.save')}
          </button>
        </div>
      )}
    </Modal>
  );
}
