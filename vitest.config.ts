import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

import { tiers } from './tests/tiers.js';

// Each tier runs alone with `npm run test:unit` (or test:engine, test:db, test:e2e); `npm test` runs all.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every suite makes its own databases, directories and ports, so files run side by side. Most
    // wait on databases, child processes and sockets as much as on the CPU: one file per core
    // (vitest's default keeps one core free, which on a 2-core machine ran them one at a time).
    pool: 'forks',
    maxWorkers: Math.max(1, availableParallelism()),
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: Object.entries(tiers).map(([name, folders]) => ({ extends: true, test: { name, include: folders.map((f) => `tests/${f}/**/*.test.ts`) } })),
  },
});
