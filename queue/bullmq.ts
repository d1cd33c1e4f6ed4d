// The distributed queue: BullMQ on Redis. Workers (`mixdesk worker`) on any number of machines
// take jobs; a worker that dies mid-job has its job taken over once its lock lapses.
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  defaultAttempts,
  defaultBackoffMs,
  type FailedListener,
  type JobCounts,
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type JobStatus,
} from './job-queue.js';
import { tracked } from './running.js';
import { within } from '../bounded.js';

export interface BullSettings {
  url: string;
  /** Key prefix, so deployments (and test files) sharing a Redis stay apart. */
  prefix: string;
  /** How long a job's lock lasts without renewal before another worker may take it over. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** How long /readyz waits for Redis to answer before saying it does not. */
const PING_TIMEOUT_MS = 2000;

export class BullQueue implements JobQueue {
  readonly kind = 'redis' as const;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];
  private readonly failed: FailedListener[] = [];
  private readonly connection: Redis;
  /** Jobs this process's workers are running, and who waits for them to end (drain). */
  private active = 0;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly s: BullSettings) {
    // Workers block on Redis; BullMQ requires unlimited retries per request for them.
    this.connection = new Redis(s.url, { maxRetriesPerRequest: null });
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.s.prefix });
      this.queues.set(name, q);
    }
    return q;
  }

  async add<T>(name: string, data: T, opts: JobOptions = {}): Promise<string> {
    const job = await this.queue(name).add(name, data, {
      ...(opts.jobId ? { jobId: opts.jobId } : {}),
      attempts: opts.attempts ?? defaultAttempts,
      backoff: { type: 'exponential', delay: opts.backoffMs ?? defaultBackoffMs },
      ...(opts.delayMs ? { delay: opts.delayMs } : {}),
      removeOnComplete: { age: 7 * 86400 },
      removeOnFail: { age: 30 * 86400 },
    });
    return job.id ?? opts.jobId ?? '';
  }

  async process<T>(name: string, handler: JobHandler<T>, opts: { concurrency?: number } = {}): Promise<void> {
    const connection = new Redis(this.s.url, { maxRetriesPerRequest: null });
    this.workerConnections.push(connection);
    const worker = new Worker(
      name,
      async (job: Job) => {
        this.active++;
        try {
          return await tracked(name, job.id ?? '', () => handler(job.data as T, { id: job.id ?? '', name, attempt: job.attemptsMade + 1 }));
        } finally {
          if (--this.active === 0) for (const w of this.idleWaiters.splice(0)) w();
        }
      },
      {
        connection,
        prefix: this.s.prefix,
        concurrency: opts.concurrency ?? 1,
        ...(this.s.lockDurationMs ? { lockDuration: this.s.lockDurationMs } : {}),
        ...(this.s.stalledIntervalMs ? { stalledInterval: this.s.stalledIntervalMs } : {}),
      },
    );
    worker.on('failed', (job, err) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      for (const l of this.failed) void l(name, job.data, err, { id: job.id ?? '', name, attempt: job.attemptsMade });
    });
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async status(name: string, id: string): Promise<JobStatus> {
    const job = await Job.fromId(this.queue(name), id);
    if (!job) return { state: 'unknown' };
    const state = await job.getState();
    if (state === 'active') return { state: 'active' };
    if (state === 'completed') return { state: 'completed' };
    if (state === 'failed') return { state: 'failed', ...(job.failedReason ? { reason: job.failedReason } : {}) };
    if (state === 'unknown') return { state: 'unknown' };
    // waiting, delayed (a retry's backoff), prioritized, waiting for children: it will run.
    return { state: 'waiting' };
  }

  onFailed(listener: FailedListener): void {
    this.failed.push(listener);
  }

  async counts(names: readonly string[]): Promise<Record<string, JobCounts>> {
    const now = Date.now();
    const entries = await Promise.all(
      names.map(async (name): Promise<[string, JobCounts]> => {
        const q = this.queue(name);
        const c = await q.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'failed');
        const [oldest] = await q.getJobs(['waiting', 'prioritized'], 0, 0, true);
        return [
          name,
          {
            waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0),
            active: c.active ?? 0,
            failed: c.failed ?? 0,
            oldestWaitingSeconds: oldest ? Math.max(0, (now - oldest.timestamp) / 1000) : 0,
          },
        ];
      }),
    );
    return Object.fromEntries(entries);
  }

  /**
   * Redis answering, or why not. The connection's own state first (a lost connection is
   * "reconnecting" at once, while commands would wait in its queue), then a PING bounded to 2 s.
   */
  async problem(): Promise<string | null> {
    const status = this.connection.status;
    // Lost (reconnecting, closed): said at once. Still opening its first connection: the PING waits for it, within the bound.
    if (['reconnecting', 'close', 'end'].includes(status)) return `Redis is not connected (${status})`;
    try {
      return await within(
        this.connection.ping().then(() => null),
        PING_TIMEOUT_MS,
        'Redis did not answer a PING within 2 s',
      );
    } catch (err) {
      return `Redis refused a PING: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  async drain(graceMs: number): Promise<boolean> {
    // Paused without waiting: no new job is fetched, the running ones go on. (A worker's close()
    // cannot be forced once an unforced one is under way: BullMQ returns the first call's promise.)
    await Promise.all(this.workers.map((w) => w.pause(true)));
    const finished = this.active === 0 || (await within(new Promise<true>((resolve) => this.idleWaiters.push(() => resolve(true))), graceMs, false));
    // Forced past the bound: the running jobs' locks lapse and another worker (or this one, restarted) takes them over.
    await Promise.all(this.workers.map((w) => w.close(!finished)));
    this.workers.length = 0;
    return finished;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    // Connections handed to BullMQ are ours to close.
    await Promise.all([this.connection, ...this.workerConnections].map((c) => c.quit()));
  }
}
