// Backup and restore (issue 34.1): a backup made while 50 artists book and upload is consistent
// (every file its database names is in it, whole; nothing half-written), a second one copies only
// what is new, and a restore into an empty data directory gives back the same studio, row for row
// and checksum for checksum, which then starts. What cannot be restored is refused before
// anything is written.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../generated/sqlite/client.js';
import type { Studio } from '../../core/studio.js';
import type { ManualClock } from '../../core/clock.js';
import { openDatabase, type Db } from '../../db/client.js';
import { applyMigrations } from '../../db/migrator.js';
import { encodeAudio } from '../../engine/io/index.js';
import { backup, BackupBusyError, snapshotsIn } from '../../ops/backup.js';
import { readManifest } from '../../ops/backup-manifest.js';
import { scheduledBackup } from '../../ops/backup-cli.js';
import { restore, RestoreRefused } from '../../ops/restore.js';
import { LocalObjectStore } from '../../storage/local-store.js';
import { linkSecret } from '../../web/secret.js';
import { makeTrack } from '../helpers/music.js';
import { testConfig } from '../helpers/studio.js';
import { runScript } from '../helpers/run-script.js';
import { testStudio } from '../helpers/studio.js';

const work = mkdtempSync(path.join(tmpdir(), 'mixdesk-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const dataDir = path.join(work, 'live');
const databaseUrl = `file:${path.join(dataDir, 'mixdesk.db')}`;
const backups = path.join(work, 'backups');
const ARTISTS = 50;

/** A studio's data as the restore reads it: the database URL, DATA_DIR and its file store. */
const studioAt = (dir: string) => ({
  databaseUrl: `file:${path.join(dir, 'mixdesk.db')}`,
  dataDir: dir,
  store: new LocalObjectStore(path.join(dir, 'objects')),
});

/** Every table, every row, in key order: what "the same studio" means. */
function tablesOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(names.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The stored files the database names (uploads and versions' files) with their checksums. */
function namedFiles(file: string): { key: string; sha256: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare('SELECT storageKey AS key, sha256 FROM Upload WHERE purgedAt IS NULL UNION ALL SELECT storageKey AS key, sha256 FROM DeliveryFile')
      .all() as { key: string; sha256: string }[];
  } finally {
    db.close();
  }
}

describe('backup and restore (SQLite, local files)', () => {
  let db: Db;
  let studio: Studio & { clock: ManualClock };
  let store: LocalObjectStore;
  let first: Awaited<ReturnType<typeof backup>>;
  let second: Awaited<ReturnType<typeof backup>>;

  /** One artist's week: says hello, books an unattended master, sends the mix; every fifth is also delivered a version and pays. */
  async function artist(i: number): Promise<void> {
    const { client } = await studio.clients.identify({ platform: 'test', externalId: `artist-${i}`, displayName: `Artist ${i}` });
    const booking = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: `backup-${i}`,
      origin: { platform: 'test', chatId: `chat-${i}` },
      actor: 'test',
    });
    const mix = path.join(work, `mix-${i}.wav`);
    // A different file each (its length), so every upload is its own object.
    writeFileSync(mix, await encodeAudio(makeTrack(0.5 + i / 100, 44100), 'wav16'));
    await studio.uploads.accept({ client: client as Client, bookingRef: booking.reference, fileName: `mix ${i}.wav`, path: mix });
    if (i % 5 !== 0) return;
    const master = await store.put(`deliveries/${booking.id}/v1/master-${i}.wav`, Buffer.from(`master ${i}`));
    await db.delivery.create({
      data: {
        bookingId: booking.id,
        version: 1,
        status: 'ready',
        files: {
          create: {
            kind: 'master',
            format: 'wav24',
            fileName: `master-${i}.wav`,
            storageKey: master.key,
            sizeBytes: BigInt(master.size),
            sha256: master.sha256,
          },
        },
      },
    });
    await db.payment.create({
      data: {
        bookingId: booking.id,
        purpose: 'deposit',
        amountCents: 1500,
        currency: 'GBP',
        status: 'paid',
        expiresAt: new Date('2026-12-10T00:00:00Z'),
        paidAt: new Date(),
      },
    });
  }

  beforeAll(async () => {
    await applyMigrations(databaseUrl);
    db = await openDatabase(databaseUrl);
    store = new LocalObjectStore(path.join(dataDir, 'objects'));
    studio = await testStudio(db, { UNATTENDED_JOBS_PER_DAY: '100' }, undefined, store);
    await linkSecret(dataDir);
    // The first ten artists, then a backup while the other forty book and upload.
    for (let i = 0; i < 10; i++) await artist(i);
    const rest = Promise.all(Array.from({ length: ARTISTS - 10 }, (_, k) => artist(10 + k)));
    first = await backup(studioAt(dataDir), backups, { keep: 5, now: new Date('2026-12-06T03:00:00Z') });
    await rest;
    second = await backup(studioAt(dataDir), backups, { keep: 5, now: new Date('2026-12-06T04:00:00Z') });
  }, 120_000);
  afterAll(() => db?.$disconnect());

  it('a backup made while artists book and upload is whole: every file its database names is in it, with its checksum', async () => {
    const into = path.join(work, 'restored-during');
    const r = await restore(first.dir, studioAt(into));
    const tables = tablesOf(path.join(into, 'mixdesk.db'));
    expect(tables.Booking!.length).toBeGreaterThanOrEqual(10);
    // The manifest's counts are the restored database's.
    for (const [table, n] of Object.entries(r.manifest.database.counts)) expect(tables[table]?.length, table).toBe(n);
    const files = namedFiles(path.join(into, 'mixdesk.db'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(sha256Of(path.join(into, 'objects', f.key)), f.key).toBe(f.sha256);
    // Every upload belongs to a booking and client that are there (no half of an artist's steps).
    const bookings = new Set((tables.Booking as { id: string }[]).map((b) => b.id));
    for (const u of tables.Upload as { bookingId: string }[]) expect(bookings.has(u.bookingId)).toBe(true);
    // What was restored is what the studio had: the same rows, now or as they were.
    const live = tablesOf(path.join(dataDir, 'mixdesk.db'));
    const liveClients = new Map((live.Client as { id: string }[]).map((c) => [c.id, c]));
    for (const c of tables.Client as { id: string }[]) expect(liveClients.get(c.id)).toEqual(c);
    expect(readFileSync(path.join(into, 'link-secret'), 'utf8')).toBe(readFileSync(path.join(dataDir, 'link-secret'), 'utf8'));
  });

  it('the next backup copies only the files that are new, and restores the same studio, row for row, which then starts', async () => {
    const liveFiles = await store.list('');
    expect(second.manifest.files.objects).toHaveLength(liveFiles.length);
    const before = new Set(first.manifest.files.objects.map((o) => o.sha256));
    const newBytes = second.manifest.files.objects.filter((o) => !before.has(o.sha256)).reduce((a, o) => a + o.size, 0);
    expect(second.manifest.files.copiedBytes).toBe(newBytes);
    expect(second.manifest.files.copiedBytes).toBeLessThan(liveFiles.reduce((a, o) => a + o.size, 0));

    // Restored the way an operator does: the command, into a new DATA_DIR.
    const into = path.join(work, 'restored');
    const run = await runScript(['cli.ts', 'restore', backups], { DATA_DIR: into, LOG_LEVEL: 'silent' });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`restored ${second.dir}`);
    expect(run.out).toMatch(/files: \d+ \(/);
    expect(tablesOf(path.join(into, 'mixdesk.db'))).toEqual(tablesOf(path.join(dataDir, 'mixdesk.db')));
    const restoredStore = new LocalObjectStore(path.join(into, 'objects'));
    const restored = await restoredStore.list('');
    expect(restored.map((o) => [o.key, o.sha256, o.size])).toEqual(liveFiles.map((o) => [o.key, o.sha256, o.size]));
    for (const o of restored) expect(sha256Of(path.join(into, 'objects', o.key))).toBe(o.sha256);

    // And the studio runs on it: the artists' bookings are there to be found.
    const reopened = await openDatabase(`file:${path.join(into, 'mixdesk.db')}`);
    try {
      const again = await testStudio(reopened, {}, undefined, restoredStore);
      const { client } = await again.clients.identify({ platform: 'test', externalId: 'artist-49', displayName: 'Artist 49' });
      const mine = await again.bookings.listForClient(client.id);
      expect(mine).toHaveLength(1);
      expect(await reopened.upload.count({ where: { bookingId: mine[0]!.id } })).toBe(1);
    } finally {
      await reopened.$disconnect();
    }
  });

  it('refuses to restore over data, from a newer mixdesk, or from a folder that holds no finished backup', async () => {
    await expect(restore(backups, studioAt(dataDir))).rejects.toThrow(/is not empty/);
    // A backup from a later version whose database has a migration this one does not know.
    const newer = path.join(work, 'newer');
    const { cpSync } = await import('node:fs');
    cpSync(second.dir, path.join(newer, path.basename(second.dir)), { recursive: true });
    cpSync(path.join(backups, 'objects'), path.join(newer, 'objects'), { recursive: true });
    const manifestFile = path.join(newer, path.basename(second.dir), 'manifest.json');
    const m = JSON.parse(await readFile(manifestFile, 'utf8')) as { database: { migrations: string[] }; app: { version: string } };
    m.database.migrations.push('20300101000000_from_the_future');
    m.app.version = '9.0.0';
    await writeFile(manifestFile, JSON.stringify(m));
    const target = path.join(work, 'never');
    await expect(restore(newer, studioAt(target))).rejects.toThrow(/newer mixdesk \(9\.0\.0.*20300101000000_from_the_future/);
    await expect(restore(path.join(work, 'nothing-here'), studioAt(target))).rejects.toThrow(RestoreRefused);
    // A file missing from the backup folder is found before anything is written.
    const gone = (await readManifest(second.dir)).files.objects[0]!;
    rmSync(path.join(newer, 'objects', gone.sha256.slice(0, 2), gone.sha256));
    m.database.migrations.pop();
    await writeFile(manifestFile, JSON.stringify(m));
    await expect(restore(newer, studioAt(target))).rejects.toThrow(/incomplete: 1 file/);
    expect(readdirSync(work)).not.toContain('never');
    // Through the command: said in one line, no stack trace, exit 1.
    const run = await runScript(['cli.ts', 'restore', backups], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(1);
    expect(run.err.trim()).toMatch(/^mixdesk: .* is not empty .*restore into a new, empty data directory$/);
  });

  it('keeps the newest BACKUP_KEEP backups and the files only they name; one backup at a time per folder', async () => {
    const folder = path.join(work, 'kept');
    const made = [];
    for (let h = 0; h < 4; h++) made.push(await backup(studioAt(dataDir), folder, { keep: 2, now: new Date(Date.UTC(2026, 11, 7, h)) }));
    expect(await snapshotsIn(folder)).toEqual(made.slice(2).map((b) => path.basename(b.dir)));
    expect(made[3]!.removed).toEqual([path.basename(made[1]!.dir)]);
    // Only the second and later copied nothing (the files were there).
    expect(made[0]!.manifest.files.copiedBytes).toBeGreaterThan(0);
    expect(made[3]!.manifest.files.copiedBytes).toBe(0);
    // A file the studio no longer holds goes from the folder once no kept backup names it.
    const victim = second.manifest.files.objects[0]!;
    await store.delete(victim.key);
    for (let h = 4; h < 6; h++) await backup(studioAt(dataDir), folder, { keep: 2, now: new Date(Date.UTC(2026, 11, 7, h)) });
    expect(readdirSync(path.join(folder, 'objects', victim.sha256.slice(0, 2)))).not.toContain(victim.sha256);
    // A backup of another live process holds the folder.
    writeFileSync(path.join(folder, '.lock'), String(process.pid));
    await expect(backup(studioAt(dataDir), folder, { keep: 2 })).rejects.toThrow(BackupBusyError);
    // One left by a killed backup does not.
    writeFileSync(path.join(folder, '.lock'), '999999999');
    await expect(backup(studioAt(dataDir), folder, { keep: 2 })).resolves.toBeTruthy();
  });

  it('BACKUP_CRON runs the same backup with the settings, and logs what it did', async () => {
    const folder = path.join(work, 'scheduled');
    const config = testConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, BACKUP_DIR: folder, BACKUP_KEEP: '1' });
    const logged: { obj: object; msg: string }[] = [];
    const log = { info: (obj: object, msg: string) => logged.push({ obj, msg }) };
    await scheduledBackup(config, log as never, new Date('2026-12-08T02:47:00Z'));
    const r = await scheduledBackup(config, log as never, new Date('2026-12-09T02:47:00Z'));
    expect(await snapshotsIn(folder)).toEqual(['2026-12-09T02-47-00-000Z']);
    expect(r.removed).toEqual(['2026-12-08T02-47-00-000Z']);
    expect(logged).toHaveLength(2);
    expect(logged[1]!.msg).toContain(`backup ${path.join(folder, '2026-12-09T02-47-00-000Z')}`);
    expect(logged[1]!.msg).toContain('removed 1 older backup(s)');
    expect(logged[1]!.obj).toMatchObject({ copiedBytes: 0, removed: ['2026-12-08T02-47-00-000Z'] });
  });

  it('with PostgreSQL it backs up the files and secret, and says what to use for the database', async () => {
    const pg = 'postgresql://studio@127.0.0.1:5432/mixdesk';
    const folder = path.join(work, 'with-postgres');
    const r = await backup({ ...studioAt(dataDir), databaseUrl: pg }, folder, { keep: 1 });
    expect(r.manifest.database).toMatchObject({ provider: 'postgresql', counts: {} });
    expect(r.manifest.database.file).toBeUndefined();
    expect(r.manifest.database.note).toMatch(/pg_dump/);
    expect(r.manifest.files.objects.length).toBeGreaterThan(0);
    const into = path.join(work, 'restored-postgres');
    const back = await restore(folder, { ...studioAt(into), databaseUrl: pg });
    expect(back.advice.join(' ')).toMatch(/PostgreSQL and not in this backup: restore it from its own \(pg_restore/);
    expect((await new LocalObjectStore(path.join(into, 'objects')).list('')).length).toBe(r.manifest.files.objects.length);
  });
});
