// Spawns the real `reswire` command (node bin/reswire.js) the way a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function reswire(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join(root, 'bin/reswire.js'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, and a function that removes it. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'reswire-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The same dispatcher called in-process with captured output: for long tables of bad
 * inputs, where spawning a process per case would only add seconds.
 */
export async function reswireInProcess(...args: string[]): Promise<CliResult> {
  const { main } = await import('../../main/cli/index');
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
