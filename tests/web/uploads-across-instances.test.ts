// Several web instances (issue 34.4): with files in S3, unfinished resumable uploads wait in the
// bucket and their lock is shared through Redis, so an upload begun on one instance resumes on
// another. Web servers, each with its own studio, share one database, one s3rver and one Redis: a
// 200 MB upload begun on A, A stopped, resumed on B, reaches the booking exactly once; and while an
// instance still holds an upload (a connection gone quiet), B asks it to let go (tus's rule for a
// resume) instead of writing beside it — which an in-memory lock per instance could not do.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Studio } from '../../core/studio.js';
import { openDatabase, type Db } from '../../db/client.js';
import { encodeAudio } from '../../engine/io/index.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { s3Staging } from '../../web/staging.js';
import { createTestDatabase, pgUrl, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { testStudio } from '../helpers/studio.js';

const redisUrl = process.env.TEST_REDIS_URL;
const MB = 2 ** 20;
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-instances-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 24-bit 48 kHz stereo WAV of `bytes` (a second of noise, repeated), written without holding it in memory. */
async function wavOfSize(file: string, bytes: number): Promise<void> {
  const second = Buffer.from(await encodeAudio(makeTrack(1), 'wav24'));
  const dataAt = second.indexOf('data') + 8;
  const block = second.subarray(dataAt);
  const dataBytes = Math.floor((bytes - 44) / 6) * 6;
  const header = Buffer.from(second.subarray(0, 44));
  header.writeUInt32LE(36 + dataBytes, 4);
  header.writeUInt32LE(dataBytes, 40);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, header);
    for (let left = dataBytes; left > 0; left -= block.length) writeSync(fd, block, 0, Math.min(left, block.length));
  } finally {
    closeSync(fd);
  }
}

async function sha256Of(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(file)) h.update(c as Buffer);
  return h.digest('hex');
}

const meta = (name: string) => `filename ${Buffer.from(name).toString('base64')}`;

