// The recent-projects list, kept in the user's settings folder (one JSON file) so both the
// desktop app and `reswire serve` remember what was opened last.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { recentProjectSchema, type RecentProject } from '../../shared/api/schemas';
import { writeFileAtomic } from './projectFiles';

const MAX_RECENT = 12;
const storedSchema = z.object({ projects: z.array(recentProjectSchema) });

/** $XDG_CONFIG_HOME/reswire, ~/Library/Application Support/reswire or %APPDATA%\reswire. */
export function defaultSettingsDir(): string {
  if (process.env.RESWIRE_SETTINGS_DIR) return process.env.RESWIRE_SETTINGS_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'reswire');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'reswire');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'reswire');
}

export class RecentProjects {
  readonly #file: string;

  constructor(settingsDir: string) {
    this.#file = path.join(settingsDir, 'recent.json');
  }

  /** Most recent first; files that no longer exist are left out. A damaged list reads as empty. */
  async list(): Promise<RecentProject[]> {
    let stored: RecentProject[];
    try {
      stored = storedSchema.parse(JSON.parse(await readFile(this.#file, 'utf8'))).projects;
    } catch {
      return [];
    }
    return stored.filter((p) => existsSync(p.path));
  }

  async add(absolute: string, now = new Date()): Promise<RecentProject[]> {
    const entry: RecentProject = { path: absolute, name: path.basename(absolute), openedAt: now.toISOString() };
    const projects = [entry, ...(await this.list()).filter((p) => p.path !== absolute)].slice(0, MAX_RECENT);
    // Losing the recent list is a nuisance, not a failure of what the user asked for.
    await writeFileAtomic(this.#file, 'the recent projects list', () => JSON.stringify({ projects }, null, 2) + '\n').catch(
      () => undefined,
    );
    return projects;
  }

  async has(absolute: string): Promise<boolean> {
    return (await this.list()).some((p) => p.path === path.resolve(absolute));
  }
}
