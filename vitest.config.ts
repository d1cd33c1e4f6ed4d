import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database suites each create their own databases; files may run in parallel.
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
