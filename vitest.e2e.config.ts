// End-to-end tests: `reswire serve` driven through Debian's Chromium (npm run test:e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time: the build machines have two cores.
    fileParallelism: false,
  },
});
