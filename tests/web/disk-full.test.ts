// A disk that fills: uploads are refused before their bytes arrive, with a sentence (the page and
// the chat alike); /healthz says not ready and why, and the engineer is told; a database that can
// no longer write says "storage full" in the chat, not "something went wrong".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-disk-'));
// Removed through the file system's queue (after the staging store's own directory check, which
// each web server queues when it starts), not at once on the main thread.
afterAll(() => rm(dir, { recursive: true, force: true }));
const mix = path.join(dir, 'mix.wav');
writeFileSync(mix, await encodeAudio(makeTrack(2), 'wav24'));
const mb = 2 ** 20;

describe('a disk that fills', () => {
  let t: TestDatabase;
  let studio: Studio;
  let web: WebServer;
  let chat: TestChat;
  const sent: Reply[] = [];
  /** What the disk under DATA_DIR has free (the reserve is 1024 MB). */
  let free = 50_000 * mb;

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    free = 50_000 * mb;
    sent.length = 0;
    studio = await testStudio(t.db, { ENGINEER_CHAT: 'console:engineer', UPLOAD_MAX_MB: '2048' }, undefined, undefined, { freeSpace: async () => free });
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    studio.outbox.register('console', { send: async (_c, r) => void sent.push(r) });
    web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: mkdtempSync(path.join(dir, 'staging-')),
      maxUploadBytes: 4096 * mb,
      maxFileMb: 2048,
    });
    chat = new TestChat(new Conversation(studio, pino({ level: 'silent' })), TestChat.sender('mara'));
  });
  afterEach(async () => {
    await web.close();
    await t.drop();
  });

  const said = async () => {
    await studio.outbox.dispatch();
    return sent.splice(0).map((r) => r.text);
  };

  it('an upload that would eat into the reserve is refused before a byte of it arrives, on the page and in the chat', async () => {
    const ref = await chat.book('master', 'Unattended');
    const { client } = await studio.clients.identify({ platform: 'test', externalId: 'mara', displayName: 'mara' });
    const { token } = await studio.links.issue(client, ref, 'mix');
    free = 1500 * mb; // 1 GB kept free: a 600 MB file does not fit
    const created = await fetch(`${web.url}/files/`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'X-Upload-Token': token,
        'Upload-Length': String(600 * mb),
        'Upload-Metadata': `filename ${Buffer.from('big.wav').toString('base64')}`,
      },
    });
    expect(created.status).toBe(507);
    expect(((await created.json()) as { error: string }).error).toBe(
      "The studio's storage is nearly full, so big.wav cannot be taken right now. Nothing was stored; the engineer has been told. Please try again later.",
    );
    expect(await t.db.stagedUpload.count()).toBe(0);
    free = 1024 * mb; // a chat file too
    await chat.event({ kind: 'file', file: { name: 'mix.wav', sizeBytes: 0, ref: mix, id: 'full' } });
    expect(chat.text).toContain("The studio's storage is nearly full, so mix.wav cannot be taken right now.");
    expect(await t.db.upload.count()).toBe(0);
    const alerts = (await said()).filter((x) => x.includes('nearly full'));
    // Told once an hour while it lasts, not per refusal.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^🔔 The disk under .+ is nearly full \(1024 MB free\)|^🔔 The disk under .+ is nearly full \(1500 MB free\)/);
  });

  it('/healthz says not ready while the disk is short, and why; ready again once there is room', async () => {
    free = 200 * mb;
    const short = await fetch(`${web.url}/healthz`);
    expect(short.status).toBe(503);
    expect(((await short.json()) as { problems: string[] }).problems[0]).toMatch(
      /^disk nearly full: 200 MB free under .+, below the 1024 MB kept free \(DISK_RESERVE_MB\)$/,
    );
    expect((await said()).some((x) => x.includes('is nearly full (200 MB free)'))).toBe(true);
    free = 5000 * mb;
    expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
  });

  it('a database that can no longer write says so in the chat, not "something went wrong"', async () => {
    const record = t.db.processedEvent.create.bind(t.db.processedEvent);
    t.db.processedEvent.create = (() =>
      Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))) as unknown as typeof record;
    try {
      const replies = await chat.conversation.handle({ ...TestChat.sender('mara'), kind: 'text', text: '/book', eventId: 'full-1' });
      expect(replies.map((r) => r.text)).toEqual([
        "The studio's storage is full right now, so I could not save that. Nothing was changed; the engineer has been told. Please try again later.",
      ]);
    } finally {
      t.db.processedEvent.create = record;
    }
  });
});

/** A 3 MB tmpfs for the staging folder, where this machine lets the test mount one (root in CI). */
function smallDisk(): string | null {
  const at = mkdtempSync(path.join(tmpdir(), 'mixdesk-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', at], { stdio: 'ignore' });
    return at;
  } catch {
    console.warn('ENOSPC upload test SKIPPED: it mounts a small tmpfs, which needs root (CI runs as root).');
    return null;
  }
}
const small = smallDisk();
afterAll(() => {
  if (small) execFileSync('umount', [small], { stdio: 'ignore' });
});

describe.runIf(small)('a disk that fills while an upload arrives', () => {
  it('the partial upload is removed (it would keep the disk full) and the page told why in a sentence', async () => {
    const t = await createTestDatabase('sqlite');
    // The free-space check at creation passes (DATA_DIR has room); the staging disk then fills.
    const studio = await testStudio(t.db, { UPLOAD_MAX_MB: '64' });
    const web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: small!,
      maxUploadBytes: 64 * mb,
      maxFileMb: 64,
    });
    try {
      const { client } = await studio.clients.identify({ platform: 'test', externalId: 'full-ana', displayName: 'Ana' });
      const b = await studio.bookings.create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: 'enospc-1',
        origin: { platform: 'test', chatId: 'c' },
        actor: 't',
      });
      const { token } = await studio.links.issue(client, b.reference, 'mix');
      const headers = { 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token };
      const created = await fetch(`${web.url}/files/`, {
        method: 'POST',
        headers: { ...headers, 'Upload-Length': String(8 * mb), 'Upload-Metadata': `filename ${Buffer.from('big.wav').toString('base64')}` },
      });
      expect(created.status).toBe(201);
      const patch = await fetch(new URL(created.headers.get('location')!, web.url), {
        method: 'PATCH',
        headers: { ...headers, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
        body: Buffer.alloc(8 * mb),
      });
      expect(patch.status).toBe(507);
      expect(((await patch.json()) as { error: string }).error).toBe(
        "The studio's storage is nearly full, so big.wav cannot be taken right now. Nothing was stored; the engineer has been told. Please try again later.",
      );
      await expect.poll(() => readdirSync(small!).length).toBe(0);
      expect(await t.db.stagedUpload.count()).toBe(0);
    } finally {
      await web.close();
      await t.drop();
    }
  });
});
