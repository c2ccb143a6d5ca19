// Checks the electron-vite build in out/ for what the packaged app needs at run time, without
// Electron: every built file loads (parses), the page and preload sit where the main process
// looks for them, the training worker and the wasm thread worker sit beside the code that
// starts them, every package the built code imports is a declared runtime dependency, the
// preload needs nothing a sandbox lacks, and the native and WebAssembly binaries exist and are
// unpacked from the asar by electron-builder.yml.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export interface CheckResult {
  name: string;
  problems: string[];
  /** What was checked, for the report (paths found, packages resolved). */
  notes: string[];
}

/** The file of the training worker, as main/engine/train/run.ts names it beside itself. */
export const TRAINING_WORKER = 'worker.mjs';
/** The pthread worker script main/engine/backend/wasm-threads.ts starts from beside itself. */
export const WASM_THREAD_WORKER = 'wasm-thread-worker.cjs';

const WORKER_URL_RE = /new URL\(\s*["']\.\/worker\.mjs["']\s*,\s*import\.meta\.url\s*\)/;
const WASM_THREAD_WORKER_RE = /["']wasm-thread-worker\.cjs["']/;

/** electron-builder's globs (minimatch style: **, *, ?, {a,b}) as a regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      out += `(?:${glob.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
      i = end;
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\/*?]/g, '\\$&');
}

/** One top-level list of electron-builder.yml (`asarUnpack:`, `files:`), quotes and comments removed. */
export function yamlList(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^\s+-\s+(.*?)\s*$/.exec(line.replace(/\s+#.*$/, ''));
    if (item) items.push(item[1].replace(/^(["'])(.*)\1$/, '$2'));
  }
  return items;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Where Node would find a package from `fromDir`: the nearest node_modules/<name> above it. */
export function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Specifiers a built chunk imports or requires by a literal string. */
export function importedSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\b[A-Za-z_$]*[rR]equire(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.add(m[1]);
  return [...found];
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier) || builtinModules.includes(specifier.split('/')[0]);
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

interface Context {
  root: string;
  outMain: string;
  outPreload: string;
  asarUnpack: RegExp[];
  unpackPatterns: string[];
}

function unpacked(ctx: Context, file: string): boolean {
  const rel = relative(ctx.root, file);
  return ctx.asarUnpack.some((re) => re.test(rel));
}

function checkEntries(ctx: Context): CheckResult {
  const result: CheckResult = { name: 'entry files', problems: [], notes: [] };
  const pkg = JSON.parse(readFileSync(path.join(ctx.root, 'package.json'), 'utf8')) as { main?: string };
  const main = path.join(ctx.root, pkg.main ?? 'index.js');
  // main/app/index.ts looks for the page and the preload relative to itself.
  const wanted = [
    [main, 'the main process (package.json "main")'],
    [path.join(ctx.outMain, TRAINING_WORKER), 'the training worker'],
    [path.join(path.dirname(main), '../preload/index.cjs'), 'the preload, at ../preload/index.cjs from the main process'],
    [path.join(path.dirname(main), '../renderer/index.html'), 'the page, at ../renderer/index.html from the main process'],
  ];
  for (const [file, what] of wanted) {
    if (existsSync(file)) result.notes.push(relative(ctx.root, file));
    else result.problems.push(`${relative(ctx.root, file)} is missing: it is ${what}. Run npm run build.`);
  }
  if (existsSync(main)) {
    const code = readFileSync(main, 'utf8');
    for (const reference of ['../preload/index.cjs', '../renderer']) {
      if (!code.includes(`"${reference}"`)) result.problems.push(`${relative(ctx.root, main)} no longer refers to ${reference}; update this check with main/app/index.ts.`);
    }
  }
  return result;
}

function checkSyntax(ctx: Context): CheckResult {
  const result: CheckResult = { name: 'built code parses', problems: [], notes: [] };
  const files = [...filesUnder(ctx.outMain), ...filesUnder(ctx.outPreload)].filter((f) => /\.(c|m)?js$/.test(f));
  for (const file of files) {
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    if (check.status === 0) continue;
    const reason = check.stderr.split('\n').find((l) => /Error/.test(l)) ?? check.stderr.trim();
    result.problems.push(`${relative(ctx.root, file)} does not load: ${reason.trim()}`);
  }
  result.notes.push(`${files.length} files`);
  return result;
}

function checkWorkers(ctx: Context, sourceWasmWorker: string): CheckResult {
  const result: CheckResult = { name: 'workers beside the code that starts them', problems: [], notes: [] };
  const chunks = filesUnder(ctx.outMain).filter((f) => /\.(m)?js$/.test(f));
  const starters = chunks.filter((f) => WORKER_URL_RE.test(readFileSync(f, 'utf8')));
  if (starters.length === 0) result.problems.push(`No built file starts the training worker with new URL('./${TRAINING_WORKER}', import.meta.url); main/engine/train/run.ts changed, so update this check.`);
  for (const chunk of starters) {
    const worker = path.join(path.dirname(chunk), TRAINING_WORKER);
    if (!existsSync(worker)) result.problems.push(`${relative(ctx.root, chunk)} starts ${relative(ctx.root, worker)}, which is missing.`);
    else if (readFileSync(worker, 'utf8').includes('tsx/esm/api')) {
      result.problems.push(`${relative(ctx.root, worker)} is the source tree's tsx shim, not the bundled worker (electron.vite.config.ts builds it from main/engine/train/worker.ts).`);
    } else result.notes.push(`${relative(ctx.root, chunk)} -> ${relative(ctx.root, worker)}`);
  }
  const wasmStarters = chunks.filter((f) => WASM_THREAD_WORKER_RE.test(readFileSync(f, 'utf8')));
  if (wasmStarters.length === 0) result.problems.push(`No built file names ${WASM_THREAD_WORKER}; main/engine/backend/wasm-threads.ts changed, so update this check.`);
  for (const chunk of wasmStarters) {
    const worker = path.join(path.dirname(chunk), WASM_THREAD_WORKER);
    if (!existsSync(worker)) {
      result.problems.push(`${relative(ctx.root, worker)} is missing: ${relative(ctx.root, chunk)} starts the wasm backend's threads from it (electron.vite.config.ts copies it from main/engine/backend).`);
    } else if (readFileSync(worker, 'utf8') !== readFileSync(sourceWasmWorker, 'utf8')) {
      result.problems.push(`${relative(ctx.root, worker)} differs from ${relative(ctx.root, sourceWasmWorker)}; run npm run build again.`);
    } else result.notes.push(`${relative(ctx.root, chunk)} -> ${relative(ctx.root, worker)}`);
  }
  return result;
}

function checkDependencies(ctx: Context): CheckResult {
  const result: CheckResult = { name: 'imported packages are packaged', problems: [], notes: [] };
  const pkg = JSON.parse(readFileSync(path.join(ctx.root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const runtime = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]);
  const seen = new Set<string>();
  for (const chunk of filesUnder(ctx.outMain).filter((f) => /\.(c|m)?js$/.test(f))) {
    for (const specifier of importedSpecifiers(readFileSync(chunk, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(chunk), specifier);
        if (!existsSync(target)) result.problems.push(`${relative(ctx.root, chunk)} imports ${specifier}, which is not in the build.`);
        continue;
      }
      if (isBuiltin(specifier) || specifier === 'electron') continue;
      const name = packageOf(specifier);
      if (seen.has(name)) continue;
      seen.add(name);
      if (!runtime.has(name)) {
        result.problems.push(`The built main process imports ${name}, which package.json does not list in dependencies, so electron-builder leaves it out of the app.`);
      } else if (!findPackageDir(name, ctx.outMain)) {
        result.problems.push(`The built main process imports ${name}, which is not installed; run npm ci.`);
      }
    }
  }
  result.notes.push([...seen].sort().join(', '));
  return result;
}

function checkPreload(ctx: Context): CheckResult {
  const result: CheckResult = { name: 'sandboxed preload', problems: [], notes: [] };
  const preload = path.join(ctx.outPreload, 'index.cjs');
  if (!existsSync(preload)) return { ...result, problems: [`${relative(ctx.root, preload)} is missing; run npm run build.`] };
  // A sandboxed preload can require only electron (and a few polyfilled Node modules): bundle the rest.
  const allowed = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);
  const required = importedSpecifiers(readFileSync(preload, 'utf8'));
  for (const specifier of required) {
    if (!allowed.has(specifier)) result.problems.push(`${relative(ctx.root, preload)} requires ${specifier}, which a sandboxed preload cannot load; bundle it (electron.vite.config.ts, preload).`);
  }
  result.notes.push(`requires ${required.join(', ') || 'nothing'}`);
  return result;
}

/** Binary files a package must have, each of which must also be unpacked from the asar. */
function checkUnpacked(ctx: Context, result: CheckResult, label: string, files: string[]): void {
  for (const file of files) {
    if (!existsSync(file)) result.problems.push(`${relative(ctx.root, file)} is missing (${label}); run npm ci.`);
    else if (!unpacked(ctx, file)) {
      result.problems.push(`${relative(ctx.root, file)} (${label}) stays inside app.asar: add a pattern for it to asarUnpack in electron-builder.yml.`);
    } else result.notes.push(relative(ctx.root, file));
  }
}

function checkBinaries(ctx: Context): CheckResult {
  const result: CheckResult = { name: 'binaries resolve and are unpacked', problems: [], notes: [] };

  const wasm = findPackageDir('@tensorflow/tfjs-backend-wasm', ctx.outMain);
  if (!wasm) result.problems.push('@tensorflow/tfjs-backend-wasm does not resolve from out/main; run npm ci.');
  else {
    // main/engine/backend/index.ts points the stock backend at dist/; wasm-threads.ts loads the threaded build from wasm-out/.
    checkUnpacked(ctx, result, 'TF.js wasm backend', [
      ...['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'].map((f) => path.join(wasm, 'dist', f)),
      ...['.js', '.wasm', '.worker.js'].map((ext) => path.join(wasm, 'wasm-out', `tfjs-backend-wasm-threaded-simd${ext}`)),
    ]);
  }

  const ort = findPackageDir('onnxruntime-node', ctx.outMain);
  if (!ort) result.notes.push('onnxruntime-node is not installed (optional): runs train on TF.js alone');
  else {
    // dist/binding.js loads ../bin/napi-v6/<platform>/<arch>/onnxruntime_binding.node, which loads the libraries beside it.
    const binDir = path.join(ort, 'bin', 'napi-v6', process.platform, process.arch);
    const binding = path.join(binDir, 'onnxruntime_binding.node');
    checkUnpacked(ctx, result, `onnxruntime-node for ${process.platform}-${process.arch}`, existsSync(binDir) ? filesUnder(binDir) : [binding]);
    if (!findPackageDir('onnxruntime-common', ort)) result.problems.push('onnxruntime-common, which onnxruntime-node requires, does not resolve; run npm ci.');
  }

  const sharp = findPackageDir('sharp', ctx.outMain);
  if (sharp) {
    const img = path.join(path.dirname(sharp), '@img');
    const native = filesUnder(img).filter((f) => f.endsWith('.node') || /\.so(\.\d+)*$|\.dylib$|\.dll$/.test(f));
    if (native.length === 0) result.problems.push(`sharp has no native binary for ${process.platform}-${process.arch} under node_modules/@img; run npm ci.`);
    checkUnpacked(ctx, result, 'sharp', native);
  }
  return result;
}

function checkFilesListed(ctx: Context, yaml: string): CheckResult {
  const result: CheckResult = { name: 'electron-builder packs the build', problems: [], notes: [] };
  const files = yamlList(yaml, 'files');
  for (const wanted of ['out/**/*', 'package.json']) {
    if (!files.includes(wanted)) result.problems.push(`electron-builder.yml's files list lacks ${wanted}.`);
  }
  const dropped = files.filter((f) => f.startsWith('!')).map((f) => globToRegExp(f.slice(1)));
  for (const file of [...filesUnder(ctx.outMain), ...filesUnder(ctx.outPreload)]) {
    const rel = relative(ctx.root, file);
    if (dropped.some((re) => re.test(rel)) && !rel.endsWith('.map')) result.problems.push(`electron-builder.yml's files list drops ${rel}, which the app needs.`);
  }
  result.notes.push(`asarUnpack: ${ctx.unpackPatterns.length} patterns`);
  return result;
}

/** Every check of the build in `root`/out; a check with problems fails. */
export function checkBuildOutput(root: string): CheckResult[] {
  const yaml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const unpackPatterns = yamlList(yaml, 'asarUnpack');
  const ctx: Context = {
    root,
    outMain: path.join(root, 'out', 'main'),
    outPreload: path.join(root, 'out', 'preload'),
    unpackPatterns,
    asarUnpack: unpackPatterns.map(globToRegExp),
  };
  return [
    checkEntries(ctx),
    checkSyntax(ctx),
    checkWorkers(ctx, path.join(root, 'main', 'engine', 'backend', WASM_THREAD_WORKER)),
    checkDependencies(ctx),
    checkPreload(ctx),
    checkBinaries(ctx),
    checkFilesListed(ctx, yaml),
  ];
}
