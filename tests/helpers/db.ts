// Fresh, migrated databases for tests: a temporary SQLite file always, and a throw-away
// PostgreSQL database when TEST_DATABASE_URL points at a server (CI sets it). Each is a copy of
// the template tests/global-setup.ts migrated for the run, or migrated here when there is none
// (a benchmark, a file run outside the test projects).
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '../../db/client.js';
import { applyMigrations } from '../../db/migrator.js';
import type { Provider } from '../../db/schemas.js';

export const pgUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  provider: Provider;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** The providers a database suite runs on, with a clear notice when PostgreSQL is skipped. */
export function testProviders(): Provider[] {
  if (!pgUrl) {
    console.warn('PostgreSQL suites SKIPPED: set TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres to run them (CI does).');
    return ['sqlite'];
  }
  return ['sqlite', 'postgresql'];
}

/** Where the global set-up left this run's template databases. */
export const TEMPLATE_ENV = { sqlite: 'MIXDESK_TEST_SQLITE_TEMPLATE', postgresql: 'MIXDESK_TEST_PG_TEMPLATE' } as const;

/** Runs one statement on the server of TEST_DATABASE_URL (creating and dropping databases). */
export async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** TEST_DATABASE_URL with another database name. */
export function urlFor(database: string): string {
  const u = new URL(pgUrl!);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Migrates the database at `url` and opens it; `cleanup` runs after disconnecting. */
async function migrated(provider: Provider, url: string, cleanup: () => Promise<void> | void): Promise<TestDatabase> {
  await applyMigrations(url);
  return opened(provider, url, cleanup);
}

async function opened(provider: Provider, url: string, cleanup: () => Promise<void> | void): Promise<TestDatabase> {
  const db = await openDatabase(url);
  return {
    provider,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await cleanup();
    },
  };
}

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_ENV[provider]];
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-test-'));
    const file = path.join(dir, 'test.db');
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    if (template && existsSync(template)) {
      copyFileSync(template, file);
      if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${file}-wal`);
      return opened(provider, `file:${file}`, cleanup);
    }
    return migrated(provider, `file:${file}`, cleanup);
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mixdesk_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const cleanup = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  return template ? opened(provider, urlFor(name), cleanup) : migrated(provider, urlFor(name), cleanup);
}
