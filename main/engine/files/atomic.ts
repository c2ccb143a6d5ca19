// Atomic file writes for every part of the Node side (run records, graph files from the
// command line, projects saved from the studio): the text goes to a temporary file beside
// the target, is flushed to disk, then renamed over the target, so a reader or a crash sees
// the old file or the new one, never half of one. On failure the temporary file is removed
// and the error is rethrown as it came; callers turn it into their own sentence.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomicSync(file: string, text: string): void {
  const temp = temporaryBeside(file);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // It was never created, or the rename already moved it.
    }
    throw e;
  }
}

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = temporaryBeside(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
