// Runs the built main process (out/main/index.js) under plain Node, with the test fake for
// `electron` (electronHook.mjs), as far as it goes without a screen: it starts, opens its window
// on app://studio with the built preload, serves the built page with its CSP, answers the page
// over IPC, trains one epoch through the studio API in the built training worker (wasm backend
// with two threads, so the wasm thread worker is started; onnxruntime where installed), and
// quits. Prints one JSON line: {"problems": [...], "notes": [...]}. Used by check-build.ts.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunEvent } from '../../shared/api/runEvents';
import { eventChannel, methodChannel } from '../../shared/api/studio';
import type { GraphDocument } from '../../shared/graph/types';
import { buildTemplate } from '../../shared/templates/index';
import { electron } from '../electron/fakeElectron';
import { findPackageDir } from './buildOutput';

register('./electronHook.mjs', import.meta.url);

const root = path.resolve(import.meta.dirname, '../..');
const problems: string[] = [];
const notes: string[] = [];

/** A small MLP for the spirals without its Dropout, which onnxruntime cannot train yet. */
function smallMlp(): GraphDocument {
  const doc = buildTemplate('mlp', { input: [2], classes: 3, hidden: 8 });
  const nodes = doc.nodes.filter((n) => n.id !== 'dropout');
  const edges = doc.edges.filter((e) => e.target !== 'dropout').map((e) => (e.source === 'dropout' ? { ...e, source: 'hidden' } : e));
  return { ...doc, nodes, edges };
}

async function until(what: string, done: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) {
      problems.push(`The built main process did not get as far as ${what} within ${ms / 1000} s.`);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

async function call(method: Parameters<typeof methodChannel>[0], request: unknown): Promise<any> {
  const handler = electron().handlers.get(methodChannel(method));
  if (!handler) throw new Error(`The built main process does not handle ${method}.`);
  const answer = (await handler({ senderFrame: { url: 'app://studio/index.html', parent: null } }, request)) as { ok: boolean; response?: unknown; error?: string };
  if (!answer.ok) throw new Error(`${method} failed: ${answer.error}`);
  return answer.response;
}

async function main(): Promise<void> {
  const fake = electron();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'reswire-built-main-'));
  try {
    mkdirSync(path.join(tmp, 'Documents'));
    fake.app.paths = { documents: path.join(tmp, 'Documents') };
    process.env.RESWIRE_SETTINGS_DIR = path.join(tmp, 'settings');
    // The threaded wasm build starts its workers from out/main/wasm-thread-worker.cjs.
    process.env.RESWIRE_WASM_THREADS = '2';

    // Launched like the packaged app with no project named (this script is no file to open).
    process.argv = [process.execPath];
    await import(pathToFileURL(path.join(root, 'out', 'main', 'index.js')).href);
    fake.app.becomeReady();
    if (!(await until('opening its window', () => fake.windows.length === 1, 20_000))) return;
    const win = fake.windows[0];

    const preload = win.options.webPreferences?.preload as string;
    if (!existsSync(preload)) problems.push(`The window's preload ${preload} does not exist.`);
    else notes.push(`preload ${path.relative(root, preload)}`);

    const serve = fake.protocolHandlers.get('app');
    const page = serve ? await serve(new Request(win.loadedUrls[0])) : null;
    if (!page || page.status !== 200) problems.push(`The window's page ${win.loadedUrls[0]} is not served (${page?.status ?? 'no app:// handler'}).`);
    else if (!page.headers.get('Content-Security-Policy')) problems.push('The page is served without its Content-Security-Policy.');
    else notes.push(`page ${win.loadedUrls[0]} with its CSP`);

    const info = await call('appInfo', {});
    notes.push(`appInfo: ${info.shell}, engines ${(info.engines ?? []).join(', ') || 'tfjs'}`);

    const onnxruntime = findPackageDir('onnxruntime-node', path.join(root, 'out', 'main')) !== null;
    const { runId } = await call('startRun', {
      graph: smallMlp(),
      trainConfig: { epochs: 1, backend: 'wasm', seed: 1, engine: onnxruntime ? 'onnxruntime' : 'tfjs' },
      dataSpec: 'spirals',
    });
    const events = () => win.webContents.sent.filter((m) => m.channel === eventChannel('runEvent')).map((m) => m.payload as RunEvent);
    const final = () => events().find((e) => e.type === 'done' || e.type === 'error' || e.type === 'stopped');
    if (!(await until(`finishing one epoch of run ${runId}`, () => final() !== undefined, 120_000))) return;
    const end = final()!;
    const started = events().find((e) => e.type === 'started');
    if (end.type !== 'done') problems.push(`Training in the built worker failed: ${end.type === 'error' ? end.message.replace(/\.$/, '') : end.type}.`);
    if (started?.type === 'started') {
      notes.push(`trained 1 epoch: backend ${started.backend}, engine ${started.engine ?? 'tfjs'}`);
      if (started.backend !== 'wasm') problems.push(`The built worker trained on ${started.backend}, not the wasm backend it was asked for.`);
      if (onnxruntime && started.engine !== 'onnxruntime') problems.push(`The built worker did not train on onnxruntime: ${started.engineNote ?? 'no reason given'}.`);
    }

    fake.app.quit();
    await until('quitting', () => fake.app.quitted, 20_000);
  } catch (e) {
    problems.push(`The built main process failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
console.log(JSON.stringify({ problems, notes }));
process.exit(0);
