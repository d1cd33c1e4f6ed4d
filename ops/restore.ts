// `mixdesk restore DIR`: a backup made by `mixdesk backup` into an empty studio (a new DATA_DIR,
// an empty bucket). Everything is checked before anything is written: a backup from a newer
// mixdesk, a folder that is not a finished backup, or a studio that already holds data are
// refused. Every file is checked against its checksum as it is copied.
import { createReadStream, existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { providerOf, sqliteFilePath } from '../db/adapters.js';
import { applyMigrations, listMigrations } from '../db/migrator.js';
import { MANIFEST, objectPath, readManifest, type BackupManifest } from './backup-manifest.js';
import { hashFile, snapshotsIn, type StudioData } from './backup.js';

export interface RestoreResult {
  from: string;
  manifest: BackupManifest;
  /** Migrations applied after the copy: the backup came from an older mixdesk. */
  migrated: string[];
  /** What the operator must still do (a PostgreSQL database is not in the backup). */
  advice: string[];
}

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export async function restore(from: string, into: StudioData): Promise<RestoreResult> {
  const snapshot = await findSnapshot(from);
  const root = path.dirname(snapshot);
  const manifest = await readManifest(snapshot);
  await refuseUnlessRestorable(manifest, snapshot, root, into);

  const advice: string[] = [];
  let migrated: string[] = [];
  await mkdir(into.dataDir, { recursive: true });
  if (manifest.database.file) {
    const target = sqliteFilePath(into.databaseUrl);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.restoring`;
    await copyFile(path.join(snapshot, manifest.database.file), tmp);
    const { sha256 } = await hashFile(tmp);
    if (sha256 !== manifest.database.sha256) throw new RestoreRefused(`the backup's database copy is damaged (its checksum differs from the manifest's)`);
    await rename(tmp, target);
    migrated = await applyMigrations(into.databaseUrl);
  } else advice.push('The database is PostgreSQL and not in this backup: restore it from its own (pg_restore of a pg_dump, or point-in-time recovery).');
  for (const o of manifest.files.objects) {
    const stored = await into.store.put(o.key, createReadStream(objectPath(root, o.sha256)), o.contentType ? { contentType: o.contentType } : {});
    if (stored.sha256 !== o.sha256) throw new RestoreRefused(`the backup's copy of ${o.key} is damaged (its checksum differs from the manifest's)`);
  }
  if (manifest.files.note) advice.push(manifest.files.note);
  for (const name of manifest.secrets) {
    await copyFile(path.join(snapshot, name), path.join(into.dataDir, name));
    await chmod(path.join(into.dataDir, name), 0o600);
  }
  return { from: snapshot, manifest, migrated, advice };
}

/** DIR is a snapshot (has a manifest) or a backup folder (its newest snapshot). */
async function findSnapshot(from: string): Promise<string> {
  const dir = path.resolve(from);
  if (existsSync(path.join(dir, MANIFEST))) return dir;
  const snapshots = await snapshotsIn(dir);
  const newest = snapshots.at(-1);
  if (!newest) throw new RestoreRefused(`${from} holds no finished mixdesk backup (a folder with a manifest.json, or a folder of them)`);
  return path.join(dir, newest);
}

async function refuseUnlessRestorable(manifest: BackupManifest, snapshot: string, root: string, into: StudioData): Promise<void> {
  const provider = providerOf(into.databaseUrl);
  if (manifest.database.file && provider !== manifest.database.provider) {
    throw new RestoreRefused(
      `the backup holds a ${manifest.database.provider} database, and DATABASE_URL is ${provider}: restore into a studio on ${manifest.database.provider}`,
    );
  }
  const known = new Set(listMigrations(manifest.database.provider).migrationDirectories.map((d) => d.path));
  const unknown = manifest.database.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new RestoreRefused(
      `the backup was made by a newer mixdesk (${manifest.app.version}; its database has migration ${unknown.join(', ')}, unknown to this version): restore it with that version or a later one`,
    );
  }
  const present = existsSync(into.dataDir) ? (await readdir(into.dataDir)).filter((n) => n !== '.gitkeep') : [];
  if (present.length) {
    throw new RestoreRefused(
      `${into.dataDir} is not empty (${present.slice(0, 3).join(', ')}${present.length > 3 ? ', …' : ''}): restore into a new, empty data directory`,
    );
  }
  if (manifest.database.file && existsSync(sqliteFilePath(into.databaseUrl))) {
    throw new RestoreRefused(`${sqliteFilePath(into.databaseUrl)} exists: restore into a new, empty data directory`);
  }
  if ((await into.store.list('')).length) throw new RestoreRefused('the file store is not empty: restore into an empty bucket (or prefix)');
  // Every file the manifest names must be in the backup folder, whole, before anything is written.
  const missing: string[] = [];
  for (const o of manifest.files.objects) {
    const s = await stat(objectPath(root, o.sha256)).catch(() => null);
    if (!s || s.size !== o.size) missing.push(o.key);
  }
  if (manifest.database.file && !existsSync(path.join(snapshot, manifest.database.file))) missing.push(manifest.database.file);
  if (missing.length) throw new RestoreRefused(`the backup is incomplete: ${missing.length} file(s) missing or cut short (${missing.slice(0, 3).join(', ')})`);
}
