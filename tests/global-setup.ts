// Migrates one template database per run (SQLite file, and PostgreSQL when TEST_DATABASE_URL is
// set); each suite's fresh database is a copy of it (tests/helpers/db.ts) instead of a migration
// through the WebAssembly schema engine, which cost about a second per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyMigrations } from '../db/migrator.js';
import { adminQuery, pgUrl, TEMPLATE_ENV, urlFor } from './helpers/db.js';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-template-'));
  const sqlite = path.join(dir, 'template.db');
  await applyMigrations(`file:${sqlite}`);
  // Read by the test processes, which start after this and inherit the environment.
  process.env[TEMPLATE_ENV.sqlite] = sqlite;
  let pgTemplate: string | undefined;
  if (pgUrl) {
    pgTemplate = `mixdesk_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${pgTemplate}`);
    await applyMigrations(urlFor(pgTemplate));
    process.env[TEMPLATE_ENV.postgresql] = pgTemplate;
  }
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgTemplate) await adminQuery(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
  };
}
