import type * as SqliteClient from '../generated/sqlite/client.js';
import type { PrismaClient } from '../generated/sqlite/client.js';
import { adapterFactory, providerOf } from './adapters.js';

/**
 * The database handle the core works with. Both generated clients expose the same model API,
 * so the SQLite client's type stands for either.
 */
export type Db = PrismaClient;
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
export type { Prisma } from '../generated/sqlite/client.js';
export type * as Models from '../generated/sqlite/models.js';

export async function openDatabase(databaseUrl: string): Promise<Db> {
  const adapter = adapterFactory(databaseUrl);
  const mod =
    providerOf(databaseUrl) === 'sqlite'
      ? await import('../generated/sqlite/client.js')
      : ((await import('../generated/postgresql/client.js')) as unknown as typeof SqliteClient);
  const db = new mod.PrismaClient({ adapter });
  await db.$connect();
  return db;
}

/** Unique-constraint violation (P2002), the signal that a concurrent writer got there first. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
