// One SQLite connection serves every request in the process. The driver adapter guards its
// transactions with a lock, but plain queries bypass it: a write made while another request's
// interactive transaction is open runs inside that transaction and is undone if it rolls back
// (and a read sees its uncommitted rows). This wrapper puts every statement outside a
// transaction behind the same lock as the transactions, so no call site can forget.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';

/** A FIFO async lock: `run` waits for every earlier holder to release. */
export class AsyncLock {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once the lock is ours. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    return previous.then(() => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    });
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class SerializedTransaction implements Transaction {
  readonly provider;
  readonly adapterName;
  readonly options;

  constructor(
    private readonly inner: Transaction,
    private readonly release: () => void,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  queryRaw(q: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(q);
  }
  executeRaw(q: SqlQuery): Promise<number> {
    return this.inner.executeRaw(q);
  }
  async commit(): Promise<void> {
    try {
      await this.inner.commit();
    } finally {
      this.release();
    }
  }
  async rollback(): Promise<void> {
    try {
      await this.inner.rollback();
    } finally {
      this.release();
    }
  }
  createSavepoint(name: string): Promise<void> {
    return this.inner.createSavepoint!(name);
  }
  rollbackToSavepoint(name: string): Promise<void> {
    return this.inner.rollbackToSavepoint!(name);
  }
  releaseSavepoint(name: string): Promise<void> {
    return this.inner.releaseSavepoint!(name);
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly getConnectionInfo?: SqlDriverAdapter['getConnectionInfo'];
  readonly #lock = new AsyncLock();

  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  queryRaw(q: SqlQuery): Promise<SqlResultSet> {
    return this.#lock.run(() => this.inner.queryRaw(q));
  }
  executeRaw(q: SqlQuery): Promise<number> {
    return this.#lock.run(() => this.inner.executeRaw(q));
  }
  executeScript(script: string): Promise<void> {
    return this.#lock.run(() => this.inner.executeScript(script));
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      return new SerializedTransaction(await this.inner.startTransaction(isolationLevel), release);
    } catch (err) {
      release();
      throw err;
    }
  }
  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/**
 * Write-ahead logging lets readers in other processes (a worker, the CLI) proceed while this one
 * writes, and with synchronous=NORMAL a commit appends to the log instead of syncing the whole
 * database file: a committed transaction survives a crash of the process; only a power cut may
 * lose the last few (the database itself stays consistent).
 */
const PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;';

/** The SQLite adapter factory with every connection's statements serialised with its transactions. */
export function serializeSqlite(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript(PRAGMAS);
      return new SerializedAdapter(adapter);
    },
    connectToShadowDb: async () => new SerializedAdapter(await factory.connectToShadowDb()),
  };
}
