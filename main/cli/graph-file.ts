// Reading and writing graph files for the CLI: every failure becomes one sentence naming the
// file (a UsageError, exit 2), and writes are atomic so a crash never leaves half a graph.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseDocument } from '../../shared/graph/schema';
import { writeFileAtomic as writeAtomically } from '../engine/files/atomic';
import type { GraphDocument } from '../../shared/graph/types';
import { UsageError } from './command';

function fsProblem(action: 'read' | 'write', file: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: action === 'read' ? 'no such file' : `the folder ${dirname(file)} does not exist`,
    EISDIR: 'it is a folder, not a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a part of the path is not a folder',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
  };
  return new UsageError(`Cannot ${action} ${file}: ${why[code ?? ''] ?? (err as Error).message}.`);
}

export interface LoadedGraph {
  doc: GraphDocument;
  /** The version the file was written in, when it was migrated on the way in. */
  migratedFrom?: number;
}

/** Reads, migrates and validates a graph file; throws UsageError naming the file and the problem. */
export async function readGraphFile(file: string): Promise<LoadedGraph> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw fsProblem('read', file, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON (${(err as Error).message.replace(/\.$/, '')}).`);
  }
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problems)` : '';
    throw new UsageError(`${file}: ${parsed.errors[0].replace(/\.$/, '')}${more}.`);
  }
  return parsed.migratedFrom === undefined ? { doc: parsed.doc } : { doc: parsed.doc, migratedFrom: parsed.migratedFrom };
}

/** Writes text to `file` atomically (engine/files/atomic.ts); a failure is one sentence. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  try {
    await writeAtomically(file, text);
  } catch (err) {
    throw fsProblem('write', file, err);
  }
}
