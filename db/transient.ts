// A transaction that could not start in time (every connection busy, or SQLite's one connection
// held by a queue of others: P2028), or that lost a write conflict or deadlock (P2034), did
// nothing and may simply run again. It is retried a bounded number of times; then the caller
// gets DatabaseBusyError, which the chat answers with "busy, please try again in a moment".

const transientCodes = new Set(['P2028', 'P2034']);

export function isTransientDbError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && transientCodes.has(String((err as { code?: unknown }).code));
}

export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`the database stayed busy through ${attempts} attempts: ${(lastError as Error)?.message ?? String(lastError)}`);
  }
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubles each time (with jitter so racers spread out). */
  backoffMs: number;
  warn?: (obj: object, msg: string) => void;
}

export const defaultRetry: RetryOptions = { attempts: 4, backoffMs: 50 };

export async function retryTransient<T>(run: () => Promise<T>, o: RetryOptions = defaultRetry): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      if (attempt >= o.attempts) throw new DatabaseBusyError(attempt, err);
      const delayMs = Math.round(o.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      o.warn?.(
        { code: (err as { code?: string }).code, attempt, of: o.attempts, delayMs },
        `database busy (${(err as Error).message.split('\n').at(-1)}): waiting ${delayMs} ms for a connection or the running transaction, then trying again`,
      );
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}

/**
 * The database could not be reached, or ended the connection a query ran on (a restart, a
 * failover, an administrator's terminate). Whether a transaction cut off at COMMIT committed is
 * unknown, so nothing is retried blindly: the request fails, the caller says "try again in a
 * moment", and the pool opens a new connection for the next one.
 */
const unavailableCodes = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const unavailableMessages =
  /terminating connection|Connection terminated|not queryable|Connection ended|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as {
    message?: unknown;
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    cause?: unknown;
  };
  const cause = e.meta?.driverAdapterError?.cause;
  if (unavailableCodes.has(String(cause?.originalCode ?? cause?.code ?? e.code))) return true;
  if (typeof e.message === 'string' && unavailableMessages.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}

/** The disk under the database (or the files) is full: SQLite's SQLITE_FULL, PostgreSQL's disk_full, a write's ENOSPC. */
export function isDiskFull(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as {
    message?: unknown;
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown; kind?: unknown } } };
  };
  const cause = e.meta?.driverAdapterError?.cause;
  const codes = [e.code, cause?.originalCode, cause?.code].map(String);
  return (
    codes.some((c) => c === 'ENOSPC' || c === 'SQLITE_FULL' || c === '53100') ||
    (typeof e.message === 'string' && /SQLITE_FULL|ENOSPC|database or disk is full/.test(e.message))
  );
}
