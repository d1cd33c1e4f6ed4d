// A consistent copy of a live SQLite database: `VACUUM INTO` reads it in one read transaction
// (writers carry on, WAL mode), so the copy is the database as of one moment, never half a
// transaction. It runs on a thread of its own: a large database takes seconds to copy, and the
// service's chats must not wait for it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface SqliteSnapshot {
  /** The migrations applied to the copy, oldest first. */
  migrations: string[];
  /** Rows per table. */
  counts: Record<string, number>;
}

const require = createRequire(import.meta.url);

// CommonJS, as eval'd worker code is; better-sqlite3 is passed in by absolute path.
const workerCode = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const source = new Database(workerData.source, { readonly: true, fileMustExist: true, timeout: 10000 });
try {
  source.prepare('VACUUM INTO ?').run(workerData.target);
} finally {
  source.close();
}
const copy = new Database(workerData.target, { readonly: true });
try {
  const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => r.name);
  const counts = {};
  for (const t of tables) if (t !== '_prisma_migrations') counts[t] = copy.prepare('SELECT COUNT(*) AS n FROM "' + t.replace(/"/g, '""') + '"').get().n;
  const migrations = tables.includes('_prisma_migrations')
    ? copy.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name').all().map((r) => r.name)
    : [];
  parentPort.postMessage({ migrations, counts });
} finally {
  copy.close();
}
`;

export function snapshotSqlite(source: string, target: string): Promise<SqliteSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerCode, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), source, target } });
    let result: SqliteSnapshot | undefined;
    worker.once('message', (m: SqliteSnapshot) => (result = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the database copy stopped (exit ${code})`))));
  });
}
