// Resumable uploads under way, on SQLite and PostgreSQL: their declared sizes are reserved against
// the booking's quota in the same step that checks it (twenty started at once cannot together pass
// a quota each passes alone), and one link has a bounded number under way at once.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../core/conversation/types.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { LocalObjectStore } from '../../storage/local-store.js';
import { makeTrack } from '../helpers/music.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { createTestDatabase, testProviders, type TestDatabase } from '../helpers/db.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-staged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const meta = (name: string) => `filename ${Buffer.from(name).toString('base64')}`;
const gb = 2 ** 30;
const mixFile = path.join(dir, 'mix.wav');
writeFileSync(mixFile, await encodeAudio(makeTrack(2), 'wav24'));

describe.each(testProviders())('uploads under way on %s', (provider) => {
  let t: TestDatabase;
  let studio: Studio;
  let web: WebServer;
  let token: string;
  let bookingId: string;

  beforeEach(async () => {
    t = await createTestDatabase(provider);
    studio = await testStudio(t.db, { UPLOAD_MAX_MB: '2048', UPLOAD_BOOKING_QUOTA_GB: '1', UPLOAD_LINK_MAX_UNFINISHED: '25' });
    web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, `staging-${provider}-${Date.now()}`),
      maxUploadBytes: 8 * gb,
      maxFileMb: 2048,
    });
    const { client } = await studio.clients.identify({ platform: 'test', externalId: 'staged-ana', displayName: 'Ana' });
    const b = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'mix',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: 'staged-1',
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    bookingId = b.id;
    token = (await studio.links.issue(client, b.reference, 'stem')).token;
  });
  afterEach(async () => {
    await web.close();
    await t.drop();
  });

  const start = (name: string, size: number) =>
    fetch(`${web.url}/files/`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token, 'Upload-Length': String(Math.round(size)), 'Upload-Metadata': meta(name) },
    });

  it('twenty 900 MB uploads started at once under a 1 GB quota: exactly one is taken, the others told why', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => start(`stem-${i}.wav`, 0.9 * gb)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = answers.filter((r) => r.status === 413);
    expect(refused).toHaveLength(19);
    expect(((await refused[0]!.json()) as { error: string }).error).toMatch(/past its storage allowance of 1\.0 GB \(921\.6 MB already stored or on its way\)/);
    const reserved = await t.db.stagedUpload.aggregate({ where: { bookingId }, _sum: { sizeBytes: true }, _count: true });
    expect(reserved._count).toBe(1);
    expect(Number(reserved._sum.sizeBytes)).toBe(Math.round(0.9 * gb));
  });

  it('one link has at most its share under way: the next is refused in a sentence until one finishes', async () => {
    for (let i = 0; i < 25; i++) expect((await start(`tiny-${i}.wav`, 1)).status).toBe(201);
    const over = await start('one-too-many.wav', 1);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: string }).error).toBe(
      'This link already has 25 uploads under way. Let them finish (or wait a while) before sending more; a zip of your stems counts as one.',
    );
    // One of them is finished (a one-byte file is refused as audio, and its staged copy removed): a place is free again.
    const first = await t.db.stagedUpload.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const finished = await fetch(`${web.url}/files/${first.id}`, {
      method: 'PATCH',
      headers: { 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: Buffer.alloc(1),
    });
    expect(finished.status).toBe(422);
    await expect.poll(() => t.db.stagedUpload.count()).toBe(24);
    expect((await start('now-it-fits.wav', 1)).status).toBe(201);
  });
});

