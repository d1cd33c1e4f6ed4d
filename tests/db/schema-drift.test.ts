// The two provider schemas are generated from prisma/models.prisma, and each provider's
// migrations must produce exactly the current models. Editing one without the other fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSql, listMigrations } from '../../db/migrator.js';
import { providers, renderSchema, schemaPath, snapshotPath } from '../../db/schemas.js';
import { createTestDatabase, pgUrl } from '../helpers/db.js';

describe('schemas and migrations stay in step', () => {
  it.each(providers)('prisma/%s/schema.prisma is generated from models.prisma (npm run db:schemas)', (provider) => {
    expect(readFileSync(schemaPath(provider), 'utf8')).toBe(renderSchema(provider));
  });

  it('the two schemas differ only in provider and client output', () => {
    const [a, b] = providers.map((p) => readFileSync(schemaPath(p), 'utf8').replaceAll(`"${p}"`, '"P"').replaceAll(`generated/${p}"`, 'generated/P"'));
    expect(a).toBe(b);
  });

  it('the schema the SQLite migrations make (their snapshot) matches the models (npm run db:make-migration)', async () => {
    const snapshot = readFileSync(snapshotPath('sqlite'), 'utf8');
    const sql = await diffSql('sqlite', snapshot, 'file::memory:');
    expect(sql.trim()).toMatch(/^(-- This is an empty migration\.)?$/);
  });

  it('both providers have the same migrations', () => {
    const names = providers.map((p) => listMigrations(p).migrationDirectories.map((d) => d.path));
    expect(names[0]).toEqual(names[1]);
  });

  it.runIf(pgUrl)('migrations are idempotent on PostgreSQL', async () => {
    const t = await createTestDatabase('postgresql');
    try {
      const { applyMigrations } = await import('../../db/migrator.js');
      expect(await applyMigrations(t.url)).toEqual([]);
    } finally {
      await t.drop();
    }
  });

  it('migrations are idempotent on SQLite', async () => {
    const t = await createTestDatabase('sqlite');
    try {
      const { applyMigrations } = await import('../../db/migrator.js');
      expect(await applyMigrations(t.url)).toEqual([]);
      expect(await t.db.service.count()).toBe(0);
    } finally {
      await t.drop();
    }
  });
});
