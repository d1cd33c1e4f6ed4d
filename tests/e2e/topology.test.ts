// The production topology (issue 34.4), as processes: two `mixdesk start --no-bots` web instances
// and one `mixdesk worker`, sharing PostgreSQL, Redis and an S3 store (s3rver over HTTP). An artist's
// upload begins on one web instance and finishes on the other; the worker masters it; the version
// is made once and the artist's message recorded once; every process is ready, then stops cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { encodeAudio } from '../../engine/io/index.js';
import { createTestDatabase, pgUrl, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { freePort } from '../helpers/ports.js';
import { mixdeskArgs } from '../helpers/run-script.js';
import { startS3, type TestS3 } from '../helpers/s3.js';
import { testStudio } from '../helpers/studio.js';

const redisUrl = process.env.TEST_REDIS_URL;
const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-topology-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Process {
  name: string;
  child: ChildProcess;
  err: () => string;
}

describe.runIf(pgUrl && redisUrl)('two web instances and a worker on PostgreSQL, Redis and S3', () => {
  let t: TestDatabase;
  let s3: TestS3;
  const processes: Process[] = [];
  const ports: number[] = [];
  const secret = randomBytes(32).toString('base64url');
  const prefix = `topo-${randomBytes(3).toString('hex')}`;
  let env: Record<string, string>;

  function run(name: string, args: string[], more: Record<string, string>): Process {
    const child = spawn(process.execPath, mixdeskArgs(...args), {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', ...env, DATA_DIR: path.join(dir, name), ...more },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const p = { name, child, err: () => err };
    processes.push(p);
    return p;
  }

  beforeAll(async () => {
    s3 = await startS3();
    t = await createTestDatabase('postgresql');
    env = {
      DATABASE_URL: t.url,
      QUEUE_DRIVER: 'redis',
      REDIS_URL: redisUrl!,
      QUEUE_PREFIX: prefix,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: `${prefix}/`,
      UPLOAD_LINK_SECRET: secret,
      ENGINEER_ALERTS: 'none',
      LOG_LEVEL: 'warn',
    };
    for (const name of ['web-a', 'web-b']) {
      const port = await freePort();
      ports.push(port);
      // The web instances answer; the worker makes the masters.
      run(name, ['start', '--no-bots'], { WEB_PORT: String(port), SERVICE_RUNS_JOBS: 'false' });
    }
    run('worker', ['worker'], {});
  }, 60_000);
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await t?.drop();
    await s3?.stop();
  });

  it('an upload begun on A and finished on B is mastered once by the worker; every process is ready and stops cleanly', async () => {
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    for (const url of [a, b]) {
      await vi.waitFor(
        async () => {
          const r = await fetch(`${url}/readyz`);
          const body = (await r.json()) as { parts: Record<string, string> };
          expect(r.status, JSON.stringify(body)).toBe(200);
          expect(body.parts).toMatchObject({ database: 'ok', 'queue (redis)': 'ok', 'storage (s3)': 'ok' });
        },
        { timeout: 60_000, interval: 200 },
      );
    }
    // The artist and the booking, made through the studio's own services (as a chat would).
    const store = s3.store(`${prefix}/`);
    const studio = await testStudio(t.db, {}, new Date(), store, { links: { secret, baseUrl: a, ttlHours: 24 } });
    studio.links.servedAt(a); // the link names web A, as a chat's /uploadlink would
    const { client } = await studio.clients.identify({ platform: 'test', externalId: 'topo-ana', displayName: 'Ana' });
    const booking = await studio.bookings.create({
      clientId: client.id,
      serviceCode: 'master',
      kind: 'unattended',
      timeZone: 'Europe/London',
      idempotencyKey: 'topology-1',
      origin: { platform: 'test', chatId: 'topo-chat' },
      actor: 'test',
    });
    const token = (await studio.links.issue(client, booking.reference, 'mix')).token;
    const mixFile = path.join(dir, 'mix.wav');
    writeFileSync(mixFile, await encodeAudio(makeTrack(20, 44100), 'wav16'));
    const mix = readFileSync(mixFile);
    const headers = (more: Record<string, string>) => ({ 'Tus-Resumable': '1.0.0', 'X-Upload-Token': token, ...more });

    const created = await fetch(`${a}/files/`, {
      method: 'POST',
      headers: headers({ 'Upload-Length': String(mix.length), 'Upload-Metadata': `filename ${Buffer.from('final mix.wav').toString('base64')}` }),
    });
    expect(created.status).toBe(201);
    const id = created.headers.get('location')!.split('/').pop()!;
    const half = Math.floor(mix.length / 2);
    const firstHalf = await fetch(`${a}/files/${id}`, {
      method: 'PATCH',
      headers: headers({ 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }),
      body: mix.subarray(0, half),
    });
    expect(firstHalf.status).toBe(204);
    // The page reconnects to the other instance: it says how far the upload got, and takes the rest.
    const offset = Number((await fetch(`${b}/files/${id}`, { method: 'HEAD', headers: headers({}) })).headers.get('upload-offset'));
    expect(offset).toBe(half);
    const rest = await fetch(`${b}/files/${id}`, {
      method: 'PATCH',
      headers: headers({ 'Upload-Offset': String(half), 'Content-Type': 'application/offset+octet-stream' }),
      body: mix.subarray(half),
    });
    expect(rest.status, await rest.clone().text()).toBe(200);

    // The worker masters it: one version, delivered once.
    await vi.waitFor(
      async () =>
        expect(await t.db.delivery.findMany({ where: { bookingId: booking.id }, select: { version: true, status: true } })).toEqual([
          { version: 1, status: 'ready' },
        ]),
      { timeout: 180_000, interval: 250 },
    );
    expect(await t.db.upload.count({ where: { bookingId: booking.id } })).toBe(1);
    const told = await t.db.notification.findMany({ where: { chatId: 'topo-chat', key: { startsWith: 'delivery:' } } });
    expect(told).toHaveLength(1);

    for (const p of processes) p.child.kill('SIGTERM');
    for (const p of processes) {
      const [code] = (p.child.exitCode === null ? await once(p.child, 'exit') : [p.child.exitCode]) as [number | null];
      expect(code, `${p.name}: ${p.err()}`).toBe(0);
    }
  }, 300_000);
});
