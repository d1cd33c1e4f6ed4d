// The embedded queue: jobs run in this process, with retries and exponential backoff, and jobs
// with the same id run once. Nothing survives a restart (the Redis queue is for that).
import { randomUUID } from 'node:crypto';
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

interface Pending {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  attempts: number;
  backoffMs: number;
  notBefore: number;
  addedAt: number;
}

export class InProcessQueue implements JobQueue {
  readonly kind = 'inprocess' as const;
  private readonly handlers = new Map<string, { handler: JobHandler<unknown>; concurrency: number; running: number }>();
  private readonly waiting: Pending[] = [];
  /** Every job added since start, by id, and where it stands (an id seen is not added again). */
  private readonly seen = new Map<string, JobStatus>();
  private readonly failed: FailedListener[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** A drain gave up on the running jobs: close() no longer waits for them. */
  private abandoned = false;
  private active = 0;
  private readonly idleWaiters: (() => void)[] = [];
  /** Jobs failed for good since start, by kind. */
  private readonly failedCount = new Map<string, number>();

  async add<T>(name: string, data: T, opts: JobOptions = {}): Promise<string> {
    const id = opts.jobId ?? randomUUID();
    if (this.seen.has(id)) return id;
    this.seen.set(id, { state: 'waiting' });
    this.waiting.push({
      id,
      name,
      data,
      attempt: 1,
      attempts: opts.attempts ?? defaultAttempts,
      backoffMs: opts.backoffMs ?? defaultBackoffMs,
      notBefore: Date.now() + (opts.delayMs ?? 0),
      addedAt: Date.now(),
    });
    this.pump();
    return id;
  }

  async process<T>(name: string, handler: JobHandler<T>, opts: { concurrency?: number } = {}): Promise<void> {
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, concurrency: opts.concurrency ?? 1, running: 0 });
    this.pump();
  }

  async status(_name: string, id: string): Promise<JobStatus> {
    return this.seen.get(id) ?? { state: 'unknown' };
  }

  onFailed(listener: FailedListener): void {
    this.failed.push(listener);
  }

  async counts(names: readonly string[]): Promise<Record<string, JobCounts>> {
    const now = Date.now();
    return Object.fromEntries(
      names.map((name) => {
        const waiting = this.waiting.filter((j) => j.name === name);
        const oldest = waiting.reduce((t, j) => Math.min(t, j.addedAt), now);
        return [
          name,
          {
            waiting: waiting.length,
            active: this.handlers.get(name)?.running ?? 0,
            failed: this.failedCount.get(name) ?? 0,
            oldestWaitingSeconds: (now - oldest) / 1000,
          },
        ];
      }),
    );
  }

  /** In this process: it takes jobs while it runs. */
  async problem(): Promise<string | null> {
    return this.closed ? 'the job queue is closed (the service is stopping)' : null;
  }

  /** Resolves once nothing is waiting or running (for tests and orderly shutdown). */
  idle(): Promise<void> {
    if (this.waiting.length === 0 && this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async drain(graceMs: number): Promise<boolean> {
    this.closed = true;
    clearTimeout(this.timer);
    if (this.active === 0) return true;
    const finished = await within(new Promise<true>((resolve) => this.idleWaiters.push(() => resolve(true))), graceMs, false);
    // Given up on: what is still running is abandoned with the process, not waited for at close.
    if (!finished) this.abandoned = true;
    return finished;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    while (this.active > 0 && !this.abandoned) await new Promise((r) => setTimeout(r, 10));
  }

  private pump(): void {
    if (this.closed) return this.checkIdle();
    clearTimeout(this.timer);
    const now = Date.now();
    let soonest = Infinity;
    for (let i = 0; i < this.waiting.length; i++) {
      const job = this.waiting[i]!;
      const h = this.handlers.get(job.name);
      if (!h || h.running >= h.concurrency) continue;
      if (job.notBefore > now) {
        soonest = Math.min(soonest, job.notBefore);
        continue;
      }
      this.waiting.splice(i--, 1);
      void this.run(job, h);
    }
    if (soonest < Infinity) this.timer = setTimeout(() => this.pump(), soonest - now);
    this.checkIdle();
  }

  private async run(job: Pending, h: { handler: JobHandler<unknown>; running: number }): Promise<void> {
    h.running++;
    this.active++;
    this.seen.set(job.id, { state: 'active' });
    try {
      await tracked(job.name, job.id, () => h.handler(job.data, { id: job.id, name: job.name, attempt: job.attempt }));
      this.seen.set(job.id, { state: 'completed' });
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      if (job.attempt < job.attempts) {
        this.seen.set(job.id, { state: 'waiting', reason: error.message });
        this.waiting.push({ ...job, attempt: job.attempt + 1, notBefore: Date.now() + job.backoffMs * 2 ** (job.attempt - 1) });
      } else {
        this.seen.set(job.id, { state: 'failed', reason: error.message });
        this.failedCount.set(job.name, (this.failedCount.get(job.name) ?? 0) + 1);
        // Reported before the job stops counting as running, so idle() means "and its failure is told".
        await Promise.all(this.failed.map((l) => l(job.name, job.data, error, { id: job.id, name: job.name, attempt: job.attempt })));
      }
    } finally {
      h.running--;
      this.active--;
      this.pump();
    }
  }

  private checkIdle(): void {
    // Closed, the waiting jobs will not run here: idle once the running ones are done.
    if ((this.waiting.length === 0 || this.closed) && this.active === 0) for (const w of this.idleWaiters.splice(0)) w();
  }
}
