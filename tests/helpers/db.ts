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

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-test-'));
    const url = `file:${path.join(dir, 'test.db')}`;
    await applyMigrations(url);
    const db = await openDatabase(url);
    return {
      provider,
      url,
      db,
      drop: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `mixdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await applyMigrations(url);
  const db = await openDatabase(url);
  return {
    provider,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: pgUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
