// The folder every project path is resolved against. The UI may only reach files inside it
// (symbolic links included), so a page that goes wrong cannot read or write elsewhere.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { StudioApiError } from '../../shared/api/errors';
import { msg } from '../../shared/i18n/messages';

export interface ResolvedPath {
  absolute: string;
  /** Relative to the project folder, forward slashes, '' for the folder itself. */
  relative: string;
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real location of a path that may not exist yet: its deepest existing ancestor, resolved. */
function realLocation(absolute: string): string {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

export class ProjectFolder {
  #root: string;

  /**
   * @param fixed true in web mode: the folder given at launch is the only one. false in
   * Electron: choosing a file in a native dialog makes its folder the project folder.
   */
  constructor(
    root: string,
    readonly fixed: boolean,
  ) {
    this.#root = path.resolve(root);
  }

  get root(): string {
    return this.#root;
  }

  /** Resolves a path from the UI (relative to the folder, or absolute) and refuses one outside it. */
  resolve(requested: string): ResolvedPath {
    if (requested.includes('\0')) throw StudioApiError.of(msg('folder.nul', {}));
    const absolute = path.resolve(this.#root, requested);
    const realRoot = realLocation(this.#root);
    if (!isInside(this.#root, absolute) || !isInside(realRoot, realLocation(absolute))) {
      throw StudioApiError.of(msg(this.fixed ? 'folder.outsideFixed' : 'folder.outside', { requested, root: this.#root }));
    }
    return { absolute, relative: path.relative(this.#root, absolute).split(path.sep).join('/') };
  }

  /** Makes `folder` the project folder (Electron, after the user picked a file there). */
  moveTo(folder: string): void {
    if (this.fixed) throw StudioApiError.of(msg('folder.fixed', {}));
    this.#root = path.resolve(folder);
  }

  /** Where an absolute path would be relative to the folder; null when outside. */
  relativeIfInside(absolute: string): string | null {
    const resolved = path.resolve(absolute);
    if (!isInside(this.#root, resolved)) return null;
    return path.relative(this.#root, resolved).split(path.sep).join('/');
  }
}
