// The build-output checks against a small stand-in for out/ (the real build is checked by
// `npm run check:build`): a complete tree passes, and each thing the packaged app would miss is
// reported. The installed packages and the real electron-builder.yml are used as they are, so
// these tests also fail when the config stops unpacking a binary the built code loads.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBuildOutput, globToRegExp, importedSpecifiers, yamlList } from './buildOutput';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** Every problem of every check, in one list. */
function problems(): string[] {
  return checkBuildOutput(root).flatMap((r) => r.problems);
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'reswire-build-check-'));
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  copyFileSync(path.join(repo, 'electron-builder.yml'), path.join(root, 'electron-builder.yml'));
  write('main/engine/backend/wasm-thread-worker.cjs', readFileSync(path.join(repo, 'main/engine/backend/wasm-thread-worker.cjs'), 'utf8'));
  write('package.json', JSON.stringify({
    type: 'module',
    main: 'out/main/index.js',
    dependencies: { zod: '*', '@tensorflow/tfjs-backend-wasm': '*' },
    optionalDependencies: { 'onnxruntime-node': '*' },
  }));
  write('out/main/index.js', [
    'import { z } from "zod";',
    'import { app } from "electron";',
    'import path from "node:path";',
    'const worker = new URL("./worker.mjs", import.meta.url);',
    'const preload = path.join(import.meta.dirname, "../preload/index.cjs");',
    'const page = path.join(import.meta.dirname, "../renderer");',
    '',
  ].join('\n'));
  write('out/main/worker.mjs', 'import { w } from "./compile-abc.js";\nconsole.log(w);\n');
  write('out/main/compile-abc.js', 'import path from "node:path";\nexport const w = path.join(import.meta.dirname, "wasm-thread-worker.cjs");\n');
  copyFileSync(path.join(root, 'main/engine/backend/wasm-thread-worker.cjs'), path.join(root, 'out/main/wasm-thread-worker.cjs'));
  write('out/preload/index.cjs', 'const { contextBridge } = require("electron");\ncontextBridge.exposeInMainWorld("studio", {});\n');
  write('out/renderer/index.html', '<!doctype html>');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a complete build', () => {
  it('passes every check, with the wasm and onnxruntime binaries unpacked by the real electron-builder.yml', () => {
    expect(problems()).toEqual([]);
    const binaries = checkBuildOutput(root).find((r) => r.name.startsWith('binaries'))!;
    expect(binaries.notes).toContain('node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.wasm');
    expect(binaries.notes.some((n) => n.endsWith('onnxruntime_binding.node'))).toBe(true);
  });
});

