import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/helpers/build-if-stale.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // the second one ends the run with the tests skipped for a missing optional tool, and why
    reporters: ['default', './test/helpers/skipped-tools-reporter.ts'],
  },
});
