// Layering is enforced here as well as by the per-layer tsconfigs:
// shared/ imports neither Node nor DOM code, renderer/ imports no Node code,
// and nothing imports across into main/ from the UI side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'util', 'events', 'zlib', 'readline', 'process', 'buffer'];
const nodePatterns = ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'runs/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodePatterns, message: 'shared/ is pure TypeScript: no Node modules.' },
          { group: ['**/main/**', '**/renderer/**', 'electron', 'react', 'react-dom', '@xyflow/*', '@tensorflow/*'], message: 'shared/ may not import main/, renderer/, UI or engine packages.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodePatterns, message: 'renderer/ runs in a browser: no Node modules.' },
          { group: ['**/main/**', 'electron', '@tensorflow/tfjs-node'], message: 'renderer/ talks to the Node side only through StudioApi.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "VariableDeclarator[id.name='require']",
        message: 'electron-vite declares `require` atop every built main chunk that calls one, so a second declaration stops the desktop app loading: name it nodeRequire.',
      }],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'main/ may not import renderer/ code.' }],
      }],
    },
  },
);
