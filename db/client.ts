import type * as SqliteClient from '../generated/sqlite/client.js';
import type { PrismaClient } from '../generated/sqlite/client.js';
import { adapterFactory, providerOf } from './adapters.js';
import { defaultRetry, retryTransient, type RetryOptions } from './transient.js';

/**
 * The database handle the core works with. Both generated clients expose the same model API,
 * so the SQLite client's type stands for either.
 */
export type Db = PrismaClient;
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
export type { Prisma } from '../generated/sqlite/client.js';
export type * as Models from '../generated/sqlite/models.js';
export { DatabaseBusyError, isTransientDbError } from './transient.js';

export interface DatabaseOptions {
  /** PostgreSQL connections in the pool (default 10). */
  poolSize?: number;
  /** How long a transaction may wait to start: for a pooled connection, or SQLite's running transaction. */
  transactionWaitMs?: number;
  /** How long a transaction may run once started. */
  transactionTimeoutMs?: number;
  /** Retries of transactions that could not start or hit a conflict. */
  retry?: Partial<RetryOptions>;
  /** A PostgreSQL connection the server ended (restart, failover): told here, never fatal. */
  onConnectionError?: (err: Error) => void;
}

export async function openDatabase(databaseUrl: string, o: DatabaseOptions = {}): Promise<Db> {
  const adapter = adapterFactory(databaseUrl, o.poolSize, o.onConnectionError);
  const mod =
    providerOf(databaseUrl) === 'sqlite'
      ? await import('../generated/sqlite/client.js')
      : ((await import('../generated/postgresql/client.js')) as unknown as typeof SqliteClient);
  const db = new mod.PrismaClient({
    adapter,
    transactionOptions: { maxWait: o.transactionWaitMs ?? 5_000, timeout: o.transactionTimeoutMs ?? 15_000 },
  });
  await db.$connect();
  return withTransactionRetries(db, { ...defaultRetry, ...o.retry });
}

/**
 * Every interactive transaction (`$transaction(async (tx) => …)`) of the returned client is
 * retried when it could not start in time or lost a conflict, so no call site can forget;
 * its callback must be safe to run again (it is: a failed try was rolled back whole).
 */
function withTransactionRetries(db: Db, retry: RetryOptions): Db {
  const transaction = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== '$transaction') return Reflect.get(target, prop, receiver);
      return (...args: unknown[]) => (typeof args[0] === 'function' ? retryTransient(() => transaction(...args), retry) : transaction(...args));
    },
  });
}

/** Unique-constraint violation (P2002), the signal that a concurrent writer got there first. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
