// Fresh, migrated databases for tests: a temporary SQLite file always, and a throw-away
// PostgreSQL database when TEST_DATABASE_URL points at a server (CI sets it).
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Migrates the database at `url` and opens it; `cleanup` runs after disconnecting. */
async function migrated(provider: Provider, url: string, cleanup: () => Promise<void> | void): Promise<TestDatabase> {
  await applyMigrations(url);
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
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-test-'));
    return migrated(provider, `file:${path.join(dir, 'test.db')}`, () => rmSync(dir, { recursive: true, force: true }));
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mixdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  return migrated(provider, u.toString(), () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
