// Migrates one template database per run (SQLite file, and PostgreSQL when TEST_DATABASE_URL is
// set); each suite's fresh database is a copy of it (tests/helpers/db.ts) instead of a migration
// through the WebAssembly schema engine, which cost about a second per test file.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyMigrations } from '../db/migrator.js';
import { adminQuery, pgUrl, TEMPLATE_ENV, urlFor } from './helpers/db.js';
import { MASTER_CACHE_ENV } from './helpers/master-cache.js';

interface Templates {
  sqlite: string;
  /** Masters made by the engine once for this run and shared by the test processes (helpers/master-cache.ts). */
  masters: string;
  postgresql?: string;
  remove(): Promise<void>;
}

async function createTemplates(): Promise<Templates> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-template-'));
  const sqlite = path.join(dir, 'template.db');
  await applyMigrations(`file:${sqlite}`);
  let postgresql: string | undefined;
  if (pgUrl) {
    postgresql = `mixdesk_template_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${postgresql}`);
    await applyMigrations(urlFor(postgresql));
  }
  const masters = path.join(dir, 'masters');
  mkdirSync(masters);
  return {
    sqlite,
    masters,
    ...(postgresql ? { postgresql } : {}),
    async remove() {
      rmSync(dir, { recursive: true, force: true });
      if (postgresql) await adminQuery(`DROP DATABASE IF EXISTS ${postgresql} WITH (FORCE)`);
    },
  };
}

// Each project that lists this set-up runs it, at the same time, in vitest's process: the templates
// are made once (two schema engines at once in the one WebAssembly instance crash it) and removed
// after the last project.
const shared = globalThis as { mixdeskTemplates?: Promise<Templates>; mixdeskTemplateUsers?: number };

export default async function setup(): Promise<() => Promise<void>> {
  shared.mixdeskTemplateUsers = (shared.mixdeskTemplateUsers ?? 0) + 1;
  const templates = await (shared.mixdeskTemplates ??= createTemplates());
  // Read by the test processes, which start after this and inherit the environment.
  process.env[TEMPLATE_ENV.sqlite] = templates.sqlite;
  process.env[MASTER_CACHE_ENV] = templates.masters;
  if (templates.postgresql) process.env[TEMPLATE_ENV.postgresql] = templates.postgresql;
  return async () => {
    if (--shared.mixdeskTemplateUsers! > 0) return;
    delete shared.mixdeskTemplates;
    await templates.remove();
  };
}
