// `npm run check:build`: checks the electron-vite build in out/ (buildOutput.ts), then runs the
// built main process under Node with a fake Electron (run-built-main.ts): it opens its window,
// serves its page, and trains one epoch through the studio API in the built training worker,
// so the worker, the wasm thread worker, the wasm binaries and onnxruntime's native binding
// are loaded from where the packaged app finds them. --no-train stops after the checks (npm run
// build runs it that way). Exits 1 with a sentence per problem.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkBuildOutput } from './buildOutput';

const root = path.resolve(import.meta.dirname, '../..');

function report(name: string, problems: string[], notes: string[]): boolean {
  console.log(`${problems.length ? '✗' : '✓'} ${name}${notes.length ? `: ${notes.join('; ')}` : ''}`);
  for (const p of problems) console.log(`  - ${p}`);
  return problems.length === 0;
}

function runBuiltMain(): boolean {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'run-built-main.ts')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const { problems, notes } = JSON.parse(last) as { problems: string[]; notes: string[] };
    return report('the built main process, with a fake Electron', problems, notes);
  } catch {
    const why = child.error?.message ?? (child.stderr.trim() || last || `exit code ${child.status}`);
    return report('the built main process, with a fake Electron', [`It did not report back: ${why}`], []);
  }
}

let ok = true;
for (const r of checkBuildOutput(root)) ok = report(r.name, r.problems, r.notes) && ok;
if (!process.argv.includes('--no-train')) {
  if (ok) ok = runBuiltMain();
  else console.log('- the built main process: not run, the build has problems');
}
process.exitCode = ok ? 0 : 1;
