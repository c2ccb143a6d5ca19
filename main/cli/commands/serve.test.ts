// `reswire serve` refuses bad options with one sentence and exit 2, before serving anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../index';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-serve-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('reswire serve options', () => {
  it('refuses a port that is not one', async () => {
    for (const port of ['http', '-1', '70000']) {
      const r = await run(['serve', '--no-open', `--port=${port}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`reswire serve: --port must be a whole number from 0 to 65535 (0 picks a free port), not "${port}".\n`);
    }
  });

  it('refuses a project folder that does not exist or is a file', async () => {
    const missing = await run(['serve', '--no-open', '--dir', path.join(tmp, 'nope')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain(`The project folder ${path.join(tmp, 'nope')} does not exist; create it or pass another with --dir.`);
    writeFileSync(path.join(tmp, 'file'), '');
    expect((await run(['serve', '--no-open', '--dir', path.join(tmp, 'file')])).stderr).toContain('is a file, not a folder; --dir takes the project folder.');
  });

  it('documents its options in --help', async () => {
    const r = await run(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--port N[\s\S]*--dir DIR[\s\S]*--no-open/);
  });
});
