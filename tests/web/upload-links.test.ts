// The private upload page and the resumable upload API over real HTTP on loopback.
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../core/clock.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-web-'));
let t: TestDatabase;
let studio: Studio & { clock: ManualClock };
let web: WebServer;
let client: Awaited<ReturnType<Studio['clients']['identify']>>['client'];
let ref: string;
let token: string;

/** A valid 24-bit stereo WAV of about `mb` megabytes: one second of music repeated. */
async function bigWav(file: string, mb: number): Promise<{ size: number; sha256: string }> {
  const second = Buffer.from(await encodeAudio(makeTrack(1, 48000), 'wav24')).subarray(44);
  const repeats = Math.ceil((mb * 2 ** 20) / second.length);
  const header = Buffer.from(await encodeAudio({ sampleRate: 48000, channels: [new Float32Array(0), new Float32Array(0)] }, 'wav24'));
  header.writeUInt32LE(36 + second.length * repeats, 4);
  header.writeUInt32LE(second.length * repeats, 40);
  const fd = openSync(file, 'w');
  const hash = createHash('sha256').update(header);
  writeSync(fd, header);
  for (let i = 0; i < repeats; i++) {
    writeSync(fd, second);
    hash.update(second);
  }
  closeSync(fd);
  return { size: header.length + second.length * repeats, sha256: hash.digest('hex') };
}

