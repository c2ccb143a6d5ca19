// Shared by the training tests: temp folders, graph files from templates, CIFAR-10-format
// batches, and running the real `reswire` command.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRunEvent, type RunEvent } from '../../shared/api/runEvents';
import { serializeDocument } from '../../shared/graph/serialize';
import { buildTemplate, type TemplateOptions } from '../../shared/templates/index';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'reswire.js');

export function tempFolder(prefix = 'reswire-train-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a template's graph as a user would save it, and returns the file path. */
export function templateFile(dir: string, name: string, template: string, options: TemplateOptions): string {
  const file = join(dir, name);
  writeFileSync(file, serializeDocument(buildTemplate(template, options)));
  return file;
}

/** CIFAR-10 binary records: the label decides the colour of a square, plus seeded noise. */
export function cifarBatch(records: number, seed: number): Buffer {
  const b = Buffer.alloc(records * 3073);
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let r = 0; r < records; r++) {
    const label = r % 10;
    b[r * 3073] = label;
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < 1024; p++) {
        const inSquare = (p >> 5) > 8 && (p >> 5) < 24 && (p & 31) > 8 && (p & 31) < 24;
        const base = inSquare ? 25 * label + 10 * c : 128;
        b[r * 3073 + 1 + c * 1024 + p] = Math.max(0, Math.min(255, base + Math.round((rand() - 0.5) * 40)));
      }
    }
  }
  return b;
}

export function writeCifarFolder(dir: string, train: number, test: number): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data_batch_1.bin'), cifarBatch(train, 1));
  writeFileSync(join(dir, 'test_batch.bin'), cifarBatch(test, 2));
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function reswire(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The dispatcher in-process with captured output: for refusals, where a process per case only adds seconds. */
export async function reswireInProcess(args: string[]): Promise<CliResult> {
  const { main } = await import('../../main/cli/index');
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

export function readEvents(file: string): RunEvent[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => parseRunEvent(JSON.parse(l)));
}
