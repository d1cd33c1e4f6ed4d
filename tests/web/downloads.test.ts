// Signed download links for delivered files over real HTTP: streamed from local disk, redirected to
// a presigned URL on S3 (s3rver); forged, expired and removed files are refused clearly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../core/clock.js';
import type { Studio } from '../../core/studio.js';
import { LocalObjectStore } from '../../storage/local-store.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { S3ObjectStore } from '../../storage/s3-store.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { testStudio } from '../helpers/studio.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-dl-'));
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3('downloads-test');
});
afterAll(async () => {
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => ObjectStore][] = [
  ['local disk', () => new LocalObjectStore(mkdtempSync(path.join(dir, 'objects-')))],
  [
    'S3',
    () =>
      new S3ObjectStore({
        bucket: s3.bucket,
        region: 'us-east-1',
        endpoint: s3.endpoint,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      }),
  ],
];

describe.each(stores)('download links, files on %s', (_name, makeStore) => {
  let t: TestDatabase;
  let studio: Studio & { clock: ManualClock };
  let web: WebServer;
  const body = Buffer.from('RIFF....WAVE pretend master bytes '.repeat(1000));

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    studio = await testStudio(t.db, { DOWNLOAD_LINK_TTL_DAYS: '30' }, undefined, makeStore());
    web = await startWebServer({
      studio,
      log: pino({ level: 'silent' }),
      host: '127.0.0.1',
      port: 0,
      stagingDir: path.join(dir, `staging-${Math.random()}`),
      maxUploadBytes: 2 ** 20,
      maxFileMb: 1,
    });
    await studio.store.put('deliveries/b1/v1/master-Song.wav', body, { contentType: 'audio/wav' });
  });
  afterAll(async () => {
    await web?.close();
    await t?.drop();
  });

  it('a validly signed key that resolves outside the store is 404, not 500; a token with extra segments is refused', async () => {
    for (const key of ['../../etc/passwd', '/etc/passwd', 'deliveries/../../x']) {
      const url = studio.downloads.url(key, 'x.wav')!;
      const r = await fetch(url);
      expect(r.status, key).toBe(404);
      expect(await r.text()).toContain('This file is no longer stored.');
    }
    const good = studio.downloads.url('deliveries/b1/v1/master-Song.wav', 'Song.wav')!;
    expect((await fetch(`${good}.extra`)).status).toBe(403);
  });

  it('a signed link downloads the file under its real name', async () => {
    const url = studio.downloads.url('deliveries/b1/v1/master-Song.wav', 'Sóng - master v1.wav')!;
    expect(url.startsWith(`${web.url}/d/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
    if (studio.store.kind === 'local') {
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    } else {
      expect(res.redirected).toBe(true);
    }
    // Saved under the artist's file name either way (S3 is asked to answer with it).
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="S_ng - master v1.wav"; filename*=UTF-8''S%C3%B3ng%20-%20master%20v1.wav`);
  });

  it('forged, altered and expired links are refused; a removed file says so', async () => {
    const url = studio.downloads.url('deliveries/b1/v1/master-Song.wav', 'Song.wav')!;
    const [payload, sig] = url.split('/d/')[1]!.split('.');
    // Someone else's key under the same signature.
    const other = Buffer.from(JSON.stringify(['uploads/secret/mix.wav', 'mix.wav', 9_999_999_999])).toString('base64url');
    for (const bad of [`${other}.${sig}`, `${payload}.${sig!.slice(0, -2)}xx`, `${payload}`, 'nonsense']) {
      const res = await fetch(`${web.url}/d/${bad}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('This download link is not valid or has expired.');
    }
    const gone = studio.downloads.url('deliveries/b1/v1/removed.wav', 'removed.wav')!;
    const res = await fetch(gone);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This file is no longer stored.');
    studio.clock.advance(31 * 86_400_000);
    expect((await fetch(url)).status).toBe(403);
  });
});
