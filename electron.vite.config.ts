// Builds the desktop app: main process, preload and page into out/ (`npx electron-vite build`).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

export default defineConfig({
  main: {
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
