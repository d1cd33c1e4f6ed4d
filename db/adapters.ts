import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
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

export function adapterFactory(databaseUrl: string, poolSize = 10): SqlMigrationAwareDriverAdapterFactory | PrismaPg {
  if (providerOf(databaseUrl) === 'sqlite') {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    // Waiting on a lock (instead of failing at once) lets other processes' writers queue up;
    // within this process, the serialisation makes every statement wait for an open transaction.
    return serializeSqlite(new PrismaBetterSqlite3({ url: file, timeout: 10_000 }));
  }
  return new PrismaPg({ connectionString: databaseUrl, max: poolSize });
}
