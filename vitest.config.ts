import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { tiers, tiersWithDatabases } from './tests/tiers.js';

// Each tier runs alone with `npm run test:unit` (or test:engine, test:db, test:e2e); `npm test` runs all.
export default defineConfig({
  test: {
    // A bound for a test that hangs, not a speed requirement: with both cores kept busy by another
    // process (load 9 on 2 cores), a pipeline test that masters four versions took over 30 s on
    // PostgreSQL where it takes 10 s alone.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One file more than there are cores: suites wait on databases, child processes and sockets as
    // much as on the CPU (measured on this 2-core machine: one file at a time 460 s, two 301 s and
    // 1.3 cores busy on average, three 231 s).
    maxWorkers: availableParallelism() + 1,
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: Object.entries(tiers).map(([name, folders]) => ({
      extends: true,
      test: {
        name,
        include: folders.map((f) => `tests/${f}/**/*.test.ts`),
        globalSetup: ['./tests/engine-build-setup.ts', ...(tiersWithDatabases.includes(name as keyof typeof tiers) ? ['./tests/global-setup.ts'] : [])],
      },
    })),
  },
});
