// One contract for both queues: in-process, and BullMQ on a real Redis (when TEST_REDIS_URL is set).
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BullQueue } from '../../queue/bullmq.js';
import { InProcessQueue } from '../../queue/in-process.js';
import type { JobQueue } from '../../queue/job-queue.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('Redis queue tests SKIPPED: set TEST_REDIS_URL=redis://127.0.0.1:6379 to run them (CI does).');

const kinds: [string, () => JobQueue][] = [['in-process', () => new InProcessQueue()]];
if (redisUrl) kinds.push(['BullMQ on Redis', () => new BullQueue({ url: redisUrl, prefix: `mdtest-${randomBytes(4).toString('hex')}` })]);

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(kinds)('JobQueue contract: %s', (_name, make) => {
  let q: JobQueue;
  afterEach(async () => q?.close());

  it('runs jobs with their data', async () => {
    q = make();
    const got: number[] = [];
    await q.process<{ n: number }>('square', async ({ n }) => void got.push(n * n));
    await q.add('square', { n: 3 });
    await q.add('square', { n: 4 });
    await until(() => got.length === 2);
    expect(got.sort()).toEqual([16, 9]);
  });

  it('a job id already queued or done is not run again', async () => {
    q = make();
    const ran: string[] = [];
    await q.process('once', async (_d, job) => void ran.push(job.id));
    const a = await q.add('once', {}, { jobId: 'deliver-booking-1-v1' });
    await until(() => ran.length === 1);
    const b = await q.add('once', {}, { jobId: 'deliver-booking-1-v1' });
    expect(b).toBe(a);
    // Jobs run in the order they were added: once a job added after the duplicate has run, the
    // duplicate would have run before it.
    await q.add('once', {}, { jobId: 'after-the-duplicate' });
    await until(() => ran.length >= 2);
    expect(ran).toEqual(['deliver-booking-1-v1', 'after-the-duplicate']);
  });

  it('retries with backoff until it works', async () => {
    q = make();
    const attempts: number[] = [];
    await q.process('flaky', async (_d, job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error('platform busy');
    });
    await q.add('flaky', {}, { attempts: 3, backoffMs: 50 });
    await until(() => attempts.length === 3);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('reports a job that failed its last try, once', async () => {
    q = make();
    const failures: string[] = [];
    q.onFailed((name, data, err, job) => void failures.push(`${name}:${(data as { id: string }).id}:${err.message}:${job.attempt}`));
    await q.process('doomed', async () => {
      throw new Error('corrupt file');
    });
    await q.add('doomed', { id: 'x1' }, { attempts: 2, backoffMs: 20 });
    await until(() => failures.length === 1);
    // A second report of x1 would come before the report of a job added after it failed.
    await q.add('doomed', { id: 'x2' }, { attempts: 1 });
    await until(() => failures.length >= 2);
    expect(failures).toEqual(['doomed:x1:corrupt file:2', 'doomed:x2:corrupt file:1']);
  });

  it('counts jobs waiting, running and failed for good by kind (the metrics), and says it can take jobs', async () => {
    q = make();
    expect(await q.problem()).toBeNull();
    await q.add('later', { n: 1 });
    await q.add('later', { n: 2 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    await q.process('slow', async () => {
      started = true;
      await gate;
    });
    await q.add('slow', {});
    const failures: string[] = [];
    q.onFailed((name) => void failures.push(name));
    await q.process('doomed', async () => {
      throw new Error('corrupt file');
    });
    await q.add('doomed', {}, { attempts: 1 });
    await until(() => started && failures.length === 1);
    const counts = await q.counts(['later', 'slow', 'doomed']);
    expect(counts.later).toMatchObject({ waiting: 2, active: 0, failed: 0 });
    expect(counts.later!.oldestWaitingSeconds).toBeGreaterThanOrEqual(0);
    expect(counts.slow).toMatchObject({ waiting: 0, active: 1, failed: 0, oldestWaitingSeconds: 0 });
    expect(counts.doomed).toMatchObject({ waiting: 0, active: 0, failed: 1 });
    release();
  });

  it('drains: lets a running job finish within the bound and takes no new one; past the bound it gives up on it', async () => {
    q = make();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    let started = false;
    await q.process<{ n: string }>('work', async ({ n }) => {
      started = true;
      ran.push(n);
      await gate;
    });
    await q.add('work', { n: 'first' });
    await until(() => started);
    // Within the bound: the running job finishes, and the one added meanwhile does not start here.
    const draining = q.drain(60_000);
    await q.add('work', { n: 'second' }).catch(() => undefined);
    release();
    expect(await draining).toBe(true);
    expect(ran).toEqual(['first']);
  });

  it('drains: past the bound it gives up on the running job (handed back), and the queue still closes', async () => {
    q = make();
    let started = false;
    await q.process('stuck', async () => {
      started = true;
      await new Promise<void>(() => undefined); // never ends
    });
    await q.add('stuck', {});
    await until(() => started);
    expect(await q.drain(50)).toBe(false);
  });

  it('tells where a job stands: waiting, active, done, failed for good with why, or unknown', async () => {
    q = make();
    expect(await q.status('stages', 'never-added')).toEqual({ state: 'unknown' });
    let release: () => void = () => undefined;
    const started: string[] = [];
    await q.process<{ fail: boolean }>('stages', async ({ fail }, job) => {
      started.push(job.id);
      if (fail) throw new Error('the database went away');
      await new Promise<void>((resolve) => (release = resolve));
    });
    await q.add('stages', { fail: false }, { jobId: 'held' });
    await until(() => started.includes('held'));
    expect(await q.status('stages', 'held')).toEqual({ state: 'active' });
    await q.add('stages', { fail: false }, { jobId: 'behind' });
    expect((await q.status('stages', 'behind')).state).toBe('waiting');
    release();
    await until(() => started.includes('behind'));
    release();
    const settled = async (id: string, state: string) => {
      const end = Date.now() + 15_000;
      while ((await q.status('stages', id)).state !== state && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      return q.status('stages', id);
    };
    expect(await settled('held', 'completed')).toEqual({ state: 'completed' });
    await q.add('stages', { fail: true }, { jobId: 'doomed', attempts: 1 });
    expect(await settled('doomed', 'failed')).toEqual({ state: 'failed', reason: 'the database went away' });
  });
});