describe('an upload received whole but never taken (the service stopped while taking it)', () => {
  let t: TestDatabase;
  let token: string;
  let ref: string;
  const sent: Reply[] = [];
  const store = new LocalObjectStore(mkdtempSync(path.join(dir, 'objects-')));
  // The studio's link secret outlives a restart (the app keeps it in its data folder).
  const links = { secret: 'a-secret-that-survives-the-restart-of-the-service', baseUrl: 'http://127.0.0.1', ttlHours: 72 };
  const staging = () => path.join(dir, `staging-crash-${t.url.length}-${ref}`);

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    sent.length = 0;
  });
  afterEach(() => t.drop());

  const serve = async (studio: Studio) =>
    startWebServer({ studio, log: pino({ level: 'silent' }), host: '127.0.0.1', port: 0, stagingDir: staging(), maxUploadBytes: 2 ** 26, maxFileMb: 64 });
  const headers = () => ({ 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token });

  /** The first service takes every byte of mix.wav, then stops while taking it: its answer never comes. */
  async function crashWhileTaking(): Promise<{ location: string; size: number }> {
    const first = await testStudio(t.db, {}, undefined, store, { links });
    const { client } = await first.clients.identify({ platform: 'test', externalId: 'crash-ana', displayName: 'Ana' });
    ref = await first.bookings
      .create({
        clientId: client.id,
        serviceCode: 'master',
        kind: 'unattended',
        timeZone: 'UTC',
        idempotencyKey: 'crash-1',
        origin: { platform: 'test', chatId: 'dm-ana' },
        actor: 't',
      })
      .then((b) => b.reference);
    first.uploads.acceptAny = () => new Promise(() => undefined); // killed mid-accept
    const web = await serve(first);
    token = (await first.links.issue(client, ref, 'mix')).token;
    const bytes = readFileSync(mixFile);
    const created = await fetch(`${web.url}/files/`, {
      method: 'POST',
      headers: { ...headers(), 'Upload-Length': String(bytes.length), 'Upload-Metadata': meta('mix.wav') },
    });
    const location = new URL(created.headers.get('location')!, web.url).pathname;
    const abort = new AbortController();
    const patch = fetch(`${web.url}${location}`, {
      method: 'PATCH',
      headers: { ...headers(), 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: bytes,
      signal: abort.signal,
    }).catch(() => null);
    await expect
      .poll(() => first.uploads.acceptAny !== undefined && readdirSync(staging()).some((n) => statSync(path.join(staging(), n)).size === bytes.length))
      .toBe(true);
    abort.abort();
    await patch;
    await web.close();
    expect(await t.db.upload.count()).toBe(0);
    return { location, size: bytes.length };
  }

  const restarted = async () => {
    const studio = await testStudio(t.db, {}, undefined, store, { links });
    studio.outbox.register('test', { send: async (_c, r) => void sent.push(r) });
    return { studio, web: await serve(studio) };
  };

  it('is taken at the next start, said in the chat, and its staged copy and reservation go', async () => {
    await crashWhileTaking();
    const { studio, web } = await restarted();
    try {
      expect(await web.recoverStaged()).toBe(1);
      expect(await t.db.upload.count()).toBe(1);
      await studio.outbox.dispatch();
      expect(sent.map((r) => r.text).join('\n')).toContain(`Received mix.wav for ${ref}`);
      expect(await t.db.stagedUpload.count()).toBe(0);
      expect(readdirSync(staging()).filter((n) => !n.endsWith('.json'))).toEqual([]);
      expect(await web.recoverStaged()).toBe(0);
    } finally {
      await web.close();
    }
  });

  it('a resume that finds every byte there takes it before the page hears "done"', async () => {
    const { location, size } = await crashWhileTaking();
    const { studio, web } = await restarted();
    try {
      const head = await fetch(`${web.url}${location}`, { method: 'HEAD', headers: headers() });
      expect(head.status).toBe(200);
      expect(head.headers.get('upload-offset')).toBe(String(size));
      expect(await t.db.upload.count()).toBe(1);
      await studio.outbox.dispatch();
      expect(sent.map((r) => r.text).join('\n')).toContain(`Received mix.wav for ${ref}`);
      // Once: the restart's sweep finds nothing left to take.
      expect(await web.recoverStaged()).toBe(0);
      expect(await t.db.upload.count()).toBe(1);
    } finally {
      await web.close();
    }
  });
});
