// New, Open, Save, Save As and recent projects, through StudioApi. In Electron the
// dialogs are native; in web mode the API answers "in-page" and the studio shows its own
// file picker over the project folder.
import type { StudioRequest } from '../../../shared/api/studio';
import type { GraphDocument } from '../../../shared/graph/types';
import { getStudioApi } from '../api/client';
import { t } from '../i18n';
import { saidBy, type Said } from '../i18n/messageText';
import { useApp } from '../store/appStore';
import { isDirty, useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';

export const PROJECT_SUFFIX = '.reswire.json';

export async function refreshRecent(): Promise<void> {
  try {
    const { projects } = await getStudioApi().recentProjects();
    useApp.getState().setRecent(projects);
  } catch {
    // Recent projects are a convenience; the studio works without them.
  }
}

async function remember(path: string): Promise<void> {
  try {
    const { projects } = await getStudioApi().addRecent({ path });
    useApp.getState().setRecent(projects);
  } catch {
    // As above: never block opening or saving on the recent list.
  }
}

/** Asks before throwing away unsaved changes. */
export function confirmDiscard(): boolean {
  const s = useDocument.getState();
  if (!isDirty(s)) return true;
  return window.confirm(t('confirm.discard'));
}

export function newDocument(doc: GraphDocument): void {
  useDocument.getState().load(doc, null, false);
  useUi.getState().select([]);
}

/** Opens a project; when it cannot be opened, says why and changes nothing (the caller shows it). */
export async function tryOpenPath(path: string): Promise<{ ok: true } | { ok: false; problem: Said }> {
  const ui = useUi.getState();
  try {
    const res = await getStudioApi().openProject({ path });
    useDocument.getState().load(res.document as GraphDocument, res.relativePath || res.path);
    ui.select([]);
    ui.notify('success', res.migratedFrom !== null ? 'notice.openedMigrated' : 'notice.opened', { name: res.relativePath, version: res.migratedFrom ?? '' });
    await remember(res.relativePath || res.path);
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: saidBy(err) };
  }
}

/** Opens a project; a failure is told in a notice. */
export async function openPath(path: string): Promise<boolean> {
  const result = await tryOpenPath(path);
  if (!result.ok) useUi.getState().notify('error', 'notice.openFailed', undefined, result.problem);
  return result.ok;
}

export async function openProject(): Promise<void> {
  if (!confirmDiscard()) return;
  try {
    const res = await getStudioApi().pickOpenPath({});
    if (res.outcome === 'picked') await openPath(res.relativePath || res.path);
    else if (res.outcome === 'in-page') useUi.getState().openDialog('open');
  } catch (err) {
    useUi.getState().notify('error', 'notice.openFailed', undefined, saidBy(err));
  }
}

/**
 * Opens the project the system handed the desktop app (a file association, the command line,
 * a second launch, macOS open-file), if one waits, as Open does: asking before unsaved changes
 * are lost, and telling why a file cannot be opened.
 */
export async function openFromSystem(): Promise<void> {
  let path: string | null;
  try {
    ({ path } = await getStudioApi().takePendingOpen());
  } catch {
    // Without the Node side nothing can wait, and the connection problem is shown already.
    return;
  }
  if (path && confirmDiscard()) await openPath(path);
}

/** Saves the document; when it cannot be saved, says why and changes nothing (the caller shows it). */
export async function trySaveTo(path: string): Promise<{ ok: true } | { ok: false; problem: Said }> {
  const ui = useUi.getState();
  const doc = useDocument.getState().doc;
  const target = path.endsWith('.json') ? path : `${path}${PROJECT_SUFFIX}`;
  try {
    // The document is always at the current version (opening migrates), as the schema requires.
    const document = doc as StudioRequest<'saveProject'>['document'];
    const res = await getStudioApi().saveProject({ path: target, document });
    useDocument.getState().markSaved(doc, res.relativePath || res.path);
    ui.notify('success', 'notice.saved', { name: res.relativePath });
    await remember(res.relativePath || res.path);
    return { ok: true };
  } catch (err) {
    return { ok: false, problem: saidBy(err) };
  }
}

/** Saves the document; a failure is told in a notice. */
export async function saveTo(path: string): Promise<boolean> {
  const result = await trySaveTo(path);
  if (!result.ok) useUi.getState().notify('error', 'notice.saveFailed', undefined, result.problem);
  return result.ok;
}

export function suggestedFileName(doc: GraphDocument): string {
  const stem = doc.name.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'untitled';
  return `${stem}${PROJECT_SUFFIX}`;
}

export async function saveProjectAs(): Promise<void> {
  const doc = useDocument.getState().doc;
  try {
    const res = await getStudioApi().pickSavePath({ suggestedName: suggestedFileName(doc) });
    if (res.outcome === 'picked') await saveTo(res.relativePath || res.path);
    else if (res.outcome === 'in-page') useUi.getState().openDialog('saveAs');
  } catch (err) {
    useUi.getState().notify('error', 'notice.saveFailed', undefined, saidBy(err));
  }
}

export async function saveProject(): Promise<void> {
  const path = useDocument.getState().path;
  if (path) await saveTo(path);
  else await saveProjectAs();
}

/** Tells the shell about unsaved changes, so closing the window or tab asks first. */
export function trackDirty(): () => void {
  let last = false;
  return useDocument.subscribe((s) => {
    const dirty = isDirty(s);
    if (dirty === last) return;
    last = dirty;
    getStudioApi()
      .setDirty({ dirty })
      .catch(() => undefined);
  });
}
