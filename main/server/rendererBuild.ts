// Makes sure the built studio page exists and is current before `reswire serve` serves it.
// In a checkout, a missing or stale build (sources newer than out/renderer) is rebuilt with
// Vite; an installed copy without sources serves what it shipped with.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const configFile = path.join(repoRoot, 'vite.renderer.config.ts');
/** What the page is built from. */
const sourceRoots = ['renderer', 'shared'].map((d) => path.join(repoRoot, d));

function newestChange(file: string): number {
  let info;
  try {
    info = statSync(file);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(file)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(path.join(file, name)));
  }
  return newest;
}

export type RendererState = 'current' | 'missing' | 'stale' | 'no-sources';

export function rendererBuildState(outDir: string): RendererState {
  const hasSources = existsSync(configFile) && existsSync(path.join(repoRoot, 'renderer', 'index.html'));
  const built = path.join(outDir, 'index.html');
  if (!existsSync(built)) return hasSources ? 'missing' : 'no-sources';
  if (!hasSources) return 'current';
  const sources = Math.max(newestChange(configFile), ...sourceRoots.map(newestChange));
  return sources > statSync(built).mtimeMs ? 'stale' : 'current';
}

/** Builds out/renderer when needed. `log` gets one line of progress; build errors throw a sentence. */
export async function ensureRendererBuilt(outDir: string, log: (line: string) => void): Promise<void> {
  const state = rendererBuildState(outDir);
  if (state === 'current') return;
  if (state === 'no-sources') {
    throw new Error(`The built studio page is missing from ${outDir} and this copy has no sources to build it from; reinstall ResWire.`);
  }
  log(state === 'missing' ? 'Building the studio page (first run only)…' : 'The studio sources changed; rebuilding the page…');
  const { build } = await import('vite');
  // Built beside the old page and swapped in, so a second `serve` never sees half a build.
  const fresh = `${outDir}.building-${process.pid}`;
  // Vite keeps a NODE_ENV it finds set; under the test runner (NODE_ENV=test) the page would
  // ship React's development build, several times slower on a large graph.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, mode: 'production', logLevel: 'error', build: { outDir: fresh, emptyOutDir: true } });
  } catch (e) {
    rmSync(fresh, { recursive: true, force: true });
    const first = String((e as Error).message ?? e).split('\n').find((l) => l.trim()) ?? 'unknown error';
    throw new Error(`The studio page could not be built (${first.trim()}). Run \`npm run build:renderer\` to see the whole error.`, { cause: e });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(fresh, outDir);
  rmSync(old, { recursive: true, force: true });
}
