// Chooses the JobQueue from configuration.
import type { Config } from '../config.js';
import { BullQueue } from './bullmq.js';
import { InProcessQueue } from './in-process.js';
import type { JobQueue } from './job-queue.js';

export type { JobQueue, JobOptions, JobHandler } from './job-queue.js';

export function createJobQueue(c: Config): JobQueue {
  return c.QUEUE_DRIVER === 'redis'
    ? new BullQueue({
        url: c.REDIS_URL!,
        prefix: c.QUEUE_PREFIX,
        lockDurationMs: c.QUEUE_LOCK_SECONDS * 1000,
        stalledIntervalMs: Math.max(500, c.QUEUE_LOCK_SECONDS * 500),
      })
    : new InProcessQueue();
}
