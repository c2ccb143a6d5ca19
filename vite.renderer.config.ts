// Builds the studio page (renderer/) into out/renderer for web mode (`reswire serve`).
// electron.vite.config.ts reuses these settings for the desktop app's renderer.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

export const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
export const rendererOutDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

export const rendererConfig = {
  root: rendererRoot,
  // Relative asset URLs work both from http://127.0.0.1:PORT/ and from the app's own protocol.
  base: './',
  plugins: [react()],
  build: {
    outDir: rendererOutDir,
    emptyOutDir: true,
    // The page runs in Electron's Chromium or a current browser.
    target: 'es2022',
    // electron-vite leaves its renderer unminified unless told; the desktop app ships it minified too.
    minify: true,
    cssMinify: true,
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
} satisfies UserConfig;

export default defineConfig(rendererConfig);