beforeAll(async () => {
  t = await createTestDatabase('sqlite');
  studio = await testStudio(t.db, { UPLOAD_MAX_MB: '250' });
  web = await startWebServer({
    studio,
    log: pino({ level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
    stagingDir: path.join(dir, 'staging'),
    maxUploadBytes: 300 * 2 ** 20,
    maxFileMb: 250,
  });
  client = (await studio.clients.identify({ platform: 'test', externalId: 'web-ana', displayName: 'Ana' })).client;
  const b = await studio.bookings.create({
    clientId: client.id,
    serviceCode: 'master',
    kind: 'unattended',
    timeZone: 'Europe/London',
    idempotencyKey: 'web-1',
    origin: { platform: 'test', chatId: 'c' },
    actor: 'test',
  });
  ref = b.reference;
  ({ token } = await studio.links.issue(client, ref, 'mix'));
});
afterAll(async () => {
  await web?.close();
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const tusHeaders = (tok: string, extra: Record<string, string> = {}) => ({ 'Tus-Resumable': '1.0.0', 'X-Upload-Token': tok, ...extra });
const meta = (name: string) => `filename ${Buffer.from(name).toString('base64')}`;

async function create(tok: string, name: string, size: number): Promise<Response> {
  return fetch(`${web.url}/files/`, { method: 'POST', headers: tusHeaders(tok, { 'Upload-Length': String(size), 'Upload-Metadata': meta(name) }) });
}

async function patch(location: string, tok: string, offset: number, body: Uint8Array | ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<Response> {
  return fetch(new URL(location, web.url), {
    method: 'PATCH',
    headers: tusHeaders(tok, { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' }),
    body,
    signal,
    duplex: 'half',
  } as RequestInit);
}

async function offsetOf(location: string, tok: string): Promise<number> {
  const r = await fetch(new URL(location, web.url), { method: 'HEAD', headers: tusHeaders(tok) });
  return Number(r.headers.get('upload-offset'));
}

describe('the upload page', () => {
  it('shows the booking to the link holder and refuses forged, revoked and expired links with 403', async () => {
    const ok = await fetch(`${web.url}/u/${token}`);
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain(`files for ${ref}`);
    expect(html).toContain('/assets/tus.min.js');
    expect((await fetch(`${web.url}/assets/tus.min.js`)).status).toBe(200);
    const forged = await fetch(`${web.url}/u/${token.slice(0, -2)}xx`);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('This upload link is not valid.');
    expect((await fetch(`${web.url}/u/nonsense`)).status).toBe(403);
    const revoked = await studio.links.issue(client, ref, 'mix');
    await studio.links.revoke(revoked.link.id);
    expect(await (await fetch(`${web.url}/u/${revoked.token}`)).text()).toContain('This upload link was withdrawn.');
    const expiring = await studio.links.issue(client, ref, 'mix');
    studio.clock.advance(73 * 3_600_000);
    const expired = await fetch(`${web.url}/u/${expiring.token}`);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('This upload link has expired.');
    studio.clock.advance(-73 * 3_600_000);
    const health = await fetch(`${web.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, storage: 'local' });
  });
});

describe('edges of the link and its token', () => {
  it('refuses a token with trailing characters or extra segments (403), and a non-ASCII X-Upload-Token with 403, not 500', async () => {
    for (const bad of [`${token}x`, `${token}.extra`, `x${token}`, `${token.split('.')[0]}.${token.split('.')[1]}.${token.split('.')[1]}`]) {
      const r = await fetch(`${web.url}/u/${bad}`);
      expect(r.status, bad).toBe(403);
      expect(await r.text()).toContain('This upload link is not valid.');
    }
    const sig = token.split('.')[1]!;
    const nonAscii = `${token.split('.')[0]}.${sig.slice(0, -1)}é`;
    const r = await create(nonAscii, 'song.wav', 1000);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('This upload link is not valid.');
  });
});

describe('resumable uploads', () => {
  it('a 200 MB file survives a connection killed halfway and is stored with the right sha256', async () => {
    const file = path.join(dir, 'big-mix.wav');
    const { size, sha256 } = await bigWav(file, 200);
    const bytes = readFileSync(file);
    const created = await create(token, 'big-mix.wav', size);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const CHUNK = 16 * 2 ** 20;
    let offset = 0;
    // First half in chunks.
    while (offset < size / 2) {
      const r = await patch(location, token, offset, bytes.subarray(offset, Math.min(size, offset + CHUNK)));
      expect(r.status).toBe(204);
      offset = Number(r.headers.get('upload-offset'));
    }
    // Then a chunk whose connection dies after 5 MB.
    const abort = new AbortController();
    let sent = 0;
    const dying = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 5 * 2 ** 20) {
          abort.abort();
          return;
        }
        const piece = bytes.subarray(offset + sent, offset + sent + 2 ** 20);
        sent += piece.length;
        controller.enqueue(piece);
      },
    });
    await expect(patch(location, token, offset, dying, abort.signal)).rejects.toThrow();
    // Resume from wherever the server got to.
    let resumeAt = 0;
    for (let i = 0; i < 50 && resumeAt <= offset; i++) {
      resumeAt = await offsetOf(location, token);
      if (resumeAt <= offset) await new Promise((r) => setTimeout(r, 100));
    }
    expect(resumeAt).toBeGreaterThan(offset);
    expect(resumeAt).toBeLessThanOrEqual(offset + 5 * 2 ** 20);
    offset = resumeAt;
    let last: Response | undefined;
    while (offset < size) {
      last = await patch(location, token, offset, bytes.subarray(offset, Math.min(size, offset + CHUNK)));
      expect(last.status).toBe(offset + CHUNK >= size ? 200 : 204);
      offset = Number(last.headers.get('upload-offset') ?? offset + CHUNK);
    }
    const result = (await last!.json()) as { message: string };
    expect(result.message).toMatch(new RegExp(`^Received big-mix\\.wav for ${ref} \\(Mastering\\) as your mix\\.`));
    const up = await t.db.upload.findFirstOrThrow({ where: { fileName: 'big-mix.wav' } });
    expect(up.sha256).toBe(sha256);
    expect(Number(up.sizeBytes)).toBe(size);
    expect((await studio.store.head(up.storageKey))?.sha256).toBe(sha256);
    expect(readdirSync(path.join(dir, 'staging')).filter((n) => !n.endsWith('.json'))).toEqual([]);
  }, 120_000);

  it('the browser client (tus-js-client) uploads and gets the per-file result', async () => {
    const data = Buffer.from(await encodeAudio(makeTrack(3, 44100, { level: 0.3 }), 'flac24'));
    const message = await new Promise<string>((resolve, reject) => {
      const up = new tus.Upload(data, {
        endpoint: `${web.url}/files/`,
        chunkSize: 64 * 1024,
        headers: { 'X-Upload-Token': token },
        metadata: { filename: 'second-mix.flac' },
        onError: reject,
        onSuccess: (payload) => resolve(JSON.parse(payload.lastResponse.getBody()).message as string),
      });
      up.start();
    });
    expect(message).toMatch(/^Received second-mix\.flac for MD-[2-9A-Z]{6} \(Mastering\) as your mix\.\n {2}FLAC, 44\.1 kHz, 24-bit, stereo/);
  });

  it('creation-with-upload (one POST with the whole body) is answered with the result; an empty file is "empty"; staging is left clean', async () => {
    const staging = path.join(dir, 'staging');
    const body = Buffer.from(await encodeAudio(makeTrack(2, 48000), 'wav24'));
    const r = await fetch(`${web.url}/files/`, {
      method: 'POST',
      headers: tusHeaders(token, {
        'Upload-Length': String(body.length),
        'Upload-Metadata': meta('one-post.wav'),
        'Content-Type': 'application/offset+octet-stream',
      }),
      body,
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { message: string }).message).toMatch(/^Received one-post\.wav for MD-/);
    expect(await t.db.upload.count({ where: { fileName: 'one-post.wav' } })).toBe(1);
    const empty = await create(token, 'empty.wav', 0);
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: string }).error).toMatch(/^empty\.wav: the file is empty\./);
    expect(await t.db.upload.count({ where: { fileName: 'empty.wav' } })).toBe(0);
    // Neither left a staged file (nor its .json) behind; the removal runs after the answer, so
    // give the file system a few turns of the event loop (bounded; no clock involved).
    const stagedNames = () =>
      readdirSync(staging)
        .filter((f) => f.endsWith('.json'))
        .map((f) => {
          try {
            return (JSON.parse(readFileSync(path.join(staging, f), 'utf8')) as { metadata?: { filename?: string } }).metadata?.filename;
          } catch {
            return undefined; // removed while we looked
          }
        });
    for (let turn = 0; turn < 1000 && stagedNames().some((n) => n === 'one-post.wav' || n === 'empty.wav'); turn++) await new Promise((r) => setImmediate(r));
    expect(stagedNames()).not.toContain('one-post.wav');
    expect(stagedNames()).not.toContain('empty.wav');
  });

  it("a booking's allowance covers stored and staged bytes: one link cannot stage more than it", async () => {
    const quotaStudio = await testStudio(t.db, { UPLOAD_MAX_MB: '2048', UPLOAD_BOOKING_QUOTA_GB: '1' });
    const quotaWeb = await startWebServer({
      studio: quotaStudio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, 'staging-quota'),
      maxUploadBytes: 8 * 2 ** 30,
      maxFileMb: 2048,
    });
    try {
      const b = await quotaStudio.bookings.create({
        clientId: client.id,
        serviceCode: 'mix',
        kind: 'unattended',
        timeZone: 'Europe/London',
        idempotencyKey: 'web-quota',
        origin: { platform: 'test', chatId: 'c' },
        actor: 'test',
      });
      const link = await quotaStudio.links.issue(client, b.reference, 'stem');
      const start = (name: string, size: number, extra: Record<string, string> = {}) =>
        fetch(`${quotaWeb.url}/files/`, {
          method: 'POST',
          headers: tusHeaders(link.token, { 'Upload-Length': String(Math.round(size)), 'Upload-Metadata': meta(name), ...extra }),
        });
      const gb = 2 ** 30;
      expect((await start('first.wav', 0.6 * gb)).status).toBe(201);
      const second = await start('second.wav', 0.6 * gb);
      expect(second.status).toBe(413);
      expect(((await second.json()) as { error: string }).error).toMatch(
        /^second\.wav \(614\.4 MB\) would take MD-\w+ past its storage allowance of 1\.0 GB \(614\.4 MB already stored or on its way\)/,
      );
      expect((await start('small.wav', 0.3 * gb)).status).toBe(201);
      // An upload that will not say its size cannot be counted: refused.
      const deferred = await fetch(`${quotaWeb.url}/files/`, {
        method: 'POST',
        headers: tusHeaders(link.token, { 'Upload-Defer-Length': '1', 'Upload-Metadata': meta('unknown.wav') }),
      });
      expect(deferred.status).toBe(400);
      // Stored files count too, in chat as on the web: with 0.999 GB stored, a 2 MB file does not fit.
      await t.db.upload.create({
        data: {
          bookingId: b.id,
          clientId: client.id,
          role: 'stem',
          fileName: 'big.wav',
          sizeBytes: BigInt(Math.round(0.999 * gb)),
          sha256: 'x'.repeat(64),
          storageKey: 'uploads/none',
        },
      });
      const f = path.join(dir, 'fits-not.wav');
      writeFileSync(f, await encodeAudio(makeTrack(8, 48000), 'wav24'));
      await expect(quotaStudio.uploads.accept({ client, bookingRef: b.reference, fileName: 'fits-not.wav', path: f })).rejects.toThrow(
        /would take MD-\w+ past its storage allowance of 1\.0 GB/,
      );
    } finally {
      await quotaWeb.close();
    }
  });

  it('refuses bad uploads clearly and stores nothing', async () => {
    const before = await t.db.upload.count();
    // A forged token cannot even start.
    expect((await create(`${token.slice(0, 23)}forged`, 'x.wav', 10)).status).toBe(403);
    // Over the size cap.
    expect((await create(token, 'huge.wav', 400 * 2 ** 20)).status).toBe(413);
    // Text with a .wav name: the last chunk is answered with the reason.
    const text = Buffer.from('just some lyrics, not audio\n'.repeat(100));
    const c = await create(token, 'lyrics.wav', text.length);
    const r = await patch(c.headers.get('location')!, token, 0, text);
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: string }).error).toBe(
      'lyrics.wav: not an audio file we can read (expected WAV, AIFF, FLAC or MP3). Nothing was stored; please send WAV, AIFF, FLAC or MP3.',
    );
    // An upload started under one link cannot be continued with another booking's link.
    const other = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'mix',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: 'web-2',
      origin: { platform: 'test', chatId: 'c' },
      actor: 'test',
    });
    const otherLink = await studio.links.issue(client, other.reference, 'stem');
    const mine = await create(token, 'mine.wav', 1000);
    expect((await patch(mine.headers.get('location')!, otherLink.token, 0, Buffer.alloc(1000))).status).toBe(404);
    expect(await t.db.upload.count()).toBe(before);
  });
});
