import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Provider } from './schemas.js';
import { serializeSqlite } from './serialized-sqlite.js';

export function providerOf(databaseUrl: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return 'postgresql';
  if (/^file:/i.test(databaseUrl)) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${databaseUrl}"`);
}

/** file:./data/x.db → absolute path (relative to the working directory, as Prisma does). */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/i, '').replace(/\?.*$/, '');
  if (raw === ':memory:') return raw;
  return path.resolve(raw);
}

/**
 * The pool of PostgreSQL connections, each with an error listener from the moment it connects. A
 * server that ends a connection (a restart, a failover, pg_terminate_backend) makes the pg Client
 * emit 'error'; a checked-out client has no listener of the pool's, and an 'error' event nobody
 * listens to ends the process. Here it costs the queries on that connection (they fail, and are
 * answered "try again in a moment"), and the pool opens a new connection for the next.
 */
export function postgresPool(databaseUrl: string, poolSize: number, onConnectionError: (err: Error) => void = () => undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on('connect', (client) => client.on('error', onConnectionError));
  pool.on('error', onConnectionError);
  return pool;
}

export function adapterFactory(databaseUrl: string, poolSize = 10, onConnectionError?: (err: Error) => void): SqlMigrationAwareDriverAdapterFactory | PrismaPg {
  if (providerOf(databaseUrl) === 'sqlite') {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    // Waiting on a lock (instead of failing at once) lets other processes' writers queue up;
    // within this process, the serialisation makes every statement wait for an open transaction.
    return serializeSqlite(new PrismaBetterSqlite3({ url: file, timeout: 10_000 }));
  }
  return new PrismaPg(postgresPool(databaseUrl, poolSize, onConnectionError), { disposeExternalPool: true });
}
