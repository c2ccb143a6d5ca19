// Atomic writes: the new text replaces the old whole, no temporary file stays behind, and a
// failed write leaves the old file as it was.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from './atomic';

const dir = mkdtempSync(join(tmpdir(), 'reswire-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['sync', async (f: string, t: string) => writeFileAtomicSync(f, t)],
  ['async', writeFileAtomic],
] as const)('writeFileAtomic (%s)', (kind, write) => {
  it('creates, then replaces the whole file, leaving nothing else in the folder', async () => {
    const sub = join(dir, `ok-${kind}`);
    mkdirSync(sub);
    const file = join(sub, 'run.json');
    await write(file, 'first');
    await write(file, 'second, longer');
    expect(readFileSync(file, 'utf8')).toBe('second, longer');
    expect(readdirSync(sub)).toEqual(['run.json']);
  });

  it('leaves the old file and no temporary file when the write cannot finish', async () => {
    const sub = join(dir, `fail-${kind}`);
    mkdirSync(sub);
    const target = join(sub, 'taken');
    mkdirSync(target); // renaming a file over a folder fails
    writeFileSync(join(sub, 'other.json'), 'old');
    await expect(Promise.resolve().then(() => write(target, 'new'))).rejects.toThrow();
    expect(readdirSync(sub).sort()).toEqual(['other.json', 'taken']);
    await expect(Promise.resolve().then(() => write(join(sub, 'missing', 'x.json'), 'new'))).rejects.toThrow(/ENOENT/);
    expect(readFileSync(join(sub, 'other.json'), 'utf8')).toBe('old');
  });
});