describe('what the packaged app would miss', () => {
  it('the wasm thread worker beside the code that starts it', () => {
    unlinkSync(path.join(root, 'out/main/wasm-thread-worker.cjs'));
    expect(problems()).toEqual([expect.stringMatching(/^out\/main\/wasm-thread-worker\.cjs is missing: out\/main\/compile-abc\.js starts/)]);
  });

  it('the training worker, or the source tree’s tsx shim in its place', () => {
    write('out/main/worker.mjs', 'import { register } from "tsx/esm/api";\nregister();\nawait import("./worker.ts");\n');
    expect(problems()).toContainEqual(expect.stringMatching(/out\/main\/worker\.mjs is the source tree's tsx shim/));
    unlinkSync(path.join(root, 'out/main/worker.mjs'));
    expect(problems()).toContainEqual('out/main/index.js starts out/main/worker.mjs, which is missing.');
  });

  it('the page and the preload where the main process looks for them', () => {
    unlinkSync(path.join(root, 'out/preload/index.cjs'));
    unlinkSync(path.join(root, 'out/renderer/index.html'));
    expect(problems()).toEqual(expect.arrayContaining([
      expect.stringMatching(/^out\/preload\/index\.cjs is missing: it is the preload/),
      expect.stringMatching(/^out\/renderer\/index\.html is missing: it is the page/),
    ]));
  });

  it('a chunk that does not load (electron-vite’s require shim beside a require of our own)', () => {
    write('out/main/store-abc.js', [
      'import __shims_module__ from "node:module";',
      'const require = __shims_module__.createRequire(import.meta.url);',
      'var require = __shims_module__.createRequire(import.meta.url);',
      '',
    ].join('\n'));
    expect(problems()).toEqual([expect.stringMatching(/^out\/main\/store-abc\.js does not load: SyntaxError: Identifier 'require' has already been declared/)]);
  });

  it('a package the built code imports that package.json does not ship', () => {
    write('out/main/compile-abc.js', 'import { WebSocketServer } from "ws";\nexport const w = "wasm-thread-worker.cjs";\n');
    expect(problems()).toEqual([expect.stringMatching(/imports ws, which package.json does not list in dependencies/)]);
  });

  it('a chunk that is not in the build', () => {
    write('out/main/worker.mjs', 'import "./gone-123.js";\nimport "./compile-abc.js";\n');
    expect(problems()).toEqual(['out/main/worker.mjs imports ./gone-123.js, which is not in the build.']);
  });

  it('a preload that requires what a sandbox cannot load', () => {
    write('out/preload/index.cjs', 'const { z } = require("zod");\nconst { contextBridge } = require("electron");\n');
    expect(problems()).toEqual([expect.stringMatching(/out\/preload\/index\.cjs requires zod, which a sandboxed preload cannot load/)]);
  });

  it('the threaded wasm build left inside the asar', () => {
    const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    write('electron-builder.yml', yml.split('\n').filter((l) => !l.includes('wasm-out')).join('\n'));
    const found = problems();
    expect(found).toHaveLength(3);
    for (const p of found) expect(p).toMatch(/wasm-out\/tfjs-backend-wasm-threaded-simd\.(js|wasm|worker\.js) \(TF\.js wasm backend\) stays inside app\.asar/);
  });
});

describe('helpers', () => {
  it('match electron-builder globs as minimatch does', () => {
    expect(globToRegExp('**/node_modules/sharp/**/*').test('node_modules/sharp/build/Release/x.node')).toBe(true);
    expect(globToRegExp('**/node_modules/sharp/**/*').test('node_modules/a/node_modules/sharp/lib/index.js')).toBe(true);
    expect(globToRegExp('**/node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm').test('node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')).toBe(true);
    expect(globToRegExp('**/node_modules/@tensorflow/tfjs-backend-wasm/dist/*.wasm').test('node_modules/@tensorflow/tfjs-backend-wasm/dist/sub/x.wasm')).toBe(false);
    expect(globToRegExp('**/*.{ts,tsx,map}').test('out/main/index.js.map')).toBe(true);
    expect(globToRegExp('**/*.{ts,tsx,map}').test('out/main/index.js')).toBe(false);
    expect(globToRegExp('{e2e,test}/**').test('test/build/x.ts')).toBe(true);
    expect(globToRegExp('{e2e,test}/**').test('out/test/x.js')).toBe(false);
  });

  it('read electron-builder.yml’s lists', () => {
    const yml = readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8');
    expect(yamlList(yml, 'files')).toEqual(expect.arrayContaining(['out/**/*', 'package.json', '!**/*.{ts,tsx,map}']));
    expect(yamlList(yml, 'asarUnpack')).toContain('**/node_modules/onnxruntime-node/bin/**/*');
  });

  it('find what built code imports, requires or resolves by name, and not a comment’s "from"', () => {
    const code = [
      'import { a } from "zod";',
      'import "./side.js";',
      'export { b } from "./b.js";',
      '/** Read from "nowhere" until first use. */',
      'const m = await import("./lazy.js");',
      'const ws = require("ws");',
      'const p = nodeRequire.resolve("@tensorflow/tfjs-backend-wasm/package.json");',
    ].join('\n');
    expect(importedSpecifiers(code).sort()).toEqual(['./b.js', './lazy.js', './side.js', '@tensorflow/tfjs-backend-wasm/package.json', 'ws', 'zod'].sort());
  });
});