describe.runIf(redisUrl)('an upload begun on one web instance resumes on another (S3 staging, Redis lock)', () => {
  let t: TestDatabase;
  let s3: TestS3;
  const dbs: Db[] = [];
  const servers: WebServer[] = [];
  let studios: Studio[];
  let token: string;
  let bookingId: string;
  const prefix = `inst-${randomBytes(3).toString('hex')}/`;
  const secret = randomBytes(32).toString('base64url');

  /** One web instance: its own studio, database connection and staging, the shared bucket and Redis. */
  async function instance(name: string): Promise<{ studio: Studio; web: WebServer }> {
    const db = await openDatabase(t.url);
    dbs.push(db);
    const store = s3.store(prefix);
    const studio = await testStudio(db, { UPLOAD_MAX_MB: '1024' }, undefined, store, { links: { secret, baseUrl: 'http://127.0.0.1', ttlHours: 24 } });
    const web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, `staging-${name}`),
      staging: s3Staging({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        prefix,
        expiryMs: studio.staged.expiryMs,
        workDir: path.join(dir, `work-${name}`),
        redisUrl: redisUrl!,
      }),
      maxUploadBytes: 1024 * MB,
      maxFileMb: 1024,
    });
    servers.push(web);
    return { studio, web };
  }

  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestDatabase(pgUrl ? 'postgresql' : 'sqlite');
    const a = await instance('a');
    const b = await instance('b');
    studios = [a.studio, b.studio];
    const { client } = await a.studio.clients.identify({ platform: 'test', externalId: 'inst-ana', displayName: 'Ana' });
    const booking = await a.studio.bookings.create({
      clientId: client.id,
      serviceCode: 'mix',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: 'inst-1',
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    bookingId = booking.id;
    token = (await a.studio.links.issue(client, booking.reference, 'stem')).token;
  }, 60_000);
  afterAll(async () => {
    for (const w of servers) await w.close().catch(() => undefined);
    for (const db of dbs) await db.$disconnect();
    await t?.drop();
    await s3?.stop();
  });

  const headers = (more: Record<string, string> = {}) => ({ 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token, ...more });
  const offsetOn = async (web: WebServer, id: string) =>
    Number((await fetch(`${web.url}/files/${id}`, { method: 'HEAD', headers: headers() })).headers.get('upload-offset'));

  /** A PATCH that sends bytes [from, stallAt) of the file and then goes quiet, as a dropped phone connection does. */
  function stalledPatch(web: WebServer, id: string, file: string, from: number, stallAt: number): Promise<Response | null> {
    const source = createReadStream(file, { start: from, end: stallAt - 1 });
    let ended = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (ended) return new Promise(() => undefined); // never more
        for await (const chunk of source) controller.enqueue(new Uint8Array(chunk as Buffer));
        ended = true;
      },
    });
    return fetch(`${web.url}/files/${id}`, {
      method: 'PATCH',
      headers: headers({ 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' }),
      body,
      duplex: 'half',
    } as RequestInit).catch(() => null);
  }

  async function start(web: WebServer, name: string, size: number): Promise<string> {
    const r = await fetch(`${web.url}/files/`, { method: 'POST', headers: headers({ 'Upload-Length': String(size), 'Upload-Metadata': meta(name) }) });
    expect(r.status, await r.clone().text()).toBe(201);
    return r.headers.get('location')!.split('/').pop()!;
  }

  const patchRest = (web: WebServer, id: string, file: string, from: number) =>
    fetch(`${web.url}/files/${id}`, {
      method: 'PATCH',
      headers: headers({ 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' }),
      body: Readable.toWeb(createReadStream(file, { start: from })) as ReadableStream,
      duplex: 'half',
    } as RequestInit);

  it('a 200 MB upload begun on A, A stopped, resumed on B: the file reaches the booking exactly once', async () => {
    const [a, b] = servers as [WebServer, WebServer];
    const file = path.join(dir, 'big-mix.wav');
    await wavOfSize(file, 200 * MB);
    const size = 200 * MB - ((200 * MB - 44) % 6);
    const id = await start(a, 'lead vocal.wav', size);
    expect(id).toMatch(/^inst-[0-9a-f]{6}-staging-[0-9a-f]{32}$/);
    // A takes the first 96 MB and the connection goes quiet. (Asking B how far it got would take
    // the upload from A — that is the next test — so the parts are counted in s3rver's folder.)
    const first = stalledPatch(a, id, file, 0, 96 * MB);
    await expect.poll(() => s3.partBytes(), { timeout: 180_000, interval: 100 }).toBeGreaterThanOrEqual(88 * MB);
    await a.close(); // A is stopped (a deploy): its quiet request ends with it
    await first;
    const offset = await offsetOn(b, id);
    expect(offset).toBeGreaterThanOrEqual(88 * MB);
    expect(offset).toBeLessThanOrEqual(96 * MB);
    const done = await patchRest(b, id, file, offset);
    expect(done.status, await done.clone().text()).toBe(200);
    expect(((await done.json()) as { message: string }).message).toContain('lead vocal.wav');
    const uploads = await t.db.upload.findMany({ where: { bookingId } });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ fileName: 'lead vocal.wav', sha256: await sha256Of(file), sizeBytes: BigInt(size) });
    expect((await studios[1]!.store.head(uploads[0]!.storageKey))?.size).toBe(size);
    // The staged copy goes from the bucket, and the reservation with it; asked again (the page
    // retrying its last request), the upload is gone and nothing more is stored.
    await expect.poll(() => t.db.stagedUpload.count({ where: { bookingId } })).toBe(0);
    await expect.poll(async () => (await fetch(`${b.url}/files/${id}`, { method: 'HEAD', headers: headers() })).status).toBe(404);
    expect(await t.db.upload.count({ where: { bookingId } })).toBe(1);
  }, 240_000);

  it('while another instance holds an upload (its connection gone quiet), B asks it through Redis to let go, then resumes it', async () => {
    // A is stopped: a third instance, C, holds this one.
    const c = await instance('c');
    const b = servers[1]!;
    const file = path.join(dir, 'second-stem.wav');
    await wavOfSize(file, 24 * MB);
    const size = 24 * MB - ((24 * MB - 44) % 6);
    const before = s3.partBytes();
    const id = await start(c.web, 'backing vocal.wav', size);
    let settled = false;
    const quiet = stalledPatch(c.web, id, file, 0, 16 * MB).then((r) => {
      settled = true;
      return r;
    });
    await expect.poll(() => s3.partBytes() - before, { timeout: 120_000, interval: 100 }).toBeGreaterThanOrEqual(8 * MB);
    expect(settled).toBe(false); // C still holds it, waiting for bytes that never come
    // B is asked where the upload stands: it takes the lock from C's quiet request, which ends.
    const offset = await offsetOn(b, id);
    expect(offset).toBeGreaterThanOrEqual(8 * MB);
    await expect.poll(() => settled, { timeout: 30_000 }).toBe(true);
    await quiet;
    const done = await patchRest(b, id, file, offset);
    expect(done.status, await done.clone().text()).toBe(200);
    const stored = await t.db.upload.findMany({ where: { bookingId, fileName: 'backing vocal.wav' } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.sha256).toBe(await sha256Of(file));
  }, 240_000);
});
