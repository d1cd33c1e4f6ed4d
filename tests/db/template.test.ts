// Suites' databases are copies of one template migrated for the run: the copies must be complete
// (migrating them again changes nothing) and the template must really be there (else every suite
// silently pays for a migration again).
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrator.js';
import { createTestDatabase, TEMPLATE_ENV, testProviders } from '../helpers/db.js';

describe.each(testProviders())('test databases on %s', (provider) => {
  it("are copies of the run's template, fully migrated", async () => {
    expect(process.env[TEMPLATE_ENV[provider]], 'tests/global-setup.ts left a template').toBeTruthy();
    const t = await createTestDatabase(provider);
    try {
      await t.db.$disconnect();
      expect(await applyMigrations(t.url)).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});
