// `mixdesk backup`: a consistent copy of a running studio. A backup folder holds snapshots
// (one folder each, named by time) and the stored files they share, by content:
//
//   DIR/2026-12-06T03-17-00-000Z/manifest.json, mixdesk.db, link-secret
//   DIR/objects/ab/ab12…   (one file per distinct sha256: a file already backed up is not copied again)
//
// Order matters for consistency: the database is copied first (as of one moment), then the
// files; so every file the copy names was stored before it (stores write whole files and rename
// them into place) and is copied, unless the service deleted it meanwhile — listed as vanished.
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { providerOf, sqliteFilePath } from '../db/adapters.js';
import { projectRoot } from '../db/schemas.js';
import { processAlive } from '../core/files/leftovers.js';
import { measuring, sha256OfFile } from '../storage/hashing.js';
import { ObjectNotFoundError, type ObjectStore } from '../storage/object-store.js';
import { MANIFEST, objectPath, readManifest, type BackupManifest } from './backup-manifest.js';
import { snapshotSqlite } from './sqlite-snapshot.js';

export interface StudioData {
  databaseUrl: string;
  dataDir: string;
  store: ObjectStore;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  /** Older snapshots removed to keep `keep`. */
  removed: string[];
}

/** Files of DATA_DIR that are copied as they are. */
export const SECRET_FILES = ['link-secret'];

const SNAPSHOT_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

export const postgresAdvice =
  'The database is PostgreSQL: back it up with pg_dump -Fc (or continuous archiving for point-in-time recovery); this backup holds the files and secrets only.';
export const s3Advice = 'Files are in S3: turn on the bucket’s versioning (or replication) for them; this backup holds the database and secrets only.';

export async function backup(data: StudioData, root: string, o: { keep: number; now?: Date }): Promise<BackupResult> {
  await mkdir(root, { recursive: true });
  const release = await lockBackups(root);
  try {
    const now = o.now ?? new Date();
    const name = now.toISOString().replace(/[:.]/g, '-');
    const partial = path.join(root, `.partial-${name}`);
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
    const manifest: BackupManifest = {
      format: 1,
      app: { name: 'mixdesk', version: appVersion() },
      createdAt: now.toISOString(),
      database: await copyDatabase(data.databaseUrl, partial),
      files: await copyFiles(data.store, root),
      secrets: await copySecrets(data.dataDir, partial),
    };
    await writeFile(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const dir = path.join(root, name);
    await rename(partial, dir);
    const removed = await prune(root, o.keep);
    return { dir, manifest, removed };
  } finally {
    await release();
  }
}

async function copyDatabase(databaseUrl: string, into: string): Promise<BackupManifest['database']> {
  if (providerOf(databaseUrl) === 'postgresql') return { provider: 'postgresql', migrations: [], counts: {}, note: postgresAdvice };
  const file = 'mixdesk.db';
  const target = path.join(into, file);
  const { migrations, counts } = await snapshotSqlite(sqliteFilePath(databaseUrl), target);
  const { sha256, bytes } = await hashFile(target);
  return { provider: 'sqlite', file, sha256, bytes, migrations, counts };
}

async function copyFiles(store: ObjectStore, root: string): Promise<BackupManifest['files']> {
  if (store.kind === 's3') return { store: 's3', objects: [], copiedBytes: 0, vanished: [], note: s3Advice };
  const objects: BackupManifest['files']['objects'] = [];
  const vanished: string[] = [];
  let copiedBytes = 0;
  const tmpDir = path.join(root, 'objects', '.tmp');
  await mkdir(tmpDir, { recursive: true });
  for (const info of await store.list('')) {
    // Known by its recorded checksum and already here: nothing to copy.
    if (info.sha256 && existsSync(objectPath(root, info.sha256))) {
      objects.push({ key: info.key, sha256: info.sha256, size: info.size, contentType: info.contentType });
      continue;
    }
    const tmp = path.join(tmpDir, randomUUID());
    try {
      const measured = measuring();
      await pipeline(await store.get(info.key), measured.stream, createWriteStream(tmp));
      const { sha256, size } = measured.result();
      const target = objectPath(root, sha256);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
      copiedBytes += size;
      objects.push({ key: info.key, sha256, size, contentType: info.contentType });
    } catch (err) {
      await rm(tmp, { force: true });
      if (err instanceof ObjectNotFoundError || (err as NodeJS.ErrnoException).code === 'ENOENT') vanished.push(info.key);
      else throw err;
    }
  }
  return { store: 'local', objects, copiedBytes, vanished };
}

async function copySecrets(dataDir: string, into: string): Promise<string[]> {
  const copied: string[] = [];
  for (const name of SECRET_FILES) {
    const from = path.join(dataDir, name);
    if (!existsSync(from)) continue;
    await copyFile(from, path.join(into, name));
    await chmod(path.join(into, name), 0o600);
    copied.push(name);
  }
  return copied;
}

/** The finished snapshots in a backup folder, oldest first. */
export async function snapshotsIn(root: string): Promise<string[]> {
  const names = existsSync(root) ? await readdir(root) : [];
  return names.filter((n) => SNAPSHOT_NAME.test(n) && existsSync(path.join(root, n, MANIFEST))).sort();
}

/** Keeps the newest `keep` snapshots, then removes the stored files no kept snapshot names. */
async function prune(root: string, keep: number): Promise<string[]> {
  const all = await snapshotsIn(root);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const name of removed) await rm(path.join(root, name), { recursive: true, force: true });
  // Left by backups that stopped half-way (this one holds the lock, so none is running).
  for (const n of await readdir(root)) if (n.startsWith('.partial-')) await rm(path.join(root, n), { recursive: true, force: true });
  await rm(path.join(root, 'objects', '.tmp'), { recursive: true, force: true });
  const wanted = new Set<string>();
  for (const name of all.slice(removed.length)) for (const o of (await readManifest(path.join(root, name))).files.objects) wanted.add(o.sha256);
  const objects = path.join(root, 'objects');
  for (const fan of existsSync(objects) ? await readdir(objects) : []) {
    for (const sha of await readdir(path.join(objects, fan))) if (!wanted.has(sha)) await rm(path.join(objects, fan, sha), { force: true });
  }
  return removed;
}

/** One backup at a time per folder: a second is refused while the first's process lives. */
async function lockBackups(root: string): Promise<() => Promise<void>> {
  const lock = path.join(root, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (holder && processAlive(holder)) throw new BackupBusyError(root, holder);
      await rm(lock, { force: true }); // left by a backup that was killed
    }
  }
  throw new BackupBusyError(root, 0);
}

export class BackupBusyError extends Error {
  constructor(root: string, pid: number) {
    super(`another backup into ${root} is running${pid ? ` (process ${pid})` : ''}; try again when it has finished`);
    this.name = 'BackupBusyError';
  }
}

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  return { sha256: await sha256OfFile(file), bytes: (await stat(file)).size };
}

function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
