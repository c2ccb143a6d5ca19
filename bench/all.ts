// `npm run bench`: every speed figure of issue 5 in one JSON object on stdout (progress on
// stderr; the object is also written to test-results/perf/bench.json). Figures, not
// pass/fail: quote ratios from one run, since the build machines are shared.
//
//   npm run bench [-- --only engine,pytorch,mnist,inference,editor] [--rounds N] [--rerun-editor]
//
// engine     reswire bench resnet --depth 20 --batch-size 64 --steps 5 --json
// pytorch    ../shared/bench/resnet20_torch.py (RESWIRE_TORCH_BENCH) with THREADS = cores, run
//            right after the engine; skipped with a note without the script or PyTorch
// mnist      ResNet-8 on MNIST, one epoch of 8,000 samples, and the event stream's cost
//            (streaming on and off, interleaved, --rounds times; 4 runs a round)
// inference  bench/inference.bench.ts
// editor     test-results/perf/editor.json from e2e/perf.e2e.test.ts (run when missing, or
//            with --rerun-editor)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trainingFigures } from './training';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'test-results', 'perf');
const EDITOR_JSON = path.join(OUT_DIR, 'editor.json');
const SECTIONS = ['engine', 'pytorch', 'mnist', 'inference', 'editor'] as const;
type Section = (typeof SECTIONS)[number];

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Ran {
  ok: boolean;
  stdout: string;
  why: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 900_000): Ran {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 << 20 });
  const why = r.error ? r.error.message : r.status !== 0 ? `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ')}` : '';
  return { ok: !r.error && r.status === 0, stdout: r.stdout ?? '', why };
}

/** The last line of stdout that parses as a JSON object. */
function lastJson(stdout: string): Record<string, unknown> | null {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object') return v as Record<string, unknown>;
    } catch {
      // progress or other text
    }
  }
  return null;
}

function engineResnet20(): Record<string, unknown> {
  log('engine: ResNet-20, batch 64, 5 steps (reswire bench)');
  const r = run(process.execPath, [path.join(ROOT, 'bin', 'reswire.js'), 'bench', 'resnet', '--depth', '20', '--batch-size', '64', '--steps', '5', '--json']);
  const json = r.ok ? lastJson(r.stdout) : null;
  return json ?? { skipped: `reswire bench failed (${r.why || 'no JSON printed'}).` };
}

function pythonWithTorch(): string | null {
  // Debian's python3-torch belongs to the system Python, which a pyenv or venv python3 on PATH may hide.
  const candidates = [process.env.RESWIRE_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  for (const py of candidates) {
    if (run(py, ['-c', 'import torch'], {}, 120_000).ok) return py;
  }
  return null;
}

function pytorchResnet20(engine: Record<string, unknown>): Record<string, unknown> {
  const script = process.env.RESWIRE_TORCH_BENCH ?? path.resolve(ROOT, '..', 'shared', 'bench', 'resnet20_torch.py');
  if (!existsSync(script)) {
    return { skipped: `No PyTorch reference script at ${script}: set RESWIRE_TORCH_BENCH to resnet20_torch.py to get the ratio.` };
  }
  const python = pythonWithTorch();
  if (!python) return { skipped: 'PyTorch is not installed (apt-get install python3-torch, or set RESWIRE_PYTHON to a python3 that has torch).' };
  const threads = os.cpus().length;
  log(`pytorch: ${path.basename(script)}, ${threads} threads (${python})`);
  const r = run(python, [script, '5', '64'], { THREADS: String(threads) });
  const torch = r.ok ? lastJson(r.stdout) : null;
  if (!torch) return { skipped: `The PyTorch reference failed (${r.why || 'no JSON printed'}).` };
  const torchRate = Number(torch.samples_per_s);
  const engineRate = Number(engine.samplesPerSec);
  return {
    ...torch,
    // The issue's target: at least 0.25 (aim for 0.5) of PyTorch on all cores.
    engineOverPytorch: Number.isFinite(engineRate) && torchRate > 0 ? Number((engineRate / torchRate).toFixed(3)) : null,
  };
}

function inference(): Record<string, unknown> {
  log('inference: bench/inference.bench.ts');
  const r = run(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'bench', 'inference.bench.ts')]);
  if (!r.ok) return { skipped: `bench/inference.bench.ts failed (${r.why}).` };
  try {
    return JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    return lastJson(r.stdout) ?? { skipped: 'bench/inference.bench.ts printed no JSON.' };
  }
}

function editor(rerun: boolean): Record<string, unknown> {
  if (rerun || !existsSync(EDITOR_JSON)) {
    log('editor: running e2e/perf.e2e.test.ts in Chromium');
    const r = run(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '-c', 'vitest.e2e.config.ts', 'e2e/perf.e2e.test.ts']);
    if (!r.ok && !existsSync(EDITOR_JSON)) return { skipped: `The editor perf e2e failed (${r.why}).` };
    if (!r.ok) return { skipped: `The editor perf e2e failed (${r.why}); an older editor.json exists.` };
  } else {
    log(`editor: from ${path.relative(ROOT, EDITOR_JSON)} (${statSync(EDITOR_JSON).mtime.toISOString()}; --rerun-editor measures again)`);
  }
  return JSON.parse(readFileSync(EDITOR_JSON, 'utf8')) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, rounds: { type: 'string', default: '1' }, 'rerun-editor': { type: 'boolean', default: false } },
  });
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  const rounds = Number(values.rounds);
  if (unknown.length || !Number.isInteger(rounds) || rounds < 1) {
    log(`Usage: npm run bench [-- --only ${SECTIONS.join(',')}] [--rounds N (whole number >= 1)] [--rerun-editor]${unknown.length ? `; unknown section: ${unknown.join(', ')}` : ''}`);
    process.exit(2);
  }
  const want = (s: Section) => only.includes(s);
  const figures: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))), node: process.version },
  };
  const engine = want('engine') || want('pytorch') ? engineResnet20() : null;
  if (engine && want('engine')) figures.engineResnet20 = engine;
  if (engine && want('pytorch')) figures.pytorchResnet20 = pytorchResnet20(engine);
  if (want('mnist')) {
    log(`mnist: ResNet-8, one epoch of 8,000 samples, streaming on/off x ${rounds * 2} each`);
    const { mnist, streaming } = await trainingFigures(rounds, log);
    figures.mnistResnet8 = mnist;
    figures.eventStreaming = streaming;
  }
  if (want('inference')) figures.inference = inference();
  if (want('editor')) figures.editor = editor(values['rerun-editor']);
  figures.measuredAt = new Date().toISOString();

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

await main();
