// The test tiers and the folders of tests/ each one runs (vitest.config.ts makes them projects;
// tests/unit/test-tiers.test.ts checks every folder with tests is in exactly one).
export const tiers = {
  /** Pure logic: seconds. */
  unit: ['unit'],
  /** The audio engine, measured against ffmpeg and sox. */
  engine: ['engine'],
  /** The database, queue and storage layers on SQLite, PostgreSQL, Redis and s3rver. */
  db: ['db', 'queue', 'storage'],
  /** The studio through its chats, bots, web server and workers. */
  e2e: ['conversation', 'discord', 'telegram', 'web', 'pipeline', 'payments', 'e2e', 'journeys'],
} as const;

/** The tiers whose suites make databases: they get this run's migrated templates (tests/global-setup.ts). */
export const tiersWithDatabases: readonly (keyof typeof tiers)[] = ['db', 'e2e'];
