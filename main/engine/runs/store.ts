// The run folder: runs/<id>/{run.json, events.jsonl, checkpoints/, model/}. Plain files, so a
// run can be read after a crash, diffed, or copied to another machine.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomicSync } from '../files/atomic';
import { type RunEvent, type RunRecord, RunRecordSchema, parseRunEvent } from '../../../shared/api/runEvents';

export const RUN_FILE = 'run.json';
export const EVENTS_FILE = 'events.jsonl';
export const DEFAULT_RUNS_DIR = 'runs';

/** sha256 (hex) of a graph document's JSON: two runs of the same graph have the same hash. */
export function hashGraph(graph: unknown): string {
  return createHash('sha256').update(JSON.stringify(graph)).digest('hex');
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'run';
}

/** A new, unused run id like 2025-11-28-114502-resnet-8, and its folder (created). */
export function createRunFolder(runsDir: string, graphName: string, at = new Date()): { id: string; dir: string } {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  mkdirSync(runsDir, { recursive: true });
  const base = `${stamp}-${slug(graphName)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const dir = join(runsDir, id);
    try {
      mkdirSync(dir); // fails if it exists: two runs started in the same second get -2, -3 ...
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    mkdirSync(join(dir, 'checkpoints'));
    return { id, dir: resolve(dir) };
  }
}

export function writeRunRecord(runDir: string, record: RunRecord): void {
  writeFileAtomicSync(join(runDir, RUN_FILE), JSON.stringify(record, null, 2) + '\n');
}

/** Appends one event as one line, synchronously: it is on disk before the next batch starts. */
export function appendEvent(runDir: string, event: RunEvent): void {
  appendFileSync(join(runDir, EVENTS_FILE), JSON.stringify(event) + '\n');
}

export class RunNotFoundError extends Error {
  readonly exitCode = 2;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads run.json; a run whose process is gone while it says "running" reads as interrupted. */
export function readRunRecord(runDir: string): RunRecord {
  const file = join(runDir, RUN_FILE);
  if (!existsSync(file)) throw new RunNotFoundError(`${runDir} is not a run folder: it has no ${RUN_FILE}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${(e as Error).message}).`, { cause: e });
  }
  const parsed = RunRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} is not a ResWire run record: ${issue.path.join('.')} ${issue.message}.`);
  }
  const record = parsed.data;
  if (record.status === 'running' && record.pid !== undefined && record.pid !== process.pid && !isAlive(record.pid)) {
    return { ...record, status: 'interrupted' };
  }
  return record;
}

/**
 * Reads events.jsonl. A last line cut short by a crash is skipped; any other bad line is an
 * error, since it means the file was edited or corrupted.
 */
export function readRunEvents(runDir: string): RunEvent[] {
  const file = join(runDir, EVENTS_FILE);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const events: RunEvent[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      events.push(parseRunEvent(JSON.parse(line)));
    } catch (e) {
      const last = lines.slice(i + 1).every((l) => l.trim() === '');
      if (!last) throw new Error(`${file} line ${i + 1} is not a run event: ${(e as Error).message}`, { cause: e });
    }
  });
  return events;
}

/** Finds a run by folder path, or by id under `runsDir`. */
export function resolveRunDir(run: string, runsDir = DEFAULT_RUNS_DIR): string {
  if (existsSync(join(run, RUN_FILE))) return resolve(run);
  const underRuns = join(runsDir, run);
  if (existsSync(join(underRuns, RUN_FILE))) return resolve(underRuns);
  throw new RunNotFoundError(`No run "${run}": give a run folder (with a ${RUN_FILE}) or a run id under ${runsDir}/.`);
}

export function readRun(runsDir: string, id: string): { record: RunRecord; events: RunEvent[]; dir: string } {
  const dir = resolveRunDir(id, runsDir);
  return { record: readRunRecord(dir), events: readRunEvents(dir), dir };
}

/** Every readable run under `runsDir`, newest first. Folders that are not runs are skipped. */
export function listRuns(runsDir = DEFAULT_RUNS_DIR): RunRecord[] {
  if (!existsSync(runsDir)) return [];
  const out: RunRecord[] = [];
  for (const d of readdirSync(runsDir, { withFileTypes: true })) {
    if (!d.isDirectory() || !existsSync(join(runsDir, d.name, RUN_FILE))) continue;
    try {
      out.push(readRunRecord(join(runsDir, d.name)));
    } catch {
      // A run.json being written by another tool or hand-edited badly: leave it out of the list.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
