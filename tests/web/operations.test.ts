// What a hoster watches (issue 34.2): /metrics in Prometheus's format behind its bearer token, with
// jobs counted while they run and after, and /readyz saying which part is not ready and why — here
// a Redis of the test's own, stopped and started again under a running service.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Conversation } from '../../core/conversation/engine.js';
import type { Studio } from '../../core/studio.js';
import { encodeAudio } from '../../engine/io/index.js';
import { BullQueue } from '../../queue/bullmq.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { TestChat } from '../helpers/chat.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { makeTrack } from '../helpers/music.js';
import { testStudio } from '../helpers/studio.js';
import { freePort } from '../helpers/ports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-ops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOKEN = 'metrics-token-0123456789abcdef';
const log = pino({ level: 'silent' });

const web = (studio: Studio, extra: { metricsToken?: string } = {}) =>
  startWebServer({
    studio,
    log,
    host: '127.0.0.1',
    port: 0,
    stagingDir: path.join(dir, `staging-${Math.random()}`),
    maxUploadBytes: 2 ** 26,
    maxFileMb: 64,
    ...extra,
  });

/** One sample's value from the exposition text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  let t: TestDatabase;
  let studio: Studio;
  let queue: InProcessQueue;
  let server: WebServer;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    queue = new InProcessQueue();
    studio = await testStudio(t.db, {}, undefined, undefined, { queue });
    await studio.jobs.work();
    server = await web(studio, { metricsToken: TOKEN });
  });
  afterAll(async () => {
    await server?.close();
    await queue?.close();
    await t?.drop();
  });

  const scrape = async (token = TOKEN) => fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });

  it('answers only the bearer token, and is absent without one configured', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await scrape('x'.repeat(TOKEN.length))).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    const text = await ok.text();
    // The process itself: event-loop delay and memory.
    expect(sample(text, 'mixdesk_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'mixdesk_process_resident_memory_bytes')).toBeGreaterThan(0);
    const off = await web(studio);
    try {
      expect((await fetch(`${off.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('counts a job while it runs and after, and a master with its booking, file and messages', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    await queue.process('ops-probe', async () => {
      started();
      await gate;
    });
    await queue.add('ops-probe', {});
    await running;
    const during = await (await scrape()).text();
    expect(sample(during, 'mixdesk_jobs_running_here{kind="ops-probe"}')).toBe(1);
    expect(sample(during, 'mixdesk_job_duration_seconds_count{kind="ops-probe",outcome="done"}')).toBeUndefined();
    finish();
    await queue.idle();
    const after = await (await scrape()).text();
    expect(sample(after, 'mixdesk_jobs_running_here{kind="ops-probe"}') ?? 0).toBe(0);
    expect(sample(after, 'mixdesk_job_duration_seconds_count{kind="ops-probe",outcome="done"}')).toBe(1);

    // A real master: booked, its mix sent, made and delivered (the message waits in the outbox).
    const mix = path.join(dir, 'mix.wav');
    writeFileSync(mix, await encodeAudio(makeTrack(2), 'wav24'));
    const chat = new TestChat(new Conversation(studio, log), TestChat.sender('mara'));
    await chat.book('master', 'Unattended');
    await chat.event({ kind: 'file', file: { name: 'mix.wav', sizeBytes: 0, ref: mix, id: 'ops-mix' } });
    await queue.idle();
    const text = await (await scrape()).text();
    expect(sample(text, 'mixdesk_job_duration_seconds_count{kind="master",outcome="done"}')).toBe(1);
    expect(sample(text, 'mixdesk_jobs{kind="master",state="waiting"}')).toBe(0);
    expect(sample(text, 'mixdesk_bookings{status="delivered"}')).toBe(1);
    expect(sample(text, 'mixdesk_uploads_stored')).toBe(1);
    expect(sample(text, 'mixdesk_uploads_stored_bytes')).toBeGreaterThan(100_000);
    expect(sample(text, 'mixdesk_outbox_messages{state="pending"}')).toBeGreaterThan(0);
    expect(sample(text, 'mixdesk_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'mixdesk_uploads_total{outcome="accepted",reason=""}')).toBe(1);
    expect(sample(text, 'mixdesk_upload_bytes_total')).toBe(sample(text, 'mixdesk_uploads_stored_bytes'));

    // A file that is no audio is refused, and counted by its reason.
    const text2 = path.join(dir, 'notes.wav');
    writeFileSync(text2, 'these are my notes, not a song '.repeat(100));
    await chat.event({ kind: 'file', file: { name: 'notes.wav', sizeBytes: 0, ref: text2, id: 'ops-notes' } });
    const refusedText = await (await scrape()).text();
    expect(sample(refusedText, 'mixdesk_uploads_total{outcome="refused",reason="not-audio"}')).toBe(1);
  });
});

describe('/readyz on the embedded defaults', () => {
  it('is ready, and a part that fails says so without showing the error (a driver may name hosts and passwords)', async () => {
    const t = await createTestDatabase('sqlite');
    const queue = new InProcessQueue();
    const studio = await testStudio(t.db, {}, undefined, undefined, { queue });
    const server = await web(studio);
    try {
      const fine = await fetch(`${server.url}/readyz`);
      expect(fine.status).toBe(200);
      expect(await fine.json()).toMatchObject({ ok: true, parts: { database: 'ok', 'queue (inprocess)': 'ok', 'storage (local)': 'ok', disk: 'ok' } });
      const healthCheck = studio.healthCheck;
      studio.healthCheck = () => Promise.reject(new Error('connect ECONNREFUSED postgres://admin:hunter2@db.internal:5432/mixdesk'));
      try {
        const down = await fetch(`${server.url}/readyz`);
        expect(down.status).toBe(503);
        const text = await down.text();
        expect(JSON.parse(text)).toMatchObject({ ok: false, problems: ['database: not answering (the log says why)'] });
        expect(text).not.toMatch(/hunter2|db\.internal|ECONNREFUSED/);
      } finally {
        studio.healthCheck = healthCheck;
      }
    } finally {
      await server.close();
      await queue.close();
      await t.drop();
    }
  });
});

const redisServer = '/usr/bin/redis-server';

describe.skipIf(!existsSync(redisServer))('/readyz', () => {
  let t: TestDatabase;
  let port: number;
  let redis: ChildProcess | null = null;

  const startRedis = async () => {
    redis = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
    // Ready once it says so on its own output.
    for await (const chunk of redis.stdout!) if (String(chunk).includes('Ready to accept connections')) break;
  };
  const stopRedis = async () => {
    const r = redis!;
    redis = null;
    r.kill('SIGKILL');
    await once(r, 'exit');
  };

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    port = await freePort();
    await startRedis();
  });
  afterAll(async () => {
    if (redis) await stopRedis();
    await t?.drop();
  });

  it('says which part is not ready and why — Redis stopped — and is ready again once it is back, without a restart', async () => {
    const queue = new BullQueue({ url: `redis://127.0.0.1:${port}`, prefix: `ops-${process.pid}` });
    const studio = await testStudio(t.db, {}, undefined, undefined, { queue });
    const server = await web(studio);
    const ready = async () => {
      const res = await fetch(`${server.url}/readyz`);
      return { status: res.status, body: (await res.json()) as { ok: boolean; parts: Record<string, string>; problems: string[] } };
    };
    try {
      // The first connection may still be opening: ready within a few tries.
      await vi.waitFor(async () => expect((await ready()).status).toBe(200), { timeout: 20_000, interval: 100 });
      const fine = await ready();
      expect(fine.body).toMatchObject({ ok: true, problems: [] });
      expect(fine.body.parts).toMatchObject({ database: 'ok', 'queue (redis)': 'ok', 'storage (local)': 'ok', disk: 'ok' });

      await stopRedis();
      await vi.waitFor(async () => expect((await ready()).status).toBe(503), { timeout: 20_000, interval: 100 });
      const down = await ready();
      expect(down.body.ok).toBe(false);
      expect(down.body.problems).toHaveLength(1);
      expect(down.body.problems[0]).toMatch(/^queue \(redis\): Redis (is not connected|did not answer|refused)/);
      expect(down.body.parts.database).toBe('ok');

      await startRedis();
      await vi.waitFor(async () => expect((await ready()).status).toBe(200), { timeout: 30_000, interval: 200 });
    } finally {
      await server.close();
      await queue.close().catch(() => undefined);
    }
  }, 120_000);
});
