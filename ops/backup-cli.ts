// `mixdesk backup [DIR]` and `mixdesk restore DIR`, and the scheduled backup's log line.
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { formatSize } from '../core/files/uploads.js';
import { createObjectStore } from '../storage/index.js';
import type { BackupManifest } from './backup-manifest.js';
import { backup, type BackupResult, type StudioData } from './backup.js';
import { restore } from './restore.js';

export function studioData(config: Config): StudioData {
  return { databaseUrl: config.DATABASE_URL, dataDir: path.resolve(config.DATA_DIR), store: createObjectStore(config) };
}

export async function backupCommand(config: Config, args: string[], print: (s: string) => void): Promise<number> {
  const root = path.resolve(args[0] ?? config.BACKUP_DIR);
  const r = await backup(studioData(config), root, { keep: config.BACKUP_KEEP });
  print(describeBackup(r));
  return 0;
}

export async function restoreCommand(config: Config, args: string[], print: (s: string) => void): Promise<number> {
  const from = args[0];
  if (!from) {
    print('usage: mixdesk restore DIR   (a backup folder, or one snapshot in it)');
    return 2;
  }
  const r = await restore(from, studioData(config));
  const lines = [`restored ${r.from} (made ${r.manifest.createdAt} by mixdesk ${r.manifest.app.version})`, ...contents(r.manifest)];
  if (r.migrated.length) lines.push(`database brought up to date: ${r.migrated.join(', ')}`);
  lines.push(...r.advice, `into ${path.resolve(config.DATA_DIR)}: npm start runs on it.`);
  print(lines.join('\n'));
  return 0;
}

/** BACKUP_CRON's run: the same backup as the command, its summary logged. */
export async function scheduledBackup(config: Config, log: Pick<Logger, 'info'>, now: Date): Promise<BackupResult> {
  const r = await backup(studioData(config), path.resolve(config.BACKUP_DIR), { keep: config.BACKUP_KEEP, now });
  log.info({ dir: r.dir, files: r.manifest.files.objects.length, copiedBytes: r.manifest.files.copiedBytes, removed: r.removed }, describeBackup(r));
  return r;
}

export function describeBackup(r: BackupResult): string {
  const lines = [`backup ${r.dir}`, ...contents(r.manifest)];
  if (r.manifest.files.vanished.length) lines.push(`${r.manifest.files.vanished.length} file(s) deleted by the studio while the backup ran (not in it)`);
  if (r.removed.length) lines.push(`removed ${r.removed.length} older backup(s): ${r.removed.join(', ')}`);
  for (const note of [r.manifest.database.note, r.manifest.files.note]) if (note) lines.push(note);
  return lines.join('\n');
}

function contents(m: BackupManifest): string[] {
  const rows = Object.values(m.database.counts).reduce((a, b) => a + b, 0);
  const bytes = m.files.objects.reduce((a, o) => a + o.size, 0);
  return [
    m.database.file
      ? `  database: ${formatSize(m.database.bytes ?? 0)}, ${rows} rows in ${Object.keys(m.database.counts).length} tables, ${m.database.migrations.length} migrations`
      : '  database: not in the backup',
    m.files.store === 'local'
      ? `  files: ${m.files.objects.length} (${formatSize(bytes)}; ${formatSize(m.files.copiedBytes)} new since the backup before it)`
      : '  files: not in the backup',
    `  secrets: ${m.secrets.length ? m.secrets.join(', ') : 'none'}`,
  ];
}
