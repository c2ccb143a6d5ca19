// Handlers for project files, recent projects, dialogs and the unsaved-changes flag.
import path from 'node:path';
import { StudioApiError } from '../../shared/api/errors';
import type { RecentProject } from '../../shared/api/schemas';
import { list, msg, type Message } from '../../shared/i18n/messages';
import { parseDocument } from '../../shared/graph/schema';
import { serializeDocument } from '../../shared/graph/serialize';
import type { StudioContext, NativePick } from './context';
import type { StudioHandlers } from './dispatch';
import { listFolder, readTextFile, writeFileAtomic } from './projectFiles';

type ProjectHandlers = Pick<
  StudioHandlers,
  'listProjectFiles' | 'openProject' | 'saveProject' | 'recentProjects' | 'addRecent' | 'pickOpenPath' | 'pickSavePath' | 'setDirty' | 'takePendingOpen'
>;

/** The first three problems as clauses of one sentence, and how many more there are. */
function problemsInWords(texts: readonly Message[]) {
  return {
    problems: list(texts.slice(0, 3), 'clauses'),
    more: texts.length > 3 ? msg('project.moreProblems', { count: texts.length - 3 }) : '',
  };
}

export function createProjectHandlers(ctx: StudioContext): ProjectHandlers {
  const { folder, recent, shell } = ctx;

  /**
   * Electron only: the user chose this file in a system dialog, which is consent to use its
   * folder, so that folder becomes the project folder. Web mode never gets here.
   */
  function adopt(pick: NativePick) {
    if (pick.outcome !== 'picked') return pick;
    if (folder.relativeIfInside(pick.absolute) === null) folder.moveTo(path.dirname(pick.absolute));
    const where = folder.resolve(pick.absolute);
    return { outcome: 'picked' as const, path: where.absolute, relativePath: where.relative };
  }

  /** In web mode, only recent projects inside the folder can be opened, so only those are offered. */
  function reachable(projects: RecentProject[]): RecentProject[] {
    return folder.fixed ? projects.filter((p) => folder.relativeIfInside(p.path) !== null) : projects;
  }

  /**
   * Where a project to open is. One outside the folder may still be opened where the folder can
   * move (Electron) and the user chose it before: a recent project, or a file the system handed
   * over. The folder moves only once the file has opened, so a failed open leaves it alone.
   */
  async function locateForOpen(requested: string): Promise<{ absolute: string; shownAs: string; adopt: boolean }> {
    try {
      const where = folder.resolve(requested);
      return { absolute: where.absolute, shownAs: where.relative, adopt: false };
    } catch (e) {
      const absolute = path.resolve(folder.root, requested);
      if (folder.fixed || !(shell.handedOver(absolute) || (await recent.has(absolute)))) throw e;
      return { absolute, shownAs: path.basename(absolute), adopt: true };
    }
  }

  return {
    async listProjectFiles({ dir }) {
      const where = folder.resolve(dir ?? '');
      return { root: folder.root, dir: where.relative, entries: await listFolder(where.absolute, where.relative) };
    },

    async openProject({ path: requested }) {
      const located = await locateForOpen(requested);
      const text = await readTextFile(located.absolute, located.shownAs);
      const parsed = parseDocument(text);
      if (!parsed.ok) {
        throw StudioApiError.of(msg('project.notAGraph', { file: located.shownAs, ...problemsInWords(parsed.texts) }));
      }
      if (located.adopt) folder.moveTo(path.dirname(located.absolute));
      const where = folder.resolve(located.absolute);
      return {
        path: where.absolute,
        relativePath: where.relative,
        text,
        document: parsed.doc,
        migratedFrom: parsed.migratedFrom ?? null,
      };
    },

    async saveProject({ path: requested, document }) {
      const where = folder.resolve(requested);
      if (where.relative === '') throw StudioApiError.of(msg('project.noFileName', {}));
      const bytes = await writeFileAtomic(where.absolute, where.relative, () => {
        // The same checks as opening: never write a file the studio would refuse to reopen.
        const checked = parseDocument(document);
        if (!checked.ok) {
          throw StudioApiError.of(msg('project.notSaved', { file: where.relative, ...problemsInWords(checked.texts) }));
        }
        return serializeDocument(checked.doc);
      });
      return { path: where.absolute, relativePath: where.relative, bytes };
    },

    async recentProjects() {
      return { projects: reachable(await recent.list()) };
    },

    async addRecent({ path: requested }) {
      const where = folder.resolve(requested);
      return { projects: reachable(await recent.add(where.absolute)) };
    },

    async pickOpenPath(request) {
      return adopt(await shell.pickOpenPath(request, folder.root));
    },

    async pickSavePath(request) {
      return adopt(await shell.pickSavePath(request, folder.root));
    },

    async setDirty({ dirty }) {
      ctx.dirty = dirty;
      shell.setDirty(dirty);
      return { dirty };
    },

    async takePendingOpen() {
      return { path: shell.takePendingOpen() };
    },
  };
}
