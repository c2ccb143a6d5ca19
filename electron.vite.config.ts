// Builds the desktop app: main process, preload and page into out/ (`npx electron-vite build`).
// test/build/check-build.ts checks the result for what the packaged app needs.
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererConfig } from './vite.renderer.config';

/** Files the built main code reads from beside itself, copied into out/main as they are. */
function besideMainCode(files: string[]): Plugin {
  return {
    name: 'reswire:beside-main-code',
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: basename(file), source: readFileSync(file) });
      }
    },
  };
}

export default defineConfig({
  main: {
    // The wasm backend's thread pool starts its workers from this script (main/engine/backend/wasm-threads.ts).
    plugins: [besideMainCode([resolve('main/engine/backend/wasm-thread-worker.cjs')])],
    build: {
      outDir: 'out/main',
      lib: {
        entry: { index: resolve('main/app/index.ts'), worker: resolve('main/engine/train/worker.ts') },
      },
      rolldownOptions: {
        // The engine starts its training thread from ./worker.mjs beside itself (main/engine/train/run.ts).
        output: { entryFileNames: (chunk) => (chunk.name === 'worker' ? 'worker.mjs' : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: bundle zod and the shared schemas into it, as CommonJS.
      externalizeDeps: false,
      lib: { entry: resolve('main/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
});
