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
    let runs = 0;
    await q.process('once', async () => void runs++);
    const a = await q.add('once', {}, { jobId: 'deliver-booking-1-v1' });
    await until(() => runs === 1);
    const b = await q.add('once', {}, { jobId: 'deliver-booking-1-v1' });
    expect(b).toBe(a);
    await new Promise((r) => setTimeout(r, 300));
    expect(runs).toBe(1);
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
    q.onFailed((name, data, err, job) => failures.push(`${name}:${(data as { id: string }).id}:${err.message}:${job.attempt}`));
    await q.process('doomed', async () => {
      throw new Error('corrupt file');
    });
    await q.add('doomed', { id: 'x1' }, { attempts: 2, backoffMs: 20 });
    await until(() => failures.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(failures).toEqual(['doomed:x1:corrupt file:2']);
  });
});
