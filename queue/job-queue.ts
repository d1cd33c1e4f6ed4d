// The JobQueue port: heavy or retryable work (mastering, encoding, delivering, reminders) runs as
// named jobs. In-process by default; BullMQ on Redis when workers run on other machines. Both pass
// the same contract tests (tests/queue).

export interface JobOptions {
  /** A job with an id that is already queued, running or done is not added again. */
  jobId?: string;
  /** Tries in all (default 3). */
  attempts?: number;
  /** First retry delay; doubles with each further try (default 1000 ms). */
  backoffMs?: number;
  delayMs?: number;
}

export interface JobInfo {
  id: string;
  name: string;
  /** 1 on the first try. */
  attempt: number;
}

export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

/** Told of a job that failed its last try (it must not throw; a promise it returns is awaited where the queue can). */
export type FailedListener = (name: string, data: unknown, error: Error, job: JobInfo) => void | Promise<void>;

/** Where a job stands: waiting (or delayed for a retry), active, done, failed for good (with why), or unknown to the queue. */
export interface JobStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed' | 'unknown';
  reason?: string;
}

/** How many jobs of one kind wait, run and failed for good, and how long the oldest waiting one has waited. */
export interface JobCounts {
  waiting: number;
  active: number;
  failed: number;
  /** Seconds the oldest waiting job has waited (0 when none waits). */
  oldestWaitingSeconds: number;
}

export interface JobQueue {
  readonly kind: 'inprocess' | 'redis';
  /** Queues a job; resolves with its id (the existing one for a duplicate jobId). */
  add<T>(name: string, data: T, opts?: JobOptions): Promise<string>;
  /** Where the job `id` of `name` stands (unknown: never added here, removed, or forgotten by a restart). */
  status(name: string, id: string): Promise<JobStatus>;
  /** Starts taking jobs of `name` in this process. */
  process<T>(name: string, handler: JobHandler<T>, opts?: { concurrency?: number }): Promise<void>;
  /** Called once when a job has failed its last try; the in-process queue counts it as running until the listener's promise settles. */
  onFailed(listener: FailedListener): void;
  /** The jobs of each kind in `names` (the whole queue, every process's, where the queue is shared). */
  counts(names: readonly string[]): Promise<Record<string, JobCounts>>;
  /**
   * Stops taking new jobs in this process and waits up to `graceMs` for the running ones. True when
   * they finished; false when the bound passed: they are handed back (BullMQ: another worker takes
   * them over once their lock lapses; in-process: the version stays preparing and the next start
   * makes it, as after a crash). Either way the process may exit.
   */
  drain(graceMs: number): Promise<boolean>;
  /** Null while the queue can take jobs; otherwise why not (Redis unreachable), in a sentence for the operator. */
  problem(): Promise<string | null>;
  close(): Promise<void>;
}

export const defaultAttempts = 3;
export const defaultBackoffMs = 1000;
