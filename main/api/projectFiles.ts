// File operations behind the project methods: listing a folder, reading, and writing a file
// so that a crash, a full disk or a failed serialisation never leaves half a file behind.
import { readdir, readFile, stat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { StudioApiError } from '../../shared/api/errors';
import { writeFileAtomic as writeAtomically } from '../engine/files/atomic';
import { PROJECT_EXTENSION, type ProjectEntry } from '../../shared/api/schemas';
import { msg, type MessageArg } from '../../shared/i18n/messages';

const REASONS = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST', 'EMFILE'] as const;
type ReasonCode = (typeof REASONS)[number];

const ACTIONS = { open: 'file.openFailed', save: 'file.saveFailed', list: 'file.listFailed' } as const;

/** A sentence for a failed file operation, e.g. "Could not open a.json: there is no such file." */
export function fileProblem(action: keyof typeof ACTIONS, where: MessageArg, error: unknown): StudioApiError {
  if (error instanceof StudioApiError) return error;
  const code = (error as { code?: string }).code;
  const known = REASONS.find((r): r is ReasonCode => r === code);
  const reason = known ? msg(`file.${known}`, {}) : error instanceof Error ? error.message : String(error);
  return StudioApiError.of(msg(ACTIONS[action], { file: where, reason }));
}

export function looksLikeProject(name: string): boolean {
  return name.endsWith(PROJECT_EXTENSION) || name.endsWith('.json');
}

/** One folder's visible entries: folders first, then files, each alphabetically. */
export async function listFolder(absolute: string, relative: string): Promise<ProjectEntry[]> {
  let names: string[];
  try {
    names = await readdir(absolute);
  } catch (e) {
    throw fileProblem('list', relative || msg('project.folder', {}), e);
  }
  const entries: ProjectEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    try {
      const info = await stat(path.join(absolute, name));
      const kind = info.isDirectory() ? 'folder' : 'file';
      entries.push({
        name,
        path: relative ? `${relative}/${name}` : name,
        kind,
        isProject: kind === 'file' && looksLikeProject(name),
        size: kind === 'file' ? info.size : 0,
        modified: info.mtimeMs,
      });
    } catch {
      // A dangling link or a file removed while listing: not worth failing the listing for.
    }
  }
  return entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
}

export async function readTextFile(absolute: string, shownAs: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (e) {
    throw fileProblem('open', shownAs, e);
  }
}

/**
 * Writes `produce()`'s text to `absolute` atomically (engine/files/atomic.ts): the text is
 * made first, so a failing serialiser leaves the old file untouched. Returns the bytes written.
 */
export async function writeFileAtomic(absolute: string, shownAs: string, produce: () => string): Promise<number> {
  const text = produce();
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeAtomically(absolute, text);
  } catch (e) {
    throw fileProblem('save', shownAs, e);
  }
  return Buffer.byteLength(text, 'utf8');
}
