// A worker process killed with SIGKILL in the middle of a job: another worker takes the job over
// once the dead one's lock lapses, and the job completes exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/schemas.js';
import { BullQueue } from '../../queue/bullmq.js';

const redisUrl = process.env.TEST_REDIS_URL;

describe.runIf(redisUrl)('BullMQ worker killed mid-job', () => {
  const prefix = `mdcrash-${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  function worker(mode: 'hang' | 'fast'): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/queue-worker.ts', redisUrl!, prefix, mode], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
      child.on('error', reject);
      child.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`worker exited ${code}`)));
    });
  }

  it('the job is taken over and completes once', async () => {
    const redis = new Redis(redisUrl!);
    const q = new BullQueue({ url: redisUrl!, prefix });
    try {
      const a = await worker('hang');
      await q.add('master', { id: 'job-1' }, { jobId: 'master-booking-1-v1' });
      const log = async () => redis.lrange(`${prefix}:log`, 0, -1);
      for (let i = 0; i < 200 && !(await log()).some((l) => l.startsWith('start:')); i++) await new Promise((r) => setTimeout(r, 50));
      expect((await log())[0]).toBe(`start:${a.pid}:job-1`);
      a.kill('SIGKILL');
      const b = await worker('fast');
      for (let i = 0; i < 300 && !(await log()).some((l) => l.startsWith('done:')); i++) await new Promise((r) => setTimeout(r, 100));
      const entries = await log();
      expect(entries).toEqual([`start:${a.pid}:job-1`, `start:${b.pid}:job-1`, `done:${b.pid}:job-1`]);
      // Adding the same job again after completion does nothing: a job added after it runs, and
      // the duplicate, had it been queued, would have run first.
      await q.add('master', { id: 'job-1' }, { jobId: 'master-booking-1-v1' });
      await q.add('master', { id: 'job-2' }, { jobId: 'master-booking-2-v1' });
      for (let i = 0; i < 300 && !(await log()).includes(`done:${b.pid}:job-2`); i++) await new Promise((r) => setTimeout(r, 50));
      expect((await log()).filter((l) => l.startsWith('done:'))).toEqual([`done:${b.pid}:job-1`, `done:${b.pid}:job-2`]);
    } finally {
      await q.close();
      redis.disconnect();
    }
  }, 60_000);
});
