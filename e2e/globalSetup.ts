// Builds the studio page once before the end-to-end tests, so servers started in parallel
// find it current instead of each rebuilding it.
import { DEFAULT_RENDERER_DIR } from '../main/server';
import { ensureRendererBuilt } from '../main/server/rendererBuild';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt(DEFAULT_RENDERER_DIR, (line) => process.stderr.write(`${line}\n`));
}
