// Applies and creates migrations offline with Prisma's WebAssembly schema engine, driven
// through the same driver adapters the app uses (the native engine cannot be downloaded here).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { adapterFactory, providerOf } from './adapters.js';
import { migrationsDir, renderSchema, type Provider } from './schemas.js';

const require = createRequire(import.meta.url);
const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

// Node has WebAssembly; the ES lib typings used here do not declare it.
const wasmApi = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
  }
).WebAssembly;

let wasmReady: Promise<void> | undefined;

/** Node 20 cannot import .wasm modules, so the bindings are instantiated by hand, once. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The .wasm file is not in the package's exports map; find it beside the JS bindings.
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const { instance } = await wasmApi.instantiate(readFileSync(wasmPath), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return wasmReady;
}

async function withEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const provider = providerOf(databaseUrl);
  const raw = adapterFactory(databaseUrl);
  // Freeing the engine does not close the connections it opened, and an open SQLite connection
  // keeps the database locked; so we keep hold of them and close them ourselves.
  const opened: SqlDriverAdapter[] = [];
  const track = async (connection: Promise<SqlDriverAdapter>) => {
    const c = await connection;
    opened.push(c);
    return c;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: raw.provider,
    adapterName: raw.adapterName,
    connect: () => track(raw.connect()),
    connectToShadowDb: () => track(raw.connectToShadowDb()),
  });
  const engine = await bg.SchemaEngine.new({ datamodels: [[`${provider}/schema.prisma`, renderSchema(provider)]] }, () => undefined, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((c) => c.dispose()));
  }
}

export function listMigrations(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/**
 * Applies pending migrations; idempotent. Returns the names applied now. `before`: only those
 * named before it (a database as an earlier version left it, for the tests of a migration).
 */
export async function applyMigrations(databaseUrl: string, o: { before?: string } = {}): Promise<string[]> {
  const all = listMigrations(providerOf(databaseUrl));
  const before = o.before;
  const migrationsList = before ? { ...all, migrationDirectories: all.migrationDirectories.filter((m) => m.path < before) } : all;
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database from `fromSchema` (undefined = empty) to the current models.
 * Diffing two datamodels needs no shadow database; the URL only selects the provider.
 */
export async function diffSql(provider: Provider, fromSchema: string | undefined, databaseUrl: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: fromSchema === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'from.prisma', content: fromSchema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: renderSchema(provider) }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? '';
  });
}
